/**
 * What the headline model sees of one plain line: its shape against the local column width, its
 * punctuation, and its neighbours (blank lines, credits, finished sentences, shared vocabulary with
 * the text before and after). Pure; linear in the page.
 */
import { isJsSpace } from '@jianbao/contracts';
import type { Atom, ParaAtom } from '../atoms';
import { sharedBigrams } from '../similarity';
import { LineFacts } from './line-facts';
import { type LineGrams, lineGrams } from './line-grams';
import { isBalanced, isBylineText, isNamesOnly, isNumberedHeading } from '../text-rules';
import { isBareNameLine } from '../names';

/** Names of the features, in vector order (the weights file is checked against it). */
export const LINE_FEATURES = [
  'bias',
  'lenRatio',
  'short',
  'fullWidth',
  'tiny',
  'endsSentence',
  'endsComma',
  'endsCloser',
  'endsDash',
  'startsDash',
  'startsPunct',
  'innerCommas',
  'headingShape',
  'numbered',
  'balanced',
  'innerSpace',
  'columnTag',
  'gapBefore',
  'prevEndsSentence',
  'prevWrapped',
  'prevSignal',
  'prevHeadingShape',
  'prevSkip',
  'first',
  'gapAfter',
  'nextByline',
  'nextLead',
  'nextHeadingShape',
  'nextFullWidth',
  'nextStartsPunct',
  'last',
  'overlapBefore',
  'overlapAfter',
  'overlapDelta',
  'rule',
  'noFinalPunct',
  'quoted',
  'prevShortDone',
  'runLength',
  'cohesion',
] as const;

export type LineFeatureName = (typeof LINE_FEATURES)[number];

const CONTEXT_CHARS = 400;
const COHESION_CHARS = 300;
/** A credit line is never longer than this (checked before the credit recognisers run). */
const MAX_CREDIT_LINE = 60;

/** Share of the smaller text's character bigrams found in the other: the same article goes on. */
export function cohesion(a: string, b: string): number {
  const n = sharedBigrams(a, b);
  if (n.a === 0 || n.b === 0) return 0;
  return n.both / Math.min(n.a, n.b);
}

const isPara = (a: Atom | undefined): a is ParaAtom => a !== undefined && a.t === 'para';

/** The column width around each atom (see LineFacts.widths); 0 where not `wanted`. */
export function localWidths(
  atoms: readonly Atom[],
  wanted?: readonly boolean[],
  facts: LineFacts = new LineFacts(atoms),
): number[] {
  const widths = facts.widths();
  return atoms.map((_, k) => (wanted && !wanted[k] ? 0 : (widths[k] ?? 20)));
}

/** Longest line a headline is printed in. */
const MAX_TITLE_LINE = 64;

/**
 * A line the model is asked about: no full stop or clause-final mark, at most one comma, not opened by
 * punctuation, short enough. Every title line of the development pages passes (a cheap filter: the
 * model then sees half the lines).
 */
export function isTitleCandidate(a: Atom | undefined): a is ParaAtom {
  if (!isPara(a) || !a.plain || a.kv || a.leadDateline !== null) return false;
  const t = a.text.trim();
  // one pass: no 。；;, at most one comma, short enough (visibleLength's count: no whitespace, a
  // surrogate pair once)
  let commas = 0;
  let visible = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x3002 || c === 0xff1b || c === 0x3b) return false;
    if (c === 0xff0c || c === 0x2c) commas++;
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0x3000 && c !== 0xa0) visible++;
  }
  if (commas > 1 || visible > MAX_TITLE_LINE) return false;
  return !CANDIDATE_BAD_END.has(t.charAt(t.length - 1)) && !NON_INITIAL_CHARS.has(t.charAt(0));
}

/** Last characters of a line that goes on (`/[，,、：:（(“]$/`). */
const CANDIDATE_BAD_END = new Set([...'，,、：:（(“']);
/** First characters no line of its own opens with (NON_INITIAL). */
const NON_INITIAL_CHARS = new Set([...'，。、；：！？）)」』”’》…,.;:!?%％']);

/** Bigram counts of a sliding run of lines; `shared` counts the bigrams also present in `other`. */
class GramWindow {
  readonly counts: Int32Array;
  distinct = 0;
  shared = 0;
  other: GramWindow | null = null;
  constructor(private readonly grams: LineGrams) {
    this.counts = new Int32Array(grams.count);
  }
  /** Adds line k's bigrams. */
  add(k: number): void {
    const { ids, start } = this.grams;
    const counts = this.counts;
    const o = this.other;
    for (let i = start[k] ?? 0, end = start[k + 1] ?? 0; i < end; i++) {
      const id = ids[i] ?? 0;
      const was = counts[id] ?? 0;
      counts[id] = was + 1;
      if (was === 0) {
        this.distinct++;
        if (o !== null && (o.counts[id] ?? 0) > 0) {
          this.shared++;
          o.shared++;
        }
      }
    }
  }
  /** Removes line k's bigrams. */
  remove(k: number): void {
    const { ids, start } = this.grams;
    const counts = this.counts;
    const o = this.other;
    for (let i = start[k] ?? 0, end = start[k + 1] ?? 0; i < end; i++) {
      const id = ids[i] ?? 0;
      const now = (counts[id] ?? 0) - 1;
      counts[id] = now;
      if (now === 0) {
        this.distinct--;
        if (o !== null && (o.counts[id] ?? 0) > 0) {
          this.shared--;
          o.shared--;
        }
      }
    }
  }
}

/** Share of the smaller window's distinct bigrams found in the other. */
function windowCohesion(a: GramWindow, b: GramWindow): number {
  const small = Math.min(a.distinct, b.distinct);
  return small === 0 ? 0 : a.shared / small;
}

/**
 * Bounds of the text before and after each line k: lines `[bStart[k], k)` and `(k, aEnd[k])`. Two typed
 * arrays, not an object per line.
 */
interface Bounds {
  bStart: Int32Array;
  aEnd: Int32Array;
}

/**
 * The whole lines before and after each line, at most about `limit` characters each way: a line leaves
 * the text before only while what remains still holds `limit` characters; lines join the text after
 * until it holds `limit`.
 */
function contextBounds(chars: Int32Array, limit: number): Bounds {
  const n = chars.length;
  const out: Bounds = { bStart: new Int32Array(n), aEnd: new Int32Array(n) };
  let bStart = 0;
  let bChars = 0;
  let aEnd = 0;
  let aChars = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0) bChars += chars[k - 1] ?? 0;
    while (bStart < k - 1 && bChars - (chars[bStart] ?? 0) >= limit) bChars -= chars[bStart++] ?? 0;
    if (aEnd > k) aChars -= chars[k] ?? 0;
    else aEnd = k + 1;
    while (aEnd < n && aChars < limit) aChars += chars[aEnd++] ?? 0;
    out.bStart[k] = bStart;
    out.aEnd[k] = aEnd;
  }
  return out;
}

/** The windows of `contextBounds` with their bigram counts, slid line by line. */
class ContextWindows {
  readonly before: GramWindow;
  readonly after: GramWindow;
  private bStart = 0;
  private aEnd = 0;
  constructor(
    grams: LineGrams,
    private readonly bounds: Bounds,
  ) {
    this.before = new GramWindow(grams);
    this.after = new GramWindow(grams);
    this.before.other = this.after;
    this.after.other = this.before;
  }
  /** Moves the windows to line k (lines are visited in order). */
  moveTo(k: number): void {
    const bStart = this.bounds.bStart[k] ?? this.bStart;
    const aEnd = this.bounds.aEnd[k] ?? this.aEnd;
    if (k > 0) this.before.add(k - 1);
    for (let n = this.bStart; n < bStart; n++) this.before.remove(n);
    if (this.aEnd > k) this.after.remove(k);
    for (let n = Math.max(this.aEnd, k + 1); n < aEnd; n++) this.after.add(n);
    this.bStart = bStart;
    this.aEnd = aEnd;
  }
}

/** The context features of each atom (0 for atoms not wanted), one typed array each. */
interface Contexts {
  overlapBefore: Float64Array;
  overlapAfter: Float64Array;
  cohesion: Float64Array;
}

/**
 * For each wanted atom, from the body lines around it: the share of its own bigrams in the text before
 * and after (CONTEXT_CHARS each way), and the cohesion of the COHESION_CHARS before with those after.
 * Linear in the page: the shares come from where each bigram was last seen before a line (a sweep
 * down) and next seen after it (a sweep up); the cohesion from sliding windows of bigram counts.
 */
function contexts(atoms: readonly Atom[], wanted: readonly boolean[]): Contexts {
  // arrays built by push, not `map`: an array `map` makes has another hidden class whether V8 runs it
  // inlined or not, and the code reading it was thrown away each time it met the other one
  const texts: Array<string | null> = [];
  for (const a of atoms) texts.push(isPara(a) ? a.text : null);
  const grams = lineGrams(texts);
  const { ids, start } = grams;
  const n = atoms.length;
  const chars = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const a = atoms[k];
    chars[k] = isPara(a) ? a.text.length : 0;
  }
  const wide = contextBounds(chars, CONTEXT_CHARS);
  const before = new Float64Array(n);
  // the last line before k holding each bigram: it is in the text before when that line is in the window
  const seen = new Int32Array(grams.count).fill(-1);
  for (let k = 0; k < n; k++) {
    if (k > 0) for (let i = start[k - 1] ?? 0; i < (start[k] ?? 0); i++) seen[ids[i] ?? 0] = k - 1;
    if (wanted[k]) before[k] = shareSeen(grams, k, seen, wide.bStart[k] ?? 0, n);
  }
  // the first line after k holding each bigram: in the text after when it comes before aEnd
  seen.fill(n);
  const after = new Float64Array(n);
  for (let k = n - 1; k >= 0; k--) {
    if (k < n - 1) for (let i = start[k + 1] ?? 0; i < (start[k + 2] ?? 0); i++) seen[ids[i] ?? 0] = k + 1;
    if (wanted[k]) after[k] = shareSeen(grams, k, seen, -1, wide.aEnd[k] ?? 0);
  }
  const near = new ContextWindows(grams, contextBounds(chars, COHESION_CHARS));
  const cohesion = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    near.moveTo(k);
    if (wanted[k]) cohesion[k] = windowCohesion(near.before, near.after);
  }
  return { overlapBefore: before, overlapAfter: after, cohesion };
}

/** Share of line k's bigrams whose line in `seen` lies in `[from, to)`. */
function shareSeen(grams: LineGrams, k: number, seen: Int32Array, from: number, to: number): number {
  const first = grams.start[k] ?? 0;
  const end = grams.start[k + 1] ?? 0;
  if (end === first) return 0;
  let hits = 0;
  for (let i = first; i < end; i++) {
    const at = seen[grams.ids[i] ?? 0] ?? -1;
    if (at >= from && at < to) hits++;
  }
  return hits / (end - first);
}

/** How many plain lines each atom's run holds (lines with no blank between). */
function runLengths(atoms: readonly Atom[]): number[] {
  const out = new Array<number>(atoms.length).fill(0);
  let start = 0;
  for (let k = 0; k <= atoms.length; k++) {
    const a = atoms[k];
    const breaks = !isPara(a) || a.gapBefore;
    if (k === atoms.length || breaks) {
      for (let n = start; n < k; n++) if (isPara(atoms[n])) out[n] = k - start;
      start = isPara(a) ? k : k + 1;
    }
  }
  return out;
}

/** `/\S[ \u3000]{1,}\S/`: a run of spaces between two other characters. */
export function hasInnerSpace(t: string): boolean {
  for (let i = 1; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c !== 32 && c !== 0x3000) || isJsSpace(t.charCodeAt(i - 1))) continue;
    let j = i + 1;
    while (j < t.length && (t.charCodeAt(j) === 32 || t.charCodeAt(j) === 0x3000)) j++;
    if (j < t.length && !isJsSpace(t.charCodeAt(j))) return true;
    i = j;
  }
  return false;
}

/** Characters of `[，,。；;]` in the text, at most 3. */
export function innerCommas(t: string): number {
  let n = 0;
  for (let i = 0; i < t.length && n < 3; i++) {
    const c = t.charCodeAt(i);
    if (c === 0xff0c || c === 0x2c || c === 0x3002 || c === 0xff1b || c === 0x3b) n++;
  }
  return n;
}

const ENDS_COMMA = new Set([...'，,、；;：:']);
const CLOSERS = new Set([...'）)']);
const DASHES = new Set([...'—–-']);
const QUOTE_OPEN = new Set([...'“"「']);
const QUOTE_CLOSE = new Set([...'”"」']);

/** `/[\u3400-\u9fffA-Za-z0-9]$/`: the line stops on a letter, digit or Han character. */
export function endsInWord(t: string): boolean {
  const c = t.charCodeAt(t.length - 1);
  return (
    (c >= 0x3400 && c <= 0x9fff) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57)
  );
}

/** Each feature's column in a vector, in LINE_FEATURES order (the weights file is checked against it). */
export const FEATURE_INDEX: Readonly<Record<LineFeatureName, number>> = featureIndex();

function featureIndex(): Record<LineFeatureName, number> {
  const out: Partial<Record<LineFeatureName, number>> = {};
  LINE_FEATURES.forEach((name, i) => (out[name] = i));
  return out as Record<LineFeatureName, number>;
}

/**
 * The candidate lines' feature vectors as rows of one Float64Array (`stride` numbers per row, the
 * features in LINE_FEATURES order first, any further columns left 0 for the caller): no record, array
 * or copy per line — those were a good part of what the collector swept per page.
 */
export interface FeatureRows {
  values: Float64Array;
  /** Numbers per row (at least LINE_FEATURES.length). */
  stride: number;
  /** The row of each atom, -1 for atoms that are not candidates. */
  rowOf: Int32Array;
}

/**
 * Feature vectors for the plain lines (the candidates a headline can be made of); null for the others.
 * `rule` holds the hand rules' verdict for each atom; `facts` the parse's shared line facts.
 */
export function lineFeatures(
  atoms: readonly Atom[],
  rule: readonly boolean[],
  facts: LineFacts = new LineFacts(atoms),
): Array<number[] | null> {
  const rows = lineFeatureRows(atoms, rule, facts);
  const out: Array<number[] | null> = [];
  for (let k = 0; k < atoms.length; k++) {
    const r = rows.rowOf[k] ?? -1;
    out.push(
      r < 0
        ? null
        : Array.from(rows.values.subarray(r * rows.stride, r * rows.stride + LINE_FEATURES.length)),
    );
  }
  return out;
}

/** lineFeatures' vectors as FeatureRows of `stride` numbers each. */
export function lineFeatureRows(
  atoms: readonly Atom[],
  rule: readonly boolean[],
  facts: LineFacts = new LineFacts(atoms),
  stride: number = LINE_FEATURES.length,
): FeatureRows {
  const candidate: boolean[] = [];
  const rowOf = new Int32Array(atoms.length).fill(-1);
  let rows = 0;
  for (let k = 0; k < atoms.length; k++) {
    const is = isTitleCandidate(atoms[k]);
    candidate.push(is);
    if (is) rowOf[k] = rows++;
  }
  const values = new Float64Array(rows * stride);
  const widths = facts.widths();
  const ctx = contexts(atoms, candidate);
  const runs = runLengths(atoms);
  const F = FEATURE_INDEX;
  for (let k = 0; k < atoms.length; k++) {
    const a = atoms[k];
    if (!candidate[k] || !isPara(a)) continue;
    const o = (rowOf[k] ?? 0) * stride;
    const t = a.text;
    const len = facts.length(k);
    const w = widths[k] ?? 20;
    // (bounds checked: a read past either end deoptimised this function once per process)
    const prev = k > 0 ? atoms[k - 1] : undefined;
    const next = k + 1 < atoms.length ? atoms[k + 1] : undefined;
    const ovB = ctx.overlapBefore[k] ?? 0;
    const ovA = ctx.overlapAfter[k] ?? 0;
    const nextPara = isPara(next) ? next : undefined;
    const prevPara = isPara(prev) ? prev : undefined;
    const nextGap = next === undefined || (isPara(next) && next.gapBefore) || next.t === 'skip';
    const run = runs[k] ?? 1;
    const nextText = nextPara?.text ?? '';
    const first = t.charAt(0);
    const last = t.charAt(t.length - 1);
    const prevEnds = prevPara !== undefined && facts.endsSentence(k - 1);
    values[o + F.bias] = 1;
    values[o + F.lenRatio] = Math.min(3, len / w);
    values[o + F.short] = len < 0.6 * w ? 1 : 0;
    values[o + F.fullWidth] = Math.abs(len - w) <= 1 ? 1 : 0;
    values[o + F.tiny] = len <= 4 ? 1 : 0;
    values[o + F.endsSentence] = facts.endsSentence(k) ? 1 : 0;
    values[o + F.endsComma] = ENDS_COMMA.has(last) ? 1 : 0;
    values[o + F.endsCloser] = CLOSERS.has(last) ? 1 : 0;
    values[o + F.endsDash] = DASHES.has(last) ? 1 : 0;
    values[o + F.startsDash] = DASHES.has(first) ? 1 : 0;
    values[o + F.startsPunct] = NON_INITIAL_CHARS.has(first) ? 1 : 0;
    values[o + F.innerCommas] = innerCommas(t);
    values[o + F.headingShape] = facts.headingShape(k) ? 1 : 0;
    values[o + F.numbered] = isNumberedHeading(t) ? 1 : 0;
    values[o + F.balanced] = isBalanced(t) ? 1 : 0;
    values[o + F.innerSpace] = hasInnerSpace(t) ? 1 : 0;
    values[o + F.columnTag] = CLOSERS.has(last) && COLUMN_TAG_END.test(t) ? 1 : 0;
    values[o + F.gapBefore] = a.gapBefore ? 1 : 0;
    values[o + F.prevEndsSentence] = prevPara ? (prevEnds ? 1 : 0) : 1;
    values[o + F.prevWrapped] =
      prevPara && !prevEnds && facts.length(k - 1) >= 0.85 * w && !a.gapBefore ? 1 : 0;
    // (`prev?.t === …` compares undefined on the first line, after only strings: that deoptimised this)
    values[o + F.prevSignal] = prev !== undefined && prev.t === 'signal' ? 1 : 0;
    values[o + F.prevHeadingShape] = prevPara && facts.headingShape(k - 1) && !a.gapBefore ? 1 : 0;
    values[o + F.prevSkip] = prev !== undefined && prev.t === 'skip' ? 1 : 0;
    values[o + F.first] = k === 0 ? 1 : 0;
    values[o + F.gapAfter] = nextGap ? 1 : 0;
    values[o + F.nextByline] =
      next !== undefined && next.t === 'signal' && next.kind === 'byline'
        ? 1
        : nextPara &&
            nextText.length <= MAX_CREDIT_LINE &&
            (isBareNameLine(nextText) || isBylineText(nextText) || isNamesOnly(nextText))
          ? 1
          : 0;
    values[o + F.nextLead] =
      (next !== undefined && next.t === 'signal' && next.kind === 'dateline') ||
      (nextPara && nextPara.leadDateline !== null)
        ? 1
        : 0;
    values[o + F.nextHeadingShape] = nextPara && facts.headingShape(k + 1) && !nextPara.gapBefore ? 1 : 0;
    values[o + F.nextFullWidth] = nextPara && Math.abs(facts.length(k + 1) - w) <= 1 ? 1 : 0;
    values[o + F.nextStartsPunct] =
      nextPara && !nextPara.gapBefore && NON_INITIAL_CHARS.has(nextText.charAt(0)) ? 1 : 0;
    values[o + F.last] = k === atoms.length - 1 ? 1 : 0;
    values[o + F.overlapBefore] = ovB;
    values[o + F.overlapAfter] = ovA;
    values[o + F.overlapDelta] = ovB - ovA;
    values[o + F.rule] = rule[k] ? 1 : 0;
    values[o + F.noFinalPunct] = endsInWord(t) ? 1 : 0;
    values[o + F.quoted] = QUOTE_OPEN.has(first) && QUOTE_CLOSE.has(last) ? 1 : 0;
    values[o + F.prevShortDone] = prevPara && prevEnds && facts.length(k - 1) < 0.85 * w ? 1 : 0;
    values[o + F.runLength] = Math.min(5, run);
    values[o + F.cohesion] = ctx.cohesion[k] ?? 0;
  }
  return { values, stride, rowOf };
}

/** A column tag closing the line (`（今日谈）`). */
const COLUMN_TAG_END = /[（(][^（()）]{2,20}[）)]$/;
