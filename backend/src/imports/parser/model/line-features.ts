/**
 * What the headline model sees of one plain line: its shape against the local column width, its
 * punctuation, and its neighbours (blank lines, credits, finished sentences, shared vocabulary with
 * the text before and after). Pure; linear in the page.
 */
import type { Atom, ParaAtom } from '../atoms';
import { headingBigrams } from '../similarity';
import {
  endsSentence,
  hasHeadingShape,
  isBalanced,
  isBylineText,
  isNamesOnly,
  isNumberedHeading,
  visibleLength,
} from '../text-rules';
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

const WINDOW = 12;
const CONTEXT_CHARS = 400;
const COHESION_CHARS = 300;
/** A credit line is never longer than this (checked before the credit recognisers run). */
const MAX_CREDIT_LINE = 60;

/** Share of the smaller text's character bigrams found in the other: the same article goes on. */
export function cohesion(a: string, b: string): number {
  const ga = headingBigrams(a);
  const gb = headingBigrams(b);
  if (ga.size === 0 || gb.size === 0) return 0;
  const [small, large] = ga.size <= gb.size ? [ga, gb] : [gb, ga];
  let n = 0;
  for (const g of small) if (large.has(g)) n++;
  return n / small.size;
}

const NON_INITIAL = /^[，。、；：！？）)」』”’》…,.;:!?%％]/;

const isPara = (a: Atom | undefined): a is ParaAtom => a !== undefined && a.t === 'para';

/** The column width around each atom: the 70th percentile of para lengths within ±WINDOW atoms. */
export function localWidths(atoms: readonly Atom[], wanted?: readonly boolean[]): number[] {
  const lens = atoms.map((a) => (isPara(a) ? visibleLength(a.text) : 0));
  // the window's lengths kept sorted by insertion (at most 2·WINDOW+1 of them; no comparator calls)
  const w = new Int32Array(2 * WINDOW + 1);
  return atoms.map((_, k) => {
    if (wanted && !wanted[k]) return 0;
    let n = 0;
    for (let j = Math.max(0, k - WINDOW); j <= Math.min(atoms.length - 1, k + WINDOW); j++) {
      const l = lens[j] ?? 0;
      if (l <= 0) continue;
      let i = n++;
      while (i > 0 && (w[i - 1] ?? 0) > l) {
        w[i] = w[i - 1] ?? 0;
        i--;
      }
      w[i] = l;
    }
    if (n === 0) return 20;
    return Math.max(6, w[Math.min(n - 1, Math.floor(n * 0.7))] ?? 20);
  });
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
  if (/[。；;]/.test(t) || /[，,、：:（(“]$/.test(t) || NON_INITIAL.test(t)) return false;
  if (visibleLength(t) > MAX_TITLE_LINE) return false;
  let commas = 0;
  for (let i = 0; i < t.length; i++) if (t[i] === '，' || t[i] === ',') commas++;
  return commas <= 1;
}

/** Letters, digits and Han characters make bigrams (the rule of similarity.ts's headingBigrams). */
function isWordCode(c: number): boolean {
  return (
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122)
  );
}

/** Each line's distinct bigrams as small integers (ids shared across the page). */
function bigramIds(atoms: readonly Atom[]): { ids: Int32Array[]; count: number } {
  const idOf = new Map<number, number>();
  const stamp: number[] = [];
  const ids: Int32Array[] = [];
  const buf: number[] = [];
  for (let k = 0; k < atoms.length; k++) {
    const a = atoms[k];
    if (!isPara(a)) {
      ids.push(new Int32Array(0));
      continue;
    }
    const t = a.text;
    buf.length = 0;
    let prev = -1;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (isWordCode(c)) {
        if (prev >= 0) {
          // both characters are in the BMP: one 32-bit key
          const key = (prev << 16) | c;
          let id = idOf.get(key);
          if (id === undefined) {
            id = idOf.size;
            idOf.set(key, id);
            stamp.push(-1);
          }
          if (stamp[id] !== k) {
            stamp[id] = k;
            buf.push(id);
          }
        }
        prev = c;
      } else if (c !== 32 && c !== 0x3000 && c !== 9) prev = -1;
    }
    ids.push(Int32Array.from(buf));
  }
  return { ids, count: idOf.size };
}

/** Bigram counts of a sliding run of lines; `shared` counts the bigrams also present in `other`. */
class GramWindow {
  readonly counts: Int32Array;
  distinct = 0;
  chars = 0;
  shared = 0;
  other: GramWindow | null = null;
  constructor(size: number) {
    this.counts = new Int32Array(size);
  }
  add(ids: Int32Array, chars: number): void {
    const o = this.other;
    for (const id of ids) {
      if (this.counts[id]++ === 0) {
        this.distinct++;
        if (o && (o.counts[id] ?? 0) > 0) {
          this.shared++;
          o.shared++;
        }
      }
    }
    this.chars += chars;
  }
  remove(ids: Int32Array, chars: number): void {
    const o = this.other;
    for (const id of ids) {
      if (--this.counts[id] === 0) {
        this.distinct--;
        if (o && (o.counts[id] ?? 0) > 0) {
          this.shared--;
          o.shared--;
        }
      }
    }
    this.chars -= chars;
  }
  /** Share of `ids` present in the window. */
  share(ids: Int32Array): number {
    if (ids.length === 0) return 0;
    let n = 0;
    for (const id of ids) if ((this.counts[id] ?? 0) > 0) n++;
    return n / ids.length;
  }
}

/** Share of the smaller window's distinct bigrams found in the other. */
function windowCohesion(a: GramWindow, b: GramWindow): number {
  const small = Math.min(a.distinct, b.distinct);
  return small === 0 ? 0 : a.shared / small;
}

interface Context {
  overlapBefore: number;
  overlapAfter: number;
  cohesion: number;
}

/**
 * For each atom, from the body lines around it: the share of its own bigrams in the text before and
 * after (CONTEXT_CHARS each way), and the cohesion of the COHESION_CHARS before with those after.
 * Sliding windows over integer bigram ids keep this linear in the page.
 */
function contexts(atoms: readonly Atom[]): Context[] {
  const { ids, count } = bigramIds(atoms);
  const chars = atoms.map((a) => (isPara(a) ? a.text.length : 0));
  const windows = (limit: number, linked: boolean) => {
    const before = new GramWindow(count);
    const after = new GramWindow(count);
    if (linked) {
      before.other = after;
      after.other = before;
    }
    return { before, after, limit, bStart: 0, aEnd: 0 };
  };
  const wide = windows(CONTEXT_CHARS, false);
  const near = windows(COHESION_CHARS, true);
  const none = new Int32Array(0);
  const out: Context[] = [];
  for (let k = 0; k < atoms.length; k++) {
    for (const w of [wide, near]) {
      if (k > 0) w.before.add(ids[k - 1] ?? none, chars[k - 1] ?? 0);
      while (w.bStart < k - 1 && w.before.chars - (chars[w.bStart] ?? 0) >= w.limit) {
        w.before.remove(ids[w.bStart] ?? none, chars[w.bStart] ?? 0);
        w.bStart++;
      }
      if (w.aEnd > k) w.after.remove(ids[k] ?? none, chars[k] ?? 0);
      else w.aEnd = k + 1;
      while (w.aEnd < atoms.length && w.after.chars < w.limit) {
        w.after.add(ids[w.aEnd] ?? none, chars[w.aEnd] ?? 0);
        w.aEnd++;
      }
    }
    const own = ids[k] ?? none;
    out.push({
      overlapBefore: wide.before.share(own),
      overlapAfter: wide.after.share(own),
      cohesion: windowCohesion(near.before, near.after),
    });
  }
  return out;
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

function neighbour(atoms: readonly Atom[], k: number, dir: 1 | -1): Atom | undefined {
  return atoms[k + dir];
}

/**
 * Feature vectors for the plain lines (the candidates a headline can be made of); null for the others.
 * `rule` holds the hand rules' verdict for each atom.
 */
export function lineFeatures(atoms: readonly Atom[], rule: readonly boolean[]): Array<number[] | null> {
  const candidate = atoms.map((a) => isTitleCandidate(a));
  // the next line's width is a feature too
  const widths = localWidths(
    atoms,
    candidate.map((c, k) => c || candidate[k - 1] === true),
  );
  const ctx = contexts(atoms);
  const runs = runLengths(atoms);
  // per-atom facts looked at from three lines (the line, and as the line above or below another)
  const shape: Array<boolean | undefined> = [];
  const ends: Array<boolean | undefined> = [];
  const headingShapeAt = (n: number, text: string): boolean => (shape[n] ??= hasHeadingShape(text));
  const endsAt = (n: number, text: string): boolean => (ends[n] ??= endsSentence(text));
  const out: Array<number[] | null> = [];
  for (let k = 0; k < atoms.length; k++) {
    const a = atoms[k];
    if (!candidate[k] || !isPara(a)) {
      out.push(null);
      continue;
    }
    const t = a.text;
    const len = visibleLength(t);
    const w = widths[k] ?? 20;
    const prev = neighbour(atoms, k, -1);
    const next = neighbour(atoms, k, 1);
    const c = ctx[k] ?? { overlapBefore: 0, overlapAfter: 0, cohesion: 0 };
    const ovB = c.overlapBefore;
    const ovA = c.overlapAfter;
    const nextPara = isPara(next) ? next : undefined;
    const prevPara = isPara(prev) ? prev : undefined;
    const nextGap = next === undefined || (isPara(next) && next.gapBefore) || next.t === 'skip';
    const run = runs[k] ?? 1;
    const nextText = nextPara?.text ?? '';
    const f: Record<LineFeatureName, number> = {
      bias: 1,
      lenRatio: Math.min(3, len / w),
      short: len < 0.6 * w ? 1 : 0,
      fullWidth: Math.abs(len - w) <= 1 ? 1 : 0,
      tiny: len <= 4 ? 1 : 0,
      endsSentence: endsAt(k, t) ? 1 : 0,
      endsComma: /[，,、；;：:]$/.test(t) ? 1 : 0,
      endsCloser: /[）)]$/.test(t) ? 1 : 0,
      endsDash: /[—–-]{1,2}$/.test(t) ? 1 : 0,
      startsDash: /^[—–-]{1,2}/.test(t) ? 1 : 0,
      startsPunct: NON_INITIAL.test(t) ? 1 : 0,
      innerCommas: Math.min(3, (t.match(/[，,。；;]/g) ?? []).length),
      headingShape: headingShapeAt(k, t) ? 1 : 0,
      numbered: isNumberedHeading(t) ? 1 : 0,
      balanced: isBalanced(t) ? 1 : 0,
      innerSpace: /\S[ \u3000]{1,}\S/.test(t) ? 1 : 0,
      columnTag: /[（(][^（()）]{2,20}[）)]$/.test(t) ? 1 : 0,
      gapBefore: a.gapBefore ? 1 : 0,
      prevEndsSentence: prevPara ? (endsAt(k - 1, prevPara.text) ? 1 : 0) : 1,
      prevWrapped:
        prevPara && !endsAt(k - 1, prevPara.text) && visibleLength(prevPara.text) >= 0.85 * w && !a.gapBefore
          ? 1
          : 0,
      prevSignal: prev?.t === 'signal' ? 1 : 0,
      prevHeadingShape: prevPara && headingShapeAt(k - 1, prevPara.text) && !a.gapBefore ? 1 : 0,
      prevSkip: prev?.t === 'skip' ? 1 : 0,
      first: k === 0 ? 1 : 0,
      gapAfter: nextGap ? 1 : 0,
      nextByline:
        next?.t === 'signal' && next.kind === 'byline'
          ? 1
          : nextPara &&
              nextText.length <= MAX_CREDIT_LINE &&
              (isBareNameLine(nextText) || isBylineText(nextText) || isNamesOnly(nextText))
            ? 1
            : 0,
      nextLead:
        (next?.t === 'signal' && next.kind === 'dateline') || (nextPara && nextPara.leadDateline !== null)
          ? 1
          : 0,
      nextHeadingShape: nextPara && headingShapeAt(k + 1, nextText) && !nextPara.gapBefore ? 1 : 0,
      nextFullWidth: nextPara && Math.abs(visibleLength(nextText) - w) <= 1 ? 1 : 0,
      nextStartsPunct: nextPara && !nextPara.gapBefore && NON_INITIAL.test(nextText) ? 1 : 0,
      last: k === atoms.length - 1 ? 1 : 0,
      overlapBefore: ovB,
      overlapAfter: ovA,
      overlapDelta: ovB - ovA,
      rule: rule[k] ? 1 : 0,
      noFinalPunct: /[\u3400-\u9fffA-Za-z0-9]$/.test(t) ? 1 : 0,
      quoted: /^[“"「]/.test(t) && /[”"」]$/.test(t) ? 1 : 0,
      prevShortDone:
        prevPara && endsAt(k - 1, prevPara.text) && visibleLength(prevPara.text) < 0.85 * w ? 1 : 0,
      runLength: Math.min(5, run),
      cohesion: c.cohesion,
    };
    out.push(LINE_FEATURES.map((n) => f[n]));
  }
  return out;
}
