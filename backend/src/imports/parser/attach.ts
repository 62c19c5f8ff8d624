/** Stage 5b: the page's headline direction, and each floating headline given to the body it names. */
import { type HeadingAtom, STRONG_OVERLAP, type Seg, type SeqItem } from './atoms';
import { type RunSide, mergeBlocks, runGaps, scoreRunSplit } from './heading-runs';
import { type GramLookup, overlapIn, textBigrams } from './similarity';
import { isPhotoByline } from './text-rules';
import { isLoneCaptionLine } from './segments';
import { ORIENTATION_PRIOR } from './thresholds';

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

/** The bigrams of a segment's first text, computed once. */
export function segGrams(seg: Seg): GramLookup {
  seg.gramCache ??= textBigrams(segText(seg));
  return seg.gramCache;
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
  const end = seq[seq.length - 1];
  if (end?.k === 'heading' && !end.h.numbered) after += 1;
  // nearest segment on either side of each item, found in one pass each way (linear)
  const prevSeg: Array<Seg | null> = [];
  let last: Seg | null = null;
  for (const it of seq) {
    prevSeg.push(last);
    if (it.k === 'seg') last = it.seg;
  }
  const nextSeg: Array<Seg | null> = new Array<Seg | null>(seq.length).fill(null);
  last = null;
  for (let k = seq.length - 1; k >= 0; k--) {
    nextSeg[k] = last;
    const it = seq[k];
    if (it?.k === 'seg') last = it.seg;
  }
  for (let k = 0; k < seq.length; k++) {
    const it = seq[k];
    if (!it || it.k !== 'heading' || it.h.numbered) continue;
    const prev = prevSeg[k] ?? null;
    const next = nextSeg[k] ?? null;
    const ovPrev = prev ? overlapIn(it.h.grams, segGrams(prev)) : 0;
    const ovNext = next ? overlapIn(it.h.grams, segGrams(next)) : 0;
    if (ovPrev > ovNext + 0.2) after += 1;
    else if (ovNext > ovPrev + 0.2) before += 1;
    if (next && startsWithSignal(next) && ovPrev <= ovNext) before += 0.25;
  }
  return after > before ? 'after' : 'before';
}

/** The priors of a segment's two sides, for giving it a floating headline. */
function sideOf(seg: Seg, side: 'before' | 'after', orientation: Orientation, run: HeadingAtom[]): RunSide {
  let prior = orientation === side ? ORIENTATION_PRIOR : 0;
  if (side === 'before') {
    // a headline printed just above a 上接 continuation usually repeats the continued article's title
    if (seg.from) prior += 0.25;
    if (startsWithSignal(seg)) prior += 0.1;
    if (seg.kv || run.some((h) => h.notice)) prior += 1;
    // (a notice's headline opens the run: nothing before it can be the previous article's)
  } else if (run[0]?.notice) prior -= 1;
  // a continued article's tail has its headline on the head's page: a headline under it is the next one's
  else if (seg.from) prior -= 1;
  // (and a caption of one short sentence printed over an article takes no headline after it)
  else if (isLoneCaptionLine(seg)) prior -= 1;
  return { grams: segGrams(seg), prior };
}

/**
 * Gives each run of floating headlines to the segments around it: the run is cut once (see
 * chooseRunSplit); the blocks before the cut close the segment before, the rest open the one after.
 * A run neither neighbour can take goes to an earlier untitled segment it clearly names, or stays
 * unassigned.
 */
export function attachFloatingHeadings(
  seq: SeqItem[],
  orientation: Orientation,
  leftover: HeadingAtom[],
): void {
  for (let k = 0; k < seq.length; k++) {
    if (seq[k]?.k !== 'heading') continue;
    const run: HeadingAtom[] = [];
    let end = k;
    for (; end < seq.length; end++) {
      const it = seq[end];
      if (!it || it.k !== 'heading') break;
      run.push(it.h);
    }
    const nextItem = seq[end];
    const next = nextItem?.k === 'seg' && !nextItem.seg.titleBefore ? nextItem.seg : null;
    const nextSide = next ? sideOf(next, 'before', orientation, run) : null;
    const prevItem = seq[k - 1];
    const gaps = runGaps(
      run,
      prevItem?.k === 'seg' ? segLastLine(prevItem.seg) : null,
      next ? segFirstLine(next) : null,
    );
    // the segment before, or one of the two before it when the headline clearly names it
    let best: { prev: Seg | null; at: number; score: number } = {
      prev: null,
      ...scoreRunSplit(run, null, nextSide),
    };
    if (next === null) best.score = -Infinity;
    let seen = 0;
    for (let n = k - 1; n >= 0 && seen < FAR_SEGMENTS; n--) {
      const p = seq[n];
      if (!p || p.k !== 'seg') continue;
      seen++;
      if (isTitled(p.seg)) continue;
      const side = sideOf(p.seg, 'after', orientation, run);
      if (seen > 1) side.prior -= FAR_PENALTY * (seen - 1);
      const r = scoreRunSplit(run, side, nextSide, seen === 1 ? gaps : []);
      if (seen > 1 && r.at > 0) {
        const named = run.slice(0, r.at).some((h) => overlapIn(h.grams, side.grams) >= STRONG_OVERLAP);
        if (!named) continue;
      }
      if (r.score > best.score + 1e-9) best = { prev: p.seg, ...r };
    }
    k = end - 1;
    if (best.score === -Infinity) {
      leftover.push(...run);
      continue;
    }
    if (best.prev && best.at > 0) best.prev.titleAfter = mergeBlocks(run.slice(0, best.at));
    if (next && best.at < run.length) next.titleBefore = mergeBlocks(run.slice(best.at));
    if (!next && best.at < run.length) leftover.push(...run.slice(best.at));
  }
}

/** How many segments back a floating headline may still be given to, and the cost of each step back. */
const FAR_SEGMENTS = 3;
const FAR_PENALTY = 0.2;

/** Input lines a segment spans: its first and last printed line (signals, text, markers). */
function segLines(seg: Seg): number[] {
  const out: number[] = [];
  for (const s of [...seg.startSignals, ...seg.endSignals]) out.push(s.line, ...(s.alsoLines ?? []));
  if (seg.from) out.push(seg.from.line);
  if (seg.to) out.push(seg.to.line);
  for (const it of seg.items) {
    if (it.t === 'para') out.push(it.line, it.lastLine ?? it.line);
    else for (const l of it.lines) out.push(l.line);
  }
  return out;
}

function segFirstLine(seg: Seg): number | null {
  const lines = segLines(seg);
  return lines.length > 0 ? Math.min(...lines) : null;
}

function segLastLine(seg: Seg): number | null {
  const lines = segLines(seg);
  return lines.length > 0 ? Math.max(...lines) : null;
}

/** An uncredited text after a gap is taken for the article's end from this many lines. */
const GAP_TAIL_MIN_LINES = 3;

/**
 * An article's last paragraph set apart by two blank lines: the segment after a gap with no headline,
 * no lead and no marker of its own, closed by a credit, where the titled segment before it has no
 * credit or marker of its own (`镇江举办…` / `金山网讯 昨天…` / two blank lines / `启动仪式上，…护行动。（李溟 李媛）`),
 * is that article's end, rejoined to it; so is one between an article and the headline printed after it.
 */
export function rejoinGapTails(seq: SeqItem[]): void {
  for (let k = seq.length - 1; k > 0; k--) {
    const it = seq[k];
    const prev = seq[k - 1];
    if (it?.k !== 'seg' || prev?.k !== 'seg') continue;
    const b = it.seg;
    const a = prev.seg;
    if (b.openCause !== 'gap' || isTitled(b) || b.startSignals.length > 0 || b.from || b.to || !b.hasBody)
      continue;
    if (b.items.some((x) => x.t === 'heading' || (x.t === 'para' && x.caption))) continue;
    // (a photo credited on its own, `…除草。` / `记者 郭书武 摄`, is an item of its own; so is a text
    // credited again after an article already credited at its start)
    const credited = b.endSignals.length > 0;
    if (b.endSignals.some((x) => isPhotoByline(x.value))) continue;
    if (credited && a.startSignals.some((x) => x.kind === 'byline')) continue;
    // (uncredited, it is a paragraph of some length, not a caption's line)
    if (!credited && b.items.filter((x) => x.t === 'para').length < GAP_TAIL_MIN_LINES) continue;
    // (titled above its text, or by a headline printed after this paragraph: `…的乐趣。”` / two blank lines /
    // `另外，…旅游团队。` / `春节黄金周` — the paragraph lies between the article and its headline)
    const headlineBelow =
      a.titleAfter !== null && (a.titleAfter.lines[0]?.line ?? -1) > (segLastLine(b) ?? Infinity);
    if (
      !((a.titleBefore !== null && a.titleAfter === null) || (a.titleBefore === null && headlineBelow)) ||
      a.endSignals.length > 0 ||
      a.to ||
      !a.hasBody
    )
      continue;
    if (a.section !== null || b.section !== null || a.kv || b.kv) continue;
    a.items.push(...b.items);
    a.endSignals.push(...b.endSignals);
    a.textCache = null;
    a.gramCache = null;
    seq.splice(k, 1);
  }
}
