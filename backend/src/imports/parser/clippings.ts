/** Stage 6 (clippings): segments split at in-article headlines into parts, each built into a clipping. */
import {
  type HeadingAtom,
  type ParaAtom,
  STRONG_OVERLAP,
  type Section,
  type Seg,
  type SignalAtom,
} from './atoms';
import type { Orientation } from './attach';
import { classifyKind } from './kind';
import { joinParagraphs } from './line-join';
import { headingOverlap } from './similarity';
import { endsSentence } from './text-rules';
import { headingParts, subheadText, titleFields } from './titles';
import { compact } from './tokenise';
import type { LineAssignment, LineRole, PreviewClipping, UnassignedLine } from '@jianbao/contracts';

export interface Part {
  title: HeadingAtom | null;
  items: Array<ParaAtom | HeadingAtom>;
  startSignals: SignalAtom[];
  endSignals: SignalAtom[];
  from: SignalAtom | null;
  to: SignalAtom | null;
  kv: boolean;
  section: Section;
}

export function splitSegment(seg: Seg, orientation: Orientation): Part[] {
  const parts: Part[] = [];
  const mk = (): Part => ({
    title: null,
    items: [],
    startSignals: [],
    endSignals: [],
    from: null,
    to: null,
    kv: seg.kv,
    section: seg.section,
  });
  let cur = mk();
  cur.title = seg.titleBefore;
  cur.startSignals = seg.startSignals;
  cur.from = seg.from;
  parts.push(cur);
  const items = seg.items;
  // One article carries one byline: a segment opened by a byline and closed by another credit holds two
  // pieces (an article and a captioned photo, say); the last headline between bodies divides them.
  const forcedAt = bylinePairSplit(seg);
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (!it) continue;
    if (it.t === 'para') {
      cur.items.push(it);
      continue;
    }
    const hasBodyBefore = cur.items.some((x) => x.t === 'para');
    if (!hasBodyBefore && cur.title === null && !it.numbered) {
      cur.title = it; // a headline printed after a start signal (byline/dateline) and before the body
      continue;
    }
    if (it.numbered || !hasBodyBefore) {
      cur.items.push(it);
      continue;
    }
    let split: 'before' | 'after' | null = null;
    if (k === forcedAt) split = orientation === 'after' && cur.title === null ? 'after' : 'before';
    else if (it.notice) split = 'before';
    else if (seg.section === 'brief') split = 'before';
    else {
      const beforeText = partText(cur);
      const afterText = textAfter(items, k);
      const ovBefore = headingOverlap(it.grams, beforeText);
      const ovAfter = headingOverlap(it.grams, afterText);
      const multiPart = headingParts(it).length >= 2;
      if (
        orientation === 'after' &&
        cur.title === null &&
        ovBefore >= STRONG_OVERLAP &&
        ovBefore >= ovAfter + 0.25
      ) {
        split = 'after';
      } else if (orientation === 'after' && cur.title === null && multiPart && ovAfter < STRONG_OVERLAP) {
        split = 'after';
      } else if (orientation === 'before' && multiPart && ovBefore < STRONG_OVERLAP) {
        split = 'before';
      }
    }
    if (split === null) {
      cur.items.push(it);
      continue;
    }
    if (split === 'after') cur.title = it;
    const next = mk();
    if (split === 'before') next.title = it;
    cur = next;
    parts.push(cur);
  }
  const last = parts[parts.length - 1];
  if (last) {
    last.endSignals = seg.endSignals;
    last.to = seg.to;
    if (seg.titleAfter) {
      if (last.title === null) last.title = seg.titleAfter;
      else last.items.push(seg.titleAfter);
    }
  }
  return parts;
}

/** Index of the headline that separates a start byline's piece from an end byline's piece, else -1. */
export function bylinePairSplit(seg: Seg): number {
  const startBy = seg.startSignals.find((x) => x.kind === 'byline');
  const endBy = seg.endSignals.find((x) => x.kind === 'byline');
  if (!startBy || !endBy || compact(startBy.value) === compact(endBy.value)) return -1;
  let at = -1;
  let bodyBefore = false;
  for (let k = 0; k < seg.items.length; k++) {
    const it = seg.items[k];
    if (!it) continue;
    if (it.t === 'para') {
      bodyBefore = true;
      continue;
    }
    if (!bodyBefore || it.numbered) continue;
    const prev = seg.items[k - 1];
    const next = seg.items[k + 1];
    if (prev?.t === 'para' && endsSentence(prev.text) && next?.t === 'para') at = k;
  }
  return at;
}

export function partText(p: Part, limit = 2000): string {
  let s = '';
  for (const it of p.items) {
    if (it.t !== 'para') continue;
    s += it.text;
    if (s.length >= limit) break;
  }
  return s;
}

export function textAfter(items: Array<ParaAtom | HeadingAtom>, k: number, limit = 2000): string {
  let s = '';
  for (let n = k + 1; n < items.length && s.length < limit; n++) {
    const it = items[n];
    if (!it) continue;
    if (it.t === 'heading') break;
    s += it.text;
  }
  return s;
}

export const ROLE_ORDER: Record<LineRole, number> = {
  jump: 0,
  kicker: 1,
  title: 2,
  subtitle: 3,
  byline: 4,
  dateline: 5,
  subhead: 6,
  body: 7,
  caption: 8,
  unassigned: 9,
};

export function buildClipping(p: Part): PreviewClipping | null {
  const paras = p.items.filter((x): x is ParaAtom => x.t === 'para');
  const heads = p.items.filter((x): x is HeadingAtom => x.t === 'heading');
  const hasText = paras.length > 0 || p.title !== null || heads.length > 0;
  if (!hasText && !p.from && !p.to && p.startSignals.length === 0 && p.endSignals.length === 0) return null;
  const tf = titleFields(p.title);
  // body: paragraphs between subheads are joined separately so a subhead always breaks a paragraph
  const chunks: string[] = [];
  let run: ParaAtom[] = [];
  const flushRun = (): void => {
    if (run.length > 0)
      chunks.push(joinParagraphs(run.map((r) => ({ text: r.text, gapBefore: r.gapBefore }))));
    run = [];
  };
  for (const it of p.items) {
    if (it.t === 'para') run.push(it);
    else flushRun();
  }
  flushRun();
  const body = chunks.filter((c) => c.length > 0).join('\n');
  const signals = [...p.startSignals, ...p.endSignals];
  const bylines = signals.filter((s) => s.kind === 'byline').map((s) => s.value);
  const datelines = signals.filter((s) => s.kind === 'dateline').map((s) => s.value);
  const byline = bylines.length > 0 ? bylines.join(' ') : null;
  const kind = classifyKind({
    kicker: tf.kicker,
    title: tf.title,
    body,
    byline,
    section: p.section,
    keyValue: p.kv,
  });
  const bodyRole: LineRole = kind === 'photo' ? 'caption' : 'body';
  const roles: LineAssignment[] = [...tf.roles];
  if (p.from) roles.push({ line: p.from.line, role: 'jump' });
  if (p.to) roles.push({ line: p.to.line, role: 'jump' });
  for (const s of signals) {
    roles.push({ line: s.line, role: s.kind === 'byline' ? 'byline' : 'dateline' });
    for (const line of s.alsoLines ?? [])
      roles.push({ line, role: s.kind === 'byline' ? 'byline' : 'dateline' });
  }
  for (const it of p.items) {
    if (it.t === 'para') roles.push({ line: it.line, role: bodyRole });
    else for (const l of it.lines) roles.push({ line: l.line, role: 'subhead' });
  }
  const seen = new Set<string>();
  const lines = roles
    .filter((r) => {
      const key = `${r.line}:${r.role}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line || ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  return {
    kind,
    kicker: tf.kicker,
    title: tf.title,
    subtitle: tf.subtitle,
    byline,
    // normally one; should several pile up before a body (`本报讯（记者 张三）` then `新华社…电`), keep them all
    dateline: datelines.length > 0 ? datelines.join(' ') : null,
    body,
    subheads: heads.map(subheadText),
    continuesFrom: p.from?.ref ?? null,
    continuesTo: p.to?.ref ?? null,
    regions: [],
    tags: [],
    lines,
  };
}

/** Lines glued onto an earlier one share that line's roles (or its place among the unassigned lines). */
export function reportGluedLines(
  clippings: PreviewClipping[],
  unassigned: UnassignedLine[],
  glued: Map<number, number[]>,
  rawLines: string[],
): void {
  for (const c of clippings) {
    if (!c.lines.some((l) => glued.has(l.line))) continue;
    const have = new Set(c.lines.map((l) => `${l.line}:${l.role}`));
    const extra: LineAssignment[] = [];
    for (const l of c.lines) {
      for (const n of glued.get(l.line) ?? []) {
        const key = `${n}:${l.role}`;
        if (have.has(key)) continue;
        have.add(key);
        extra.push({ line: n, role: l.role });
      }
    }
    if (extra.length > 0) {
      c.lines = [...c.lines, ...extra].sort(
        (a, b) => a.line - b.line || ROLE_ORDER[a.role] - ROLE_ORDER[b.role],
      );
    }
  }
  const assigned = new Set(clippings.flatMap((c) => c.lines.map((l) => l.line)));
  const unassignedAt = new Set(unassigned.map((u) => u.line));
  for (const [line, also] of glued) {
    if (!unassignedAt.has(line)) continue;
    for (const n of also)
      if (!assigned.has(n)) unassigned.push({ line: n, text: (rawLines[n] ?? '').trim() });
  }
}
