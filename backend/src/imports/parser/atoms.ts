/** The parser's intermediate values: what one input line becomes (atoms), and runs of them (segments). */
import type { JumpRef } from '@jianbao/contracts';
import type { Gram, GramLookup } from './similarity';

export type Section = 'brief' | 'photo' | null;

export interface HeadLine {
  line: number;
  text: string;
  gapBefore: boolean;
}

export interface HeadingAtom {
  t: 'heading';
  lines: HeadLine[];
  numbered: boolean;
  notice: boolean;
  /** For a headline flattened into one line with its ad (`2024消费促进年 安康市… 时间：…`): its space-separated parts. */
  inlineParts: string[] | null;
  grams: Set<Gram>;
  /** The headline model's probability that this block prints a title (0 for a numbered subhead). */
  titleScore: number;
}

export interface ParaAtom {
  t: 'para';
  line: number;
  text: string;
  gapBefore: boolean;
  /** The line holds only this text (no marker, dateline or byline was cut off it). */
  plain: boolean;
  leadDateline: string | null;
  leadByline: string | null;
  kv: boolean;
  bullet: boolean;
  /** A trailing note in brackets (`（本报记者吴君参与采写）`, `（作者为…）`): it closes the article. */
  note: boolean;
  /** A photo caption (or its credit) printed inside an article, before its text. */
  caption: boolean;
  /** The last input line of a text glued from several (a credit or note cut by the column), if any. */
  lastLine?: number;
  /** A lead cut by the column (`本报讯 记` / `者李明报道`): the input lines after its first it was printed across. */
  alsoLines?: number[];
}

export type SignalKind = 'jumpFrom' | 'jumpTo' | 'dateline' | 'byline';

export interface SignalAtom {
  t: 'signal';
  kind: SignalKind;
  line: number;
  /** Clean value: the byline without bullet, the dateline without brackets, the marker as printed. */
  value: string;
  ref: JumpRef | null;
  /** Whether it opens an article (`start`), closes one (`end`), or depends on its neighbours (`auto`). */
  pos: 'start' | 'end' | 'auto';
  /** Further input lines the signal was printed across (a credit cut by a narrow column). */
  alsoLines?: number[];
}

export interface SkipAtom {
  t: 'skip';
  line: number;
  text: string;
  banner: 'brief' | 'photo' | 'banner' | null;
}

export type Atom = HeadingAtom | ParaAtom | SignalAtom | SkipAtom;

/**
 * Why an article boundary was put where it is: the evidence behind it, from a printed signal (surest)
 * to a change of column width (least sure). Each cause has a measured confidence (see confidence.ts).
 */
export type BoundaryCause = 'page' | 'signal' | 'headline' | 'structure' | 'gap' | 'column';

export interface Seg {
  /** The evidence for the boundary that opens this segment. */
  openCause: BoundaryCause;
  items: Array<ParaAtom | HeadingAtom>;
  from: SignalAtom | null;
  to: SignalAtom | null;
  startSignals: SignalAtom[];
  endSignals: SignalAtom[];
  hasBody: boolean;
  kv: boolean;
  section: Section;
  /** Headline attached from before the segment (it titles the first article in it). */
  titleBefore: HeadingAtom | null;
  /** Headline attached from after the segment (it titles the last article in it). */
  titleAfter: HeadingAtom | null;
  textCache: string | null;
  /** Bigrams of the segment's first text (see segGrams), computed once. */
  gramCache: GramLookup | null;
  /** A credit printed once for a group of pictures, on another picture of the group (its byline here). */
  sharedCredit: string | null;
}

export type SeqItem = { k: 'seg'; seg: Seg } | { k: 'heading'; h: HeadingAtom };

/** Headline lines and subheads are never longer than this many characters in total. */
export const MAX_HEADING_CHARS = 80;
/** Overlap share from which a headline is taken to name a body. */
export const STRONG_OVERLAP = 0.45;

// ---------------------------------------------------------------- constructors: one object shape for every atom

/*
 * Every atom is built by one of these four functions, which all write the fields of every kind in one
 * order (a kind's foreign fields hold `undefined`, what reading them gave before): all atoms then share
 * one hidden class. The stages that walk the atom stream (headlines, segments, clippings) read
 * monomorphic fields, and the JIT no longer throws away and recompiles those big functions each time a
 * page brings an atom kind their compiled code had not met (docs/benchmarks.md, "preview": the warm-up
 * of the bench's first pass). Keep the four field lists identical in order.
 */

export function paraAtom(text: string, line: number, gapBefore: boolean): ParaAtom {
  const a = {
    t: 'para' as const,
    line,
    text,
    gapBefore,
    plain: false,
    leadDateline: null,
    leadByline: null,
    kv: false,
    bullet: false,
    note: false,
    caption: false,
    lastLine: undefined,
    kind: undefined,
    value: undefined,
    ref: undefined,
    pos: undefined,
    alsoLines: undefined,
    banner: undefined,
    lines: undefined,
    numbered: undefined,
    notice: undefined,
    inlineParts: undefined,
    grams: undefined,
    titleScore: undefined,
  };
  return a;
}

export function signalAtom(
  kind: SignalKind,
  line: number,
  value: string,
  ref: JumpRef | null,
  pos: SignalAtom['pos'],
  alsoLines: number[] | undefined,
): SignalAtom {
  const a = {
    t: 'signal' as const,
    line,
    text: undefined,
    gapBefore: undefined,
    plain: undefined,
    leadDateline: undefined,
    leadByline: undefined,
    kv: undefined,
    bullet: undefined,
    note: undefined,
    caption: undefined,
    lastLine: undefined,
    kind,
    value,
    ref,
    pos,
    alsoLines,
    banner: undefined,
    lines: undefined,
    numbered: undefined,
    notice: undefined,
    inlineParts: undefined,
    grams: undefined,
    titleScore: undefined,
  };
  return a;
}

/** A copy of a signal at another position (the same shape: `{ ...a, pos }` would build another). */
export function signalAt(s: SignalAtom, pos: SignalAtom['pos']): SignalAtom {
  return signalAtom(s.kind, s.line, s.value, s.ref, pos, s.alsoLines);
}

export function skipAtom(line: number, text: string, banner: SkipAtom['banner']): SkipAtom {
  const a = {
    t: 'skip' as const,
    line,
    text,
    gapBefore: undefined,
    plain: undefined,
    leadDateline: undefined,
    leadByline: undefined,
    kv: undefined,
    bullet: undefined,
    note: undefined,
    caption: undefined,
    lastLine: undefined,
    kind: undefined,
    value: undefined,
    ref: undefined,
    pos: undefined,
    alsoLines: undefined,
    banner,
    lines: undefined,
    numbered: undefined,
    notice: undefined,
    inlineParts: undefined,
    grams: undefined,
    titleScore: undefined,
  };
  return a;
}

export function headingAtom(
  lines: HeadLine[],
  numbered: boolean,
  notice: boolean,
  inlineParts: string[] | null,
  grams: Set<Gram>,
  titleScore: number,
): HeadingAtom {
  const a = {
    t: 'heading' as const,
    // a headline has no line of its own (its lines are in `lines`); a number keeps the field a small
    // integer in every atom, as the stages that copy lines into line assignments expect
    line: -1,
    text: undefined,
    gapBefore: undefined,
    plain: undefined,
    leadDateline: undefined,
    leadByline: undefined,
    kv: undefined,
    bullet: undefined,
    note: undefined,
    caption: undefined,
    lastLine: undefined,
    kind: undefined,
    value: undefined,
    ref: undefined,
    pos: undefined,
    alsoLines: undefined,
    banner: undefined,
    lines,
    numbered,
    notice,
    inlineParts,
    grams,
    titleScore,
  };
  return a;
}

// ---------------------------------------------------------------- where an atom lies on the page

/** The first input line an atom was read from. */
export function firstLine(a: Atom): number {
  return a.t === 'heading' ? (a.lines[0]?.line ?? 0) : a.line;
}

/** The last input line an atom was read from (a credit or note glued across lines ends on a later one). */
export function lastLine(a: Atom): number {
  if (a.t === 'heading') return a.lines[a.lines.length - 1]?.line ?? 0;
  if (a.t === 'signal') return Math.max(a.line, ...(a.alsoLines ?? []));
  return Math.max(a.line, a.t === 'para' ? (a.lastLine ?? a.line) : a.line);
}

/** A blank line (or the page's start) lies right above atom `k`. */
export function gapBefore(atoms: readonly Atom[], k: number): boolean {
  const a = atoms[k];
  const prev = atoms[k - 1];
  if (a === undefined) return false;
  return prev === undefined || lastLine(prev) < firstLine(a) - 1;
}

/** How many blank lines lie right above atom `k` (0 at the page's start). */
export function blankLinesBefore(atoms: readonly Atom[], k: number): number {
  const a = atoms[k];
  const prev = atoms[k - 1];
  if (a === undefined || prev === undefined) return 0;
  return Math.max(0, firstLine(a) - lastLine(prev) - 1);
}
