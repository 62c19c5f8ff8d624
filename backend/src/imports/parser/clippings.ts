/** Stage 6 (clippings): segments split at in-article headlines into parts, each built into a clipping. */
import {
  blankLinesBefore,
  type BoundaryCause,
  type HeadingAtom,
  type ParaAtom,
  STRONG_OVERLAP,
  type Section,
  type Seg,
  type SignalAtom,
} from './atoms';
import type { Orientation } from './attach';
import { classifyKind } from './kind';
import { previewConfidence } from './confidence';
import { chooseRunSplit, mergeBlocks } from './heading-runs';
import { headingOverlap, overlapIn, textBigrams } from './similarity';
import { cohesion } from './model/line-features';
import {
  COHESION_WINDOW,
  NAMES_BEFORE_MARGIN,
  ORIENTATION_PRIOR,
  SAME_ARTICLE_COHESION,
  SPLIT_TITLE_PROBABILITY,
} from './thresholds';
import { endsSentence } from './text-rules';
import { headingParts, subheadText, titleFields } from './titles';
import { compact } from './tokenise';
import type { LineAssignment, LineRole, PreviewClipping, UnassignedLine } from '@jianbao/contracts';
import { joinParagraphs } from '@jianbao/contracts';

export interface Part {
  /** The evidence for the boundary that opens this part. */
  openCause: BoundaryCause;
  title: HeadingAtom | null;
  items: Array<ParaAtom | HeadingAtom>;
  startSignals: SignalAtom[];
  endSignals: SignalAtom[];
  from: SignalAtom | null;
  to: SignalAtom | null;
  kv: boolean;
  section: Section;
  /** See Seg.sharedCredit: the byline when the part prints none of its own. */
  sharedCredit: string | null;
}

/** Sees every run of headline blocks between two bodies, and what was decided (for training). */
export type RunObserver = (run: readonly HeadingAtom[], divides: boolean) => void;

/** `Math.max(...run.map(f))` without the intermediate array (see rejoinCutSignals). */
function maxOver(run: readonly HeadingAtom[], f: (h: HeadingAtom) => number): number {
  let best = -Infinity;
  for (const h of run) best = Math.max(best, f(h));
  return best;
}

export function splitSegment(seg: Seg, orientation: Orientation, observe?: RunObserver): Part[] {
  const parts: Part[] = [];
  const mk = (openCause: BoundaryCause = seg.openCause): Part => ({
    openCause,
    title: null,
    items: [],
    startSignals: [],
    endSignals: [],
    from: null,
    to: null,
    kv: seg.kv,
    section: seg.section,
    sharedCredit: seg.sharedCredit,
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
    // a run of headline blocks with nothing else between them
    const run: HeadingAtom[] = [it];
    while (k + 1 < items.length && items[k + 1]?.t === 'heading') run.push(items[++k] as HeadingAtom);
    const hasBodyBefore = cur.items.some((x) => x.t === 'para');
    if (!hasBodyBefore) {
      const titles = run.filter((h) => !h.numbered);
      // right under a 上接 marker a headline is the tail's subhead (its title is on the page it comes from)
      const tailHead = cur.from !== null && parts.length === 1;
      if (cur.title === null && titles.length === run.length && !tailHead) {
        cur.title = mergeBlocks(run); // printed after a start signal (byline/dateline) and before the body
        continue;
      }
      for (const h of run) cur.items.push(h); // (not a spread push: see rejoinCutSignals)
      continue;
    }
    let hasBodyAfter = false;
    for (let n = k + 1; n < items.length && !hasBodyAfter; n++) hasBodyAfter = items[n]?.t === 'para';
    const split = runSplit(seg, run, k, forcedAt, orientation, cur, items, hasBodyAfter, observe);
    if (split === null) {
      for (const h of run) cur.items.push(h); // (not a spread push: see rejoinCutSignals)
      continue;
    }
    const closing = mergeBlocks(run.slice(0, split));
    const opening = mergeBlocks(run.slice(split));
    if (closing) cur.title = closing;
    const firstIndex = k - run.length + 1;
    const next = mk(
      forcedAt >= firstIndex && forcedAt <= k
        ? 'signal'
        : run.some((h) => h.notice) || seg.section === 'brief'
          ? 'structure'
          : 'headline',
    );
    next.title = opening;
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

/**
 * Whether a run of headline blocks between two bodies of one segment divides two articles, and where:
 * the number of blocks that close the part before it (the rest open the next part); null when the run
 * is made of subheads.
 */
function runSplit(
  seg: Seg,
  run: HeadingAtom[],
  lastIndex: number,
  forcedAt: number,
  orientation: Orientation,
  cur: Part,
  items: Array<ParaAtom | HeadingAtom>,
  hasBodyAfter: boolean,
  observe?: RunObserver,
): number | null {
  if (run.every((h) => h.numbered)) return null;
  const firstIndex = lastIndex - run.length + 1;
  const canClose = cur.title === null;
  if (forcedAt >= firstIndex && forcedAt <= lastIndex)
    return orientation === 'after' && canClose ? run.length : 0;
  if (run.some((h) => h.notice) || seg.section === 'brief') return 0;
  const beforeText = partText(cur);
  const afterText = textAfter(items, lastIndex);
  const titleScore = maxOver(run, (h) => h.titleScore);
  // another article's headline: the text changes subject around it, or it names the text before it
  // (a headline printed after its body) rather than what follows (as a subhead would)
  let divides = false;
  if (hasBodyAfter && titleScore >= SPLIT_TITLE_PROBABILITY) {
    const before = textBigrams(beforeText);
    const after = textBigrams(afterText);
    const ovB = maxOver(run, (h) => overlapIn(h.grams, before));
    const ovA = maxOver(run, (h) => overlapIn(h.grams, after));
    divides =
      cohesion(beforeText.slice(-COHESION_WINDOW), afterText.slice(0, COHESION_WINDOW)) <
        SAME_ARTICLE_COHESION ||
      (ovB >= STRONG_OVERLAP && ovB >= ovA + NAMES_BEFORE_MARGIN);
    if (divides) {
      observe?.(run, true);
      const prior = (side: Orientation): number => (orientation === side ? ORIENTATION_PRIOR : 0);
      return chooseRunSplit(
        run,
        canClose ? { grams: before, prior: prior('after') } : null,
        { grams: after, prior: prior('before') },
        runGaps(items, firstIndex, lastIndex),
      );
    }
  }
  observe?.(run, false);
  // the hand rules, for a single block the model is unsure of
  if (run.length > 1) return null;
  const [it] = run;
  if (it === undefined) return null;
  const multiPart = headingParts(it).length >= 2;
  if (orientation === 'after' && canClose) {
    const ovBefore = headingOverlap(it.grams, beforeText);
    if (ovBefore >= STRONG_OVERLAP && ovBefore >= headingOverlap(it.grams, afterText) + 0.25) return 1;
    if (multiPart && headingOverlap(it.grams, afterText) < STRONG_OVERLAP) return 1;
  }
  if (orientation === 'before' && multiPart && headingOverlap(it.grams, beforeText) < STRONG_OVERLAP)
    return 0;
  return null;
}

/**
 * Blank lines around and between the blocks of the run `items[first..last]`: before the first block,
 * between each two, and before the text after (chooseRunSplit cuts more likely at the widest).
 */
function runGaps(items: Array<ParaAtom | HeadingAtom>, first: number, last: number): number[] {
  const gaps: number[] = [];
  for (let k = first; k <= last + 1; k++) gaps.push(blankLinesBefore(items, k));
  return gaps;
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

export function buildClipping(p: Part, nextOpenCause: BoundaryCause = 'page'): PreviewClipping | null {
  const paras = p.items.filter((x): x is ParaAtom => x.t === 'para');
  const heads = p.items.filter((x): x is HeadingAtom => x.t === 'heading');
  const hasText = paras.length > 0 || p.title !== null || heads.length > 0;
  if (!hasText && !p.from && !p.to && p.startSignals.length === 0 && p.endSignals.length === 0) return null;
  const tf = titleFields(p.title);
  // body: paragraphs between subheads are joined separately so a subhead always breaks a paragraph
  const chunks: string[] = [];
  let run: ParaAtom[] = [];
  const flushRun = (): void => {
    if (run.length > 0) {
      const lines: Array<{ text: string; gapBefore: boolean }> = [];
      for (const r of run) lines.push({ text: r.text, gapBefore: r.gapBefore });
      chunks.push(joinParagraphs(lines));
    }
    run = [];
  };
  for (const it of p.items) {
    if (it.t !== 'para') flushRun();
    else {
      // a caption printed inside the article is a paragraph of its own, never run on into the text
      const prev = run[run.length - 1];
      if (prev !== undefined && prev.caption !== it.caption) flushRun();
      run.push(it);
    }
  }
  flushRun();
  const body = chunks.filter((c) => c.length > 0).join('\n');
  const signals = [...p.startSignals, ...p.endSignals];
  // (pushed, not `filter(…).map(…)`: see contexts in model/line-features.ts)
  const bylines: string[] = [];
  const datelines: string[] = [];
  for (const s of signals) {
    if (s.kind === 'byline') bylines.push(s.value);
    else if (s.kind === 'dateline') datelines.push(s.value);
  }
  const byline = bylines.length > 0 ? bylines.join(' ') : p.sharedCredit;
  const kind = classifyKind({
    kicker: tf.kicker,
    title: tf.title,
    body,
    byline,
    section: p.section,
    keyValue: p.kv,
    captionInside: hasCaptionInside(p.items),
  });
  const bodyRole: LineRole = kind === 'photo' ? 'caption' : 'body';
  // (copied in a loop: a spread of the empty list a clipping without title gets made an array of
  // another elements kind, and the pushes below were deoptimised each time they met the other one)
  const roles: LineAssignment[] = [];
  for (const r of tf.roles) roles.push(r);
  if (p.from) roles.push({ line: p.from.line, role: 'jump' });
  if (p.to) roles.push({ line: p.to.line, role: 'jump' });
  for (const s of signals) {
    roles.push({ line: s.line, role: s.kind === 'byline' ? 'byline' : 'dateline' });
    for (const line of s.alsoLines ?? [])
      roles.push({ line, role: s.kind === 'byline' ? 'byline' : 'dateline' });
  }
  for (const it of p.items) {
    if (it.t === 'para') {
      const role = it.caption ? 'caption' : bodyRole;
      roles.push({ line: it.line, role });
      // a lead cut across lines holds every line it was glued from, even those no text after it opens
      for (const n of it.alsoLines ?? []) roles.push({ line: n, role });
    } else for (const l of it.lines) roles.push({ line: l.line, role: 'subhead' });
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
    confidence: previewConfidence(
      p.openCause,
      nextOpenCause,
      p.title,
      p.from !== null,
      signals.filter((s) => s.kind === 'byline'),
    ),
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

/** Whether the text holds a photo's caption printed inside it as well as text of its own. */
function hasCaptionInside(items: ReadonlyArray<ParaAtom | HeadingAtom>): boolean {
  let caption = false;
  let text = false;
  for (const it of items) {
    if (it.t !== 'para') continue;
    if (it.caption) caption = true;
    else text = true;
  }
  return caption && text;
}
