/** Stage 5b: the page's headline direction, and each floating headline given to the body it names. */
import { type HeadingAtom, STRONG_OVERLAP, type Seg, type SeqItem } from './atoms';
import { headingOverlap } from './similarity';

export function segText(seg: Seg, limit = 2000): string {
  if (seg.textCache !== null) return seg.textCache;
  let s = '';
  for (const it of seg.items) {
    if (it.t !== 'para') continue;
    s += it.text;
    if (s.length >= limit) break;
  }
  seg.textCache = s.slice(0, limit);
  return seg.textCache;
}

export function isTitled(seg: Seg): boolean {
  return seg.titleBefore !== null || seg.titleAfter !== null;
}

export function startsWithSignal(seg: Seg): boolean {
  return seg.startSignals.length > 0;
}

/** `before`: headlines are printed above their bodies (the common case); `after`: below them. */
export type Orientation = 'before' | 'after';

export function detectOrientation(seq: SeqItem[]): Orientation {
  let before = 0;
  let after = 0;
  const first = seq[0];
  if (first?.k === 'heading' && !first.h.numbered) before += 1;
  if (first?.k === 'seg' && !first.seg.from && first.seg.hasBody && !startsWithSignal(first.seg))
    after += 0.5;
  const last = seq[seq.length - 1];
  if (last?.k === 'heading' && !last.h.numbered) after += 1;
  for (let k = 0; k < seq.length; k++) {
    const it = seq[k];
    if (!it || it.k !== 'heading' || it.h.numbered) continue;
    const prev = neighbourSeg(seq, k, -1);
    const next = neighbourSeg(seq, k, 1);
    const ovPrev = prev ? headingOverlap(it.h.grams, segText(prev)) : 0;
    const ovNext = next ? headingOverlap(it.h.grams, segText(next)) : 0;
    if (ovPrev > ovNext + 0.2) after += 1;
    else if (ovNext > ovPrev + 0.2) before += 1;
    if (next && startsWithSignal(next) && ovPrev <= ovNext) before += 0.25;
  }
  return after > before ? 'after' : 'before';
}

export function neighbourSeg(seq: SeqItem[], k: number, dir: 1 | -1): Seg | null {
  for (let n = k + dir; n >= 0 && n < seq.length; n += dir) {
    const it = seq[n];
    if (!it) continue;
    if (it.k === 'seg') return it.seg;
  }
  return null;
}

export function attachFloatingHeadings(
  seq: SeqItem[],
  orientation: Orientation,
  leftover: HeadingAtom[],
): void {
  for (let k = 0; k < seq.length; k++) {
    const it = seq[k];
    if (!it || it.k !== 'heading') continue;
    const h = it.h;
    const candidates: Array<{ seg: Seg; side: 'before' | 'after'; score: number }> = [];
    const next = neighbourSeg(seq, k, 1);
    if (next && !next.titleBefore) {
      let score = next.hasBody ? headingOverlap(h.grams, segText(next)) : 0;
      if (orientation === 'before') score += 0.2;
      // a headline printed just above a 上接 continuation usually repeats the continued article's title
      if (next.from) score += 0.25;
      if (startsWithSignal(next)) score += 0.1;
      if (next.kv || h.notice) score += 1;
      candidates.push({ seg: next, side: 'before', score });
    }
    // the previous segments, nearest first; farther ones need clear lexical evidence
    let seen = 0;
    for (let n = k - 1; n >= 0 && seen < 3; n--) {
      const p = seq[n];
      if (!p || p.k !== 'seg') continue;
      seen++;
      const seg = p.seg;
      if (isTitled(seg)) continue;
      let score = headingOverlap(h.grams, segText(seg));
      if (seen === 1 && orientation === 'after') score += 0.2;
      if (seen > 1) score -= 0.2;
      if (seen > 1 && score < STRONG_OVERLAP - 0.2) continue;
      if (h.notice) score -= 1;
      candidates.push({ seg, side: 'after', score });
    }
    if (candidates.length === 0) {
      leftover.push(h);
      continue;
    }
    let best = candidates[0];
    for (const c of candidates) if (best === undefined || c.score > best.score) best = c;
    if (!best) continue;
    if (best.side === 'before') best.seg.titleBefore = h;
    else best.seg.titleAfter = h;
  }
}
