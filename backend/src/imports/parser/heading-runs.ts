/**
 * A run of headline blocks printed between two bodies (`……完。` / 引题 / 主题 / [blank] / 引题 / 主题 / 正文):
 * which blocks close the article before (a headline printed after its body) and which open the one
 * after. The run is cut at one point, chosen by each block's shared vocabulary with either body and the
 * page's habits; a kicker ending in `——` stays with what follows it, a `——` subtitle with what precedes
 * it. Pure.
 */
import type { HeadLine, HeadingAtom } from './atoms';
import { type GramLookup, overlapIn } from './similarity';
import {
  SPLIT_AFTER_CLOSING_BONUS,
  SPLIT_AT_WIDEST_GAP_BONUS,
  SPLIT_BETWEEN_UNTITLED_BONUS,
} from './thresholds';
import { makeHeading } from './tokenise';

/** What a side of the run is: its body text and the priors for giving it a headline. */
export interface RunSide {
  /** Bigrams of the body's first text (similarity.ts textBigrams). */
  grams: GramLookup;
  /** Added to each block's score for this side (page orientation, a byline opening the body …). */
  prior: number;
}

const lastLine = (h: HeadingAtom): string => h.lines[h.lines.length - 1]?.text.trim() ?? '';
const firstLine = (h: HeadingAtom): string => h.lines[0]?.text.trim() ?? '';

/** A kicker that leads into the next block: `江西吉安市大力弘扬井冈山精神——`. */
export function leadsOn(h: HeadingAtom): boolean {
  return /[—–-]{1,2}$/.test(lastLine(h));
}

/** A subtitle that hangs on the block before it: `——写在第二十二个中国航海日之际`. */
export function hangsOn(h: HeadingAtom): boolean {
  return /^[—–-]{1,2}/.test(firstLine(h));
}

/** A block that completes a headline: a column tag at its end (`（今日谈）`) or a `——` subtitle. */
export function closesHeadline(h: HeadingAtom): boolean {
  const l = lastLine(h);
  return /[（(][^（()）]{2,20}[）)]$/.test(l) || hangsOn(h);
}

/**
 * Where to cut the run: blocks `[0, s)` go to the body before, `[s, n)` to the body after. `before`
 * or `after` is null when that side cannot take a headline (absent, or titled already).
 */
export function chooseRunSplit(
  run: readonly HeadingAtom[],
  before: RunSide | null,
  after: RunSide | null,
  gaps: readonly number[] = [],
): number {
  return scoreRunSplit(run, before, after, gaps).at;
}

/** The best cut and its score (the sum of each block's fit to the side it goes to). */
export function scoreRunSplit(
  run: readonly HeadingAtom[],
  before: RunSide | null,
  after: RunSide | null,
  gaps: readonly number[] = [],
): { at: number; score: number } {
  // the cut falls more likely where the page leaves most room: the widest gap (in blank lines) of the
  // run — between the body before and the first block, between blocks, or before the body after
  const widest = Math.max(0, ...gaps);
  const unique = gaps.filter((g) => g === widest).length === 1;
  const n = run.length;
  // each block counts its shared vocabulary with the side it goes to; a side's prior counts once, when
  // it gets any block (per block, priors would outweigh the text for runs of several blocks)
  // (typed arrays: an array of numbers holds small integers when a side is missing and doubles
  // otherwise, two element kinds the loops below were compiled for in turn)
  const toBefore = new Float64Array(n);
  const toAfter = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const h = run[i] as HeadingAtom;
    toBefore[i] = before ? overlapIn(h.grams, before.grams) : 0;
    toAfter[i] = after ? overlapIn(h.grams, after.grams) : 0;
  }
  // score(s) = Σ_{i<s} toBefore[i] + Σ_{i≥s} toAfter[i], kept as a running sum (linear in the run)
  let score = 0;
  for (const v of toAfter) score += v;
  let best = -1;
  let bestScore = -Infinity;
  const lo = before === null ? 0 : after === null ? n : 0;
  const hi = after === null ? n : before === null ? 0 : n;
  for (let s = 0; s <= n; s++) {
    if (s > 0) score += (toBefore[s - 1] ?? 0) - (toAfter[s - 1] ?? 0);
    if (s < lo || s > hi) continue;
    const left = run[s - 1];
    const right = run[s];
    // never between a kicker and its title, nor between a title and its subtitle
    if (left && right && (leadsOn(left) || hangsOn(right))) continue;
    let total = score + (left && right && closesHeadline(left) ? SPLIT_AFTER_CLOSING_BONUS : 0);
    if (s > 0) total += before?.prior ?? 0;
    if (s < n) total += after?.prior ?? 0;
    if (unique && widest > 0 && gaps[s] === widest) total += SPLIT_AT_WIDEST_GAP_BONUS;
    // two untitled bodies around the run: each more likely has its headline than one has two
    if (before && after && s > 0 && s < n) total += SPLIT_BETWEEN_UNTITLED_BONUS;
    if (total > bestScore + 1e-9) {
      bestScore = total;
      best = s;
    }
  }
  return best < 0 ? { at: before === null ? 0 : n, score: -Infinity } : { at: best, score: bestScore };
}

/** The blocks of one side merged back into one headline (kicker, title and subtitle as printed). */
export function mergeBlocks(blocks: readonly HeadingAtom[]): HeadingAtom | null {
  const [first] = blocks;
  if (first === undefined) return null;
  if (blocks.length === 1) return first;
  // (plain loops, not `flatMap`/`map`: see rejoinCutSignals)
  const lines: HeadLine[] = [];
  let best = -Infinity;
  for (const b of blocks) {
    for (const l of b.lines) lines.push(l);
    best = Math.max(best, b.titleScore);
  }
  const merged = makeHeading(lines);
  merged.titleScore = best;
  return merged;
}

/** First and last input line of a headline block. */
export function blockLines(h: HeadingAtom): { first: number; last: number } {
  return { first: h.lines[0]?.line ?? 0, last: h.lines[h.lines.length - 1]?.line ?? 0 };
}

/**
 * Blank lines around and between the blocks of a run: before the first block (from `fromLine`), between
 * blocks, after the last (to `toLine`). A side that is absent counts no gap.
 */
export function runGaps(
  run: readonly HeadingAtom[],
  fromLine: number | null,
  toLine: number | null,
): number[] {
  const gaps: number[] = [];
  const first = run[0];
  const last = run[run.length - 1];
  gaps.push(first && fromLine !== null ? Math.max(0, blockLines(first).first - fromLine - 1) : 0);
  for (let i = 1; i < run.length; i++) {
    const a = run[i - 1];
    const b = run[i];
    gaps.push(a && b ? Math.max(0, blockLines(b).first - blockLines(a).last - 1) : 0);
  }
  gaps.push(last && toLine !== null ? Math.max(0, toLine - blockLines(last).last - 1) : 0);
  return gaps;
}
