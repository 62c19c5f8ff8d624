/**
 * The page parser: raw OCR/PDF text of one newspaper page → proposed clippings (the import preview).
 *
 * Pipeline, each step linear in the page size:
 *  1. tokenise every line into atoms: body text, jump markers, datelines, bylines, furniture, banners;
 *  2. mark headline lines by shape and context (short, unpunctuated, not inside a running sentence);
 *  3. cut the atom stream into segments at hard signals (上接, 下转, datelines, bylines, 摄 credits, ads);
 *  4. decide whether the page prints headlines before or after their bodies, then attach each floating
 *     headline to the body it shares most vocabulary with (ties: the page's orientation);
 *  5. split segments at in-article headlines that are really another article's title, keep the rest as
 *     subheads; build the clippings.
 * Pure TypeScript: no framework imports, never throws, deterministic.
 */
import type {
  ImportPreview,
  JumpRef,
  LineAssignment,
  LineRole,
  PreviewClipping,
  UnassignedLine,
} from '@jianbao/contracts';
import { findJumpMarkers } from './jump-marker';
import { classifyKind } from './kind';
import { joinParagraphs, joinWrapped } from './line-join';
import { headingBigrams, headingOverlap } from './similarity';
import {
  NOTICE_CLOSING_RE,
  bannerKind,
  cleanByline,
  endsSentence,
  findDatelines,
  findKvKeySpans,
  findKvKeys,
  hasHeadingShape,
  isBalanced,
  isBylineText,
  isDateOnly,
  isFurniture,
  isMastheadName,
  isNamesOnly,
  isNoticeTitle,
  isNumberedHeading,
  isPhotoByline,
  isSectionHeader,
  startsLikeDateline,
  startsWithKvKey,
  bylineContinues,
  isSignatureLine,
  matchDatelineOnly,
  matchLeadDateline,
  splitTrailingByline,
  splitTrailingDateline,
  visibleLength,
} from './text-rules';

type Section = 'brief' | 'photo' | null;

interface HeadLine {
  line: number;
  text: string;
  gapBefore: boolean;
}

interface HeadingAtom {
  t: 'heading';
  lines: HeadLine[];
  numbered: boolean;
  notice: boolean;
  /** For a headline flattened into one line with its ad (`2024消费促进年 安康市… 时间：…`): its space-separated parts. */
  inlineParts: string[] | null;
  grams: Set<string>;
}

interface ParaAtom {
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
}

type SignalKind = 'jumpFrom' | 'jumpTo' | 'dateline' | 'byline';

interface SignalAtom {
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

interface SkipAtom {
  t: 'skip';
  line: number;
  text: string;
  banner: 'brief' | 'photo' | 'banner' | null;
}

type Atom = HeadingAtom | ParaAtom | SignalAtom | SkipAtom;

interface Seg {
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
}

type SeqItem = { k: 'seg'; seg: Seg } | { k: 'heading'; h: HeadingAtom };

/** Headline lines and subheads are never longer than this many characters in total. */
const MAX_HEADING_CHARS = 80;
/** Overlap share from which a headline is taken to name a body. */
const STRONG_OVERLAP = 0.45;

// ====================================================================== public API

/** Parses the text of one page into an import preview. Never throws; identical input gives identical output. */
export function parsePage(text: string): ImportPreview {
  try {
    return parsePageUnsafe(typeof text === 'string' ? text : String(text ?? ''));
  } catch (err) {
    // Last resort: a bug must never lose the editor's page. Everything goes to unassigned.
    return fallbackPreview(typeof text === 'string' ? text : '', err);
  }
}

function fallbackPreview(text: string, _err: unknown): ImportPreview {
  const unassignedLines: UnassignedLine[] = [];
  text.split('\n').forEach((raw, line) => {
    const t = raw.trim();
    if (t.length > 0) unassignedLines.push({ line, text: t });
  });
  return { clippings: [], unassigned: unassignedLines.map((u) => u.text), unassignedLines };
}

// ====================================================================== 1. tokenise

interface Tokenised {
  atoms: Atom[];
  /** Lines whose text was cut across several fields (a glued marker, dateline or byline). */
  splitLines: Set<number>;
  rawLines: string[];
  /** Input lines glued onto an earlier one by `rejoinCutSignals`, keyed by that earlier line. */
  glued: Map<number, number[]>;
}

function tokenise(text: string): Tokenised {
  const rawLines = text.replace(/^\uFEFF/, '').split('\n');
  const vlines = rejoinCutSignals(rawLines);
  // the helpers below look ahead in the rejoined lines; `lineOf` maps an index back to the input line
  const texts = vlines.map((v) => v.text);
  const lineOf = (k: number): number => vlines[k]?.line ?? k;
  // without any glued line, indices are input lines already
  const identity = vlines.length === rawLines.length;
  const remap = (a: Atom): Atom => (identity ? a : relineAtom(a, lineOf, vlines));
  const atoms: Atom[] = [];
  const splitLines = new Set<number>();
  const markSplit = (k: number): void => {
    const v = vlines[k];
    if (!v) return;
    splitLines.add(v.line);
    for (const n of v.also) splitLines.add(n);
  };
  let gap = false;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i] ?? '';
    if (t.length === 0) {
      gap = true;
      continue;
    }
    // a 本报讯 lead cut by a narrow column: `本报讯 记` / `者李明报道 …`
    const spanning = leadAcrossLines(t, texts, i, gap);
    if (spanning) {
      for (const a of spanning) atoms.push(remap(a));
      markSplit(i);
      markSplit(i + 1);
      i++;
      gap = false;
      continue;
    }
    // a byline cut by a narrow column: `■本报记者 鲍童 本报通` / `讯员 张洋` (up to three lines)
    const credit2 = bylineAcrossLines(t, texts, i);
    if (credit2) {
      atoms.push(remap(credit2.atom));
      for (let n = i; n <= credit2.last; n++) markSplit(n);
      i = credit2.last;
      gap = false;
      continue;
    }
    // a byline in brackets cut by a narrow column: `（记者 朱琳 通讯员` / `吴敏）`
    const credit = bracketAcrossLines(t, texts, i);
    if (credit) {
      atoms.push(remap(credit));
      markSplit(i);
      markSplit(i + 1);
      i++;
      gap = false;
      continue;
    }
    // a date right under an issuer's name is a notice's signing date, whatever furniture follows
    const above = i > 0 ? (texts[i - 1] ?? '') : '';
    const signed = isDateOnly(t) && isSignatureLine(above) && !isDateOnly(above) && !isFurniture(above);
    const masthead = (isDateOnly(t) || isMastheadName(t)) && !signed && nextToFurniture(texts, i);
    const produced = masthead ? [skip(t, i)] : tokeniseLine(t, i, gap);
    const only = produced.length === 1 ? produced[0] : undefined;
    const joined = (vlines[i]?.also.length ?? 0) > 0;
    const verbatim =
      !joined &&
      only !== undefined &&
      ((only.t === 'para' && only.plain) ||
        only.t === 'skip' ||
        (only.t === 'signal' && compact(only.value) === compact(t)));
    if (!verbatim) markSplit(i);
    for (const a of produced) atoms.push(remap(a));
    gap = false;
  }
  const glued = new Map<number, number[]>();
  for (const v of vlines) if (v.also.length > 0) glued.set(v.line, v.also);
  return { atoms, splitLines, rawLines, glued };
}

interface VLine {
  text: string;
  /** The input line this text starts on. */
  line: number;
  /** Further input lines glued onto it (a jump marker, dateline or credit cut by a narrow column). */
  also: number[];
}

/** Characters searched on either side of a line break for a signal cut there (markers, datelines and credits are shorter). */
const SIGNAL_WINDOW = 48;

/** Most lines one cut signal is glued back across (the first line included). */
const MAX_REJOIN_LINES = 4;

/**
 * Trimmed input lines, with lines glued back together where a narrow column cut a jump marker
 * (`（上接1` / `版A）`), a dateline (`新华社北京10` / `月21日电`) or a bracketed credit (`（记者 朱` /
 * `琳）`) at a wrap point: a signal that starts on one line and ends on one of the next three is
 * classified whole. A marker already whole on its line is never touched. Each input line is looked at a
 * bounded number of times, so this stays linear.
 */
function rejoinCutSignals(rawLines: string[]): VLine[] {
  const trimmed = rawLines.map((r) => (r ?? '').replace(/\r$/, '').trim());
  const out: VLine[] = [];
  for (let i = 0; i < trimmed.length; i++) {
    const t = trimmed[i] ?? '';
    const v: VLine = { text: t, line: i, also: [] };
    out.push(v);
    if (t.length === 0) continue;
    // an ad's key–value paragraph cut mid-key by a narrow column (`主办单位` / `：市商务局`) is read whole
    if (i === 0 || (trimmed[i - 1] ?? '').length === 0) {
      const kvLast = cutKeyValueBlock(trimmed, i);
      if (kvLast > i) {
        for (let n = i + 1; n <= kvLast; n++) {
          v.text = joinWrapped(v.text, trimmed[n] ?? '');
          v.also.push(n);
        }
        i = kvLast;
        continue;
      }
    }
    let last = i;
    while (last - i + 1 < MAX_REJOIN_LINES) {
      const { extra, credit } = cutSignalEnd(v.text, trimmed, last + 1, MAX_REJOIN_LINES - (last - i + 1));
      if (extra === 0) break;
      for (let n = last + 1; n <= last + extra; n++) {
        v.text = credit ? joinCredit(v.text, trimmed[n] ?? '') : joinWrapped(v.text, trimmed[n] ?? '');
        v.also.push(n);
      }
      last += extra;
    }
    i = last;
  }
  return out;
}

/**
 * How many of the lines from `from` on (at most `room`, consecutive, non-blank) must be glued onto
 * `text` so that a signal starting in `text` is complete; 0 when none is cut at the end of `text`.
 */
function cutSignalEnd(
  text: string,
  trimmed: string[],
  from: number,
  room: number,
): { extra: number; credit: boolean } {
  const none = { extra: 0, credit: false };
  if (room <= 0) return none;
  // every signal is short: only a window around the break is searched, so a long line costs no more
  const ws = Math.max(0, text.length - SIGNAL_WINDOW);
  const cut = text.length - ws;
  const bounds: number[] = [];
  let joined = text.slice(ws);
  for (let n = from; n < from + room && n < trimmed.length && joined.length < cut + SIGNAL_WINDOW; n++) {
    const next = trimmed[n] ?? '';
    if (next.length === 0) break;
    joined = joinWrapped(joined, next);
    bounds.push(joined.length);
  }
  if (bounds.length === 0) return none;
  // a signal cut at the break has its keyword near it and its last character after it
  const head = joined.slice(Math.max(0, cut - 40), cut);
  const tail = joined.slice(cut, cut + 40);
  let end = -1;
  let credit = false;
  const consider = (s: number, e: number, isCredit: boolean): void => {
    if (s < cut && e > cut && (end < 0 || e < end)) {
      end = e;
      credit = isCredit;
    }
  };
  if (/[接转续]/.test(joined.slice(Math.max(0, cut - 24), cut + 24))) {
    for (const m of findJumpMarkers(joined)) consider(m.start, m.end, false);
  }
  if (/[电讯息]/.test(tail)) for (const d of findDatelines(joined, ws === 0)) consider(d.start, d.end, false);
  if (/[）)]/.test(tail) && /[（(]/.test(head))
    for (const c of cutCredits(joined, cut)) consider(c.start, c.end, true);
  if (/[摄图]/.test(tail) && BULLET_HINT_RE.test(head)) {
    const photo = cutPhotoCredit(joined, cut, bounds, ws === 0);
    if (photo) consider(photo.start, photo.end, true);
  }
  if (end < 0) return none;
  const k = bounds.findIndex((x) => x >= end);
  return k < 0 ? none : { extra: k + 1, credit };
}

const BULLET_HINT_RE = /[■●▲◆□◎★☆◇○]/;

/**
 * A bulleted photo credit (`■新华社记者 郭` / `绪雷 摄`) opened before `cut`, at the start or after a
 * finished sentence, and closed by 摄/供图 at the end of one of the next lines.
 */
function cutPhotoCredit(
  joined: string,
  cut: number,
  bounds: number[],
  atLineStart: boolean,
): { start: number; end: number } | null {
  let open = -1;
  for (let k = cut - 1; k >= 0 && k >= cut - 40; k--) {
    if (BULLET_START.has(joined.charAt(k))) {
      open = k;
      break;
    }
  }
  if (open < 0) return null;
  const before = joined.slice(0, open).trimEnd();
  if (before.length > 0 ? !endsSentence(before) : !atLineStart) return null;
  for (const b of bounds) {
    if (b - open > 60) break;
    const credit = joined.slice(open, b);
    if (/[，。！？；,]/.test(credit)) break;
    if (isPhotoByline(credit) && isBylineText(credit)) return { start: open, end: b };
  }
  return null;
}

/** Glues a credit cut at a wrap: a name cut to one character (on either side) is glued back, whole words keep a space. */
function joinCredit(left: string, right: string): string {
  const lastWord = left.split(/[\s（(]+/).pop() ?? '';
  const firstWord = right.trimStart().split(/[\s）)]+/)[0] ?? '';
  // names are two to four characters: a one-character piece on either side is half a name
  const glue = lastWord.length < 2 || firstWord.length < 2 || /^[\s）)]/.test(right);
  return glue ? joinWrapped(left, right) : `${left.trimEnd()} ${right.trimStart()}`;
}

/** Most lines of one key–value paragraph glued back together. */
const MAX_KV_BLOCK_LINES = 16;

/**
 * The last line of the paragraph starting at `i` when it is one key–value paragraph (two or more distinct
 * keys) with a key cut across a line break; `i` otherwise (lines are then read one by one, as printed).
 */
function cutKeyValueBlock(trimmed: string[], i: number): number {
  let joined = '';
  const bounds: number[] = [];
  let n = i;
  for (; n < trimmed.length && n < i + MAX_KV_BLOCK_LINES; n++) {
    const t = trimmed[n] ?? '';
    if (t.length === 0) break;
    joined = joinWrapped(joined, t);
    bounds.push(joined.length);
  }
  if (bounds.length < 2 || (n < trimmed.length && (trimmed[n] ?? '').length > 0)) return i;
  const spans = findKvKeySpans(joined);
  if (new Set(spans.map((k) => k.key)).size < 2) return i;
  const cut = spans.some((k) => bounds.some((b) => k.start < b && b < k.end));
  return cut ? n - 1 : i;
}

/** A bracketed credit (`（记者 朱琳 通讯员 吴敏）`, `（王五）`) opened before `cut` and closed after it. */
function cutCredits(joined: string, cut: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const open = Math.max(joined.lastIndexOf('（', cut - 1), joined.lastIndexOf('(', cut - 1));
  if (open < 0 || cut - open > 40) return out;
  const m = /^[（(]([^（）()]{1,40})[）)]/.exec(joined.slice(open));
  if (!m || m[1] === undefined) return out;
  const inner = m[1].trim();
  if (isBylineText(inner) || isNamesOnly(inner)) out.push({ start: open, end: open + m[0].length });
  return out;
}

/** Maps the line numbers of an atom built on rejoined lines back to input lines. */
function relineAtom(a: Atom, lineOf: (k: number) => number, vlines: VLine[]): Atom {
  const also = (k: number): number[] => vlines[k]?.also ?? [];
  if (a.t === 'heading') {
    for (const l of a.lines) l.line = lineOf(l.line);
    return a;
  }
  if (a.t === 'signal') {
    const k = a.line;
    const extra = [...also(k)];
    for (const n of a.alsoLines ?? []) extra.push(lineOf(n), ...also(n));
    a.line = lineOf(k);
    if (extra.length > 0) a.alsoLines = extra;
    return a;
  }
  a.line = lineOf(a.line);
  return a;
}

function skip(text: string, line: number): SkipAtom {
  return { t: 'skip', line, text, banner: null };
}

/** Whether the nearest non-blank line above or below is page furniture (a masthead date sits among them). */
function nextToFurniture(rawLines: string[], i: number): boolean {
  for (const dir of [-1, 1]) {
    for (let n = i + dir; n >= 0 && n < rawLines.length && Math.abs(n - i) <= 3; n += dir) {
      const t = (rawLines[n] ?? '').trim();
      if (t.length === 0) continue;
      if (isFurniture(t)) return true;
      break;
    }
  }
  return false;
}

function bylineAcrossLines(
  t: string,
  rawLines: string[],
  i: number,
): { atom: SignalAtom; last: number } | null {
  if (t.length > 40 || /[，。！？；：,:]/.test(t) || !BYLINE_OPENING_RE.test(t)) return null;
  let text = t;
  let last = i;
  for (let n = i + 1; n <= i + 2 && n < rawLines.length; n++) {
    const next = (rawLines[n] ?? '').replace(/\r$/, '').trim();
    if (!bylineContinues(text, next)) break;
    text = `${text}${next}`;
    last = n;
  }
  if (last === i) return null;
  const alsoLines: number[] = [];
  for (let n = i + 1; n <= last; n++) alsoLines.push(n);
  const value = cleanByline(text);
  const pos = isPhotoByline(text) ? 'end' : 'auto';
  return { atom: { t: 'signal', kind: 'byline', line: i, value, ref: null, pos, alsoLines }, last };
}

const BULLET_START = new Set(['■', '●', '▲', '◆', '□', '◎', '★', '☆', '◇', '○']);

const BYLINE_OPENING_RE =
  /^(?:[■●▲◆□◎]|文\s?[/／]|图\s?[/／]|本报|新华社|中新社|人民日报|记者|通讯员|实习生|特约|见习|首席|融媒体|全媒体|摄影)/;

function bracketAcrossLines(t: string, rawLines: string[], i: number): SignalAtom | null {
  if (t.length > 30 || !/^[（(]/.test(t) || /[）)]/.test(t)) return null;
  const next = (rawLines[i + 1] ?? '').replace(/\r$/, '').trim();
  if (next.length === 0 || next.length > 20 || !/[）)]$/.test(next) || /[（(]/.test(next)) return null;
  const inner = `${t.slice(1)} ${next.slice(0, -1)}`.trim();
  if (!isBylineText(inner) && !isNamesOnly(inner)) return null;
  // a name cut in two (`（记者 朱` / `琳）`) is glued back; whole words keep a space
  const head = t.slice(1).trim();
  const lastWord = head.split(/\s+/).pop() ?? '';
  const glue = lastWord.length < 2 && !/\s/.test(next.charAt(0));
  const value = `${head}${glue ? '' : ' '}${next.slice(0, -1).trim()}`.trim();
  return { t: 'signal', kind: 'byline', line: i, value, ref: null, pos: 'end', alsoLines: [i + 1] };
}

/**
 * A lead (`本报讯（记者 黄婷）`, `本报讯 记者李明报道`) that a narrow column cut across two lines: the
 * dateline goes to the first line, the byline and the text after the lead to the second.
 */
function leadAcrossLines(t: string, rawLines: string[], i: number, gapBefore: boolean): Atom[] | null {
  if (
    t.length > 40 ||
    !/[报社网台刊心]/.test(t.slice(0, 14)) ||
    !startsLikeDateline(t) ||
    visibleLength(t) > 24
  )
    return null;
  const next = (rawLines[i + 1] ?? '').replace(/\r$/, '').trim();
  if (next.length === 0) return null;
  const joined = `${t}${next}`;
  const lead = matchLeadDateline(joined);
  if (!lead || lead.length <= t.length) return null;
  // the cut falls inside the dateline itself, or inside the byline after it
  const datelineCut = lead.dateline.length > t.replace(/^[■●▲◆□◎]\s{0,2}/, '').length;
  if (lead.byline === null && !datelineCut) return null;
  const out: Atom[] = [
    {
      t: 'signal',
      kind: 'dateline',
      line: i,
      value: lead.dateline,
      ref: null,
      pos: 'start',
      alsoLines: [i + 1],
    },
  ];
  if (lead.byline !== null)
    out.push({ t: 'signal', kind: 'byline', line: i + 1, value: lead.byline, ref: null, pos: 'start' });
  const rest = joined.slice(lead.length).trim();
  if (rest.length > 0) for (const a of tokeniseLine(rest, i + 1, false)) out.push(a);
  void gapBefore;
  return out;
}

/** Text as the preview check compares it: no whitespace, no bullets, brackets and quotes folded. */
function compact(s: string): string {
  return s
    .replace(/[\s■]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'");
}

function tokeniseLine(t: string, line: number, gapBefore: boolean): Atom[] {
  if (isFurniture(t)) return [{ t: 'skip', line, text: t, banner: null }];
  const banner = bannerKind(t);
  if (banner) return [{ t: 'skip', line, text: t, banner }];
  const out: Atom[] = [];
  const markers = findJumpMarkers(t);
  let pos = 0;
  let afterFrom = false;
  for (const m of markers) {
    const before = t.slice(pos, m.start).trim();
    if (before) tokeniseText(before, line, gapBefore && out.length === 0, pos === 0, out, afterFrom);
    out.push({
      t: 'signal',
      kind: m.direction === 'from' ? 'jumpFrom' : 'jumpTo',
      line,
      value: m.ref.marker,
      ref: m.ref,
      pos: m.direction === 'from' ? 'start' : 'end',
    });
    afterFrom = m.direction === 'from';
    pos = m.end;
  }
  const rest = t.slice(pos).trim();
  if (rest) tokeniseText(rest, line, gapBefore && out.length === 0, pos === 0, out, afterFrom);
  if (out.length === 1 && out[0]?.t === 'para') out[0].plain = markers.length === 0 && out[0].text === t;
  return out;
}

function para(text: string, line: number, gapBefore: boolean): ParaAtom {
  return {
    t: 'para',
    line,
    text,
    gapBefore,
    plain: false,
    leadDateline: null,
    leadByline: null,
    kv: false,
    bullet: false,
  };
}

function tokeniseText(
  s: string,
  line: number,
  gapBefore: boolean,
  lineStart: boolean,
  out: Atom[],
  afterFrom: boolean,
): void {
  const only = matchDatelineOnly(s);
  if (only) {
    out.push({
      t: 'signal',
      kind: 'dateline',
      line,
      value: only.dateline,
      ref: null,
      pos: only.closing ? 'end' : 'auto',
    });
    return;
  }
  const leadHere = lineStart && !afterFrom ? matchLeadDateline(s) : null;
  if (leadHere && leadHere.length >= s.length) {
    // the lead alone on its line: `本报讯（记者 张卫东 通讯员 刘晓燕）`
    out.push({ t: 'signal', kind: 'dateline', line, value: leadHere.dateline, ref: null, pos: 'start' });
    if (leadHere.byline !== null)
      out.push({ t: 'signal', kind: 'byline', line, value: leadHere.byline, ref: null, pos: 'start' });
    return;
  }
  const bulletName =
    s.length <= 24 && BULLET_START.has(s.charAt(0)) ? /^[■●▲◆□◎★☆◇○]\s{0,2}([^\s].{1,20})$/.exec(s) : null;
  if (bulletName && bulletName[1] !== undefined && isNamesOnly(bulletName[1])) {
    // a commentary's author: `□ 许文华`
    out.push({ t: 'signal', kind: 'byline', line, value: bulletName[1].trim(), ref: null, pos: 'auto' });
    return;
  }
  if (leadHere === null && isBylineText(s)) {
    out.push({
      t: 'signal',
      kind: 'byline',
      line,
      value: cleanByline(s),
      ref: null,
      pos: isPhotoByline(s) ? 'end' : 'auto',
    });
    return;
  }
  const bracketed = /^[（(](.{1,40})[）)]$/.exec(s);
  if (bracketed && bracketed[1] !== undefined && (isBylineText(bracketed[1]) || isNamesOnly(bracketed[1]))) {
    out.push({ t: 'signal', kind: 'byline', line, value: bracketed[1].trim(), ref: null, pos: 'end' });
    return;
  }
  const td = splitTrailingDateline(s);
  if (td) {
    tokeniseText(td.before, line, gapBefore, lineStart, out, afterFrom);
    out.push({ t: 'signal', kind: 'dateline', line, value: td.dateline, ref: null, pos: 'end' });
    return;
  }
  const tb = splitTrailingByline(s);
  if (tb) {
    tokeniseText(tb.before, line, gapBefore, lineStart, out, afterFrom);
    out.push({ t: 'signal', kind: 'byline', line, value: tb.byline, ref: null, pos: 'end' });
    return;
  }
  const p = para(s, line, gapBefore);
  if (leadHere && leadHere.length < s.length) {
    p.leadDateline = leadHere.dateline;
    p.leadByline = leadHere.byline;
  }
  p.bullet = /^[■●▲◆★☆◇□○▶►]/.test(s);
  const kv = findKvKeys(s);
  if (kv.keys.length >= 2) {
    p.kv = true;
    const head = s.slice(0, kv.firstAt).trim();
    if (
      kv.firstAt > 0 &&
      head.length > 0 &&
      visibleLength(head) <= 60 &&
      !/[。！？；]/.test(head) &&
      !endsSentence(head)
    ) {
      out.push(
        makeHeading(
          [{ line, text: head, gapBefore }],
          head.split(/\s+/).filter((x) => x.length > 0),
        ),
      );
      p.text = s.slice(kv.firstAt).trim();
      p.gapBefore = false;
    }
  }
  out.push(p);
}

function makeHeading(lines: HeadLine[], inlineParts: string[] | null = null): HeadingAtom {
  const text = lines.map((l) => l.text).join('');
  return {
    t: 'heading',
    lines,
    numbered: isNumberedHeading(lines[0]?.text ?? ''),
    notice: isNoticeTitle(text),
    inlineParts,
    grams: headingBigrams(text),
  };
}

// ====================================================================== 2. headlines

/** Marks plain text lines that are headlines/subheads and merges them into heading atoms. */
function markHeadings(atoms: Atom[]): Atom[] {
  markKvLines(atoms);
  const isHead = new Array<boolean>(atoms.length).fill(false);
  // runs of plain paragraphs on consecutive lines with no blank line between
  let i = 0;
  while (i < atoms.length) {
    const a = atoms[i];
    if (!a || a.t !== 'para' || !a.plain || a.kv || a.leadDateline !== null) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < atoms.length) {
      const b = atoms[j];
      const prev = atoms[j - 1];
      if (!b || b.t !== 'para' || !b.plain || b.kv || b.leadDateline !== null || b.gapBefore) break;
      if (prev && prev.t === 'para' && b.line !== prev.line + 1) break;
      j++;
    }
    classifyRun(atoms, i, j, isHead);
    i = j;
  }
  // merge consecutive headline lines (blank lines allowed between, nothing else) into groups
  const out: Atom[] = [];
  let group: HeadLine[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    // a numbered line always starts its own subhead
    let start = 0;
    for (let k = 1; k <= group.length; k++) {
      const g = group[k];
      if (k === group.length || (g !== undefined && isNumberedHeading(g.text) && g.gapBefore)) {
        out.push(makeHeading(group.slice(start, k)));
        start = k;
      }
    }
    group = [];
  };
  for (let k = 0; k < atoms.length; k++) {
    const a = atoms[k];
    if (!a) continue;
    if (isHead[k] && a.t === 'para') {
      group.push({ line: a.line, text: a.text, gapBefore: a.gapBefore });
      continue;
    }
    flush();
    out.push(a);
  }
  flush();
  return out;
}

/** Lines that each open with one key (`时间：…` / `地点：…` / `咨询电话：…`), two or more in a row, are an ad's key–value block. */
function markKvLines(atoms: Atom[]): void {
  const keyed = (a: Atom | undefined): a is ParaAtom =>
    a !== undefined && a.t === 'para' && startsWithKvKey(a.text);
  for (let k = 0; k < atoms.length; k++) {
    const a = atoms[k];
    if (!keyed(a)) continue;
    const prev = atoms[k - 1];
    const next = atoms[k + 1];
    if ((keyed(prev) && prev.line === a.line - 1) || (keyed(next) && next.line === a.line + 1)) a.kv = true;
  }
}

function contextAllowsHeading(atoms: Atom[], index: number, isHead: boolean[]): boolean {
  for (let k = index - 1; k >= 0; k--) {
    const p = atoms[k];
    if (!p) continue;
    if (p.t === 'skip') continue;
    if (p.t === 'signal') return p.kind !== 'jumpFrom';
    if (p.t === 'heading') return true;
    if (isHead[k]) return true;
    // inside a running sentence a short line is a fragment, not a headline; a signature/date line is complete
    return endsSentence(p.text) || isSignatureLine(p.text);
  }
  return true;
}

function classifyRun(atoms: Atom[], from: number, to: number, isHead: boolean[]): void {
  const lines: ParaAtom[] = [];
  for (let k = from; k < to; k++) {
    const a = atoms[k];
    if (a && a.t === 'para') lines.push(a);
  }
  if (lines.length === 0) return;
  const contextOk = contextAllowsHeading(atoms, from, isHead);
  const joined = lines.map((l) => l.text).join('');
  // (1) the whole run looks like a headline block
  if (
    contextOk &&
    lines.length <= 4 &&
    visibleLength(joined) <= MAX_HEADING_CHARS &&
    isBalanced(joined) &&
    lines.every((l, n) => hasHeadingShape(l.text) || (n < lines.length - 1 && isPlaceLabel(l.text)))
  ) {
    for (let k = from; k < to; k++) isHead[k] = true;
    return;
  }
  if (lines.length < 2) return;
  // (1b) a notice's title wrapped over up to three lines, opening the run: `关于…` / `…的通知`
  if (contextOk) {
    for (let m = 1; m <= Math.min(3, lines.length - 1); m++) {
      const block = lines.slice(0, m);
      const joinedTitle = block.map((l) => l.text).join('');
      if (!block.every((l) => strictHeadingLine(l.text))) break;
      if (isNoticeTitle(joinedTitle) && visibleLength(joinedTitle) <= MAX_HEADING_CHARS) {
        for (let k = from; k < from + m; k++) isHead[k] = true;
        return;
      }
    }
  }
  const first = lines[0];
  const second = lines[1];
  // (2b) the same, led by a place label on its own line: `高新区：` / `企业服务“一站式”办结`
  const third = lines[2];
  if (
    contextOk &&
    first !== undefined &&
    second !== undefined &&
    third !== undefined &&
    isPlaceLabel(first.text) &&
    strictHeadingLine(second.text) &&
    visibleLength(second.text) <= 30 &&
    visibleLength(second.text) <= 0.85 * visibleLength(third.text)
  ) {
    isHead[from] = true;
    isHead[from + 1] = true;
  }
  // (2) a short headline printed right above its body without a blank line
  if (
    contextOk &&
    first !== undefined &&
    second !== undefined &&
    strictHeadingLine(first.text) &&
    visibleLength(first.text) <= 30 &&
    visibleLength(first.text) <= 0.7 * visibleLength(second.text)
  ) {
    isHead[from] = true;
  }
  // (4) a subhead inside a run: a short plain line between a finished sentence and a fuller line
  for (let k = 1; k + 1 < lines.length; k++) {
    const line = lines[k];
    if (line === undefined || line.text.length > 40 || line.text.length < 4) continue;
    const prev = lines[k - 1];
    const next = lines[k + 1];
    if (prev === undefined || next === undefined || !endsSentence(prev.text)) continue;
    const width = Math.max(visibleLength(prev.text), visibleLength(next.text));
    const len = visibleLength(line.text);
    if (
      width >= 12 &&
      len >= 4 &&
      len <= 0.7 * width &&
      endsSentence(prev.text) &&
      strictHeadingLine(line.text) &&
      !/[”’」』）)]$/.test(line.text) &&
      hasHeadingShape(next.text) === false
    ) {
      isHead[from + k] = true;
    }
  }
  // (3) a headline block (one line, or up to three: 引题 / 主题 / ——副题) printed right below a
  // finished paragraph, closing the run; a notice's signature or date lines are not headlines.
  for (let m = Math.min(3, lines.length - 1); m >= 1; m--) {
    const before = lines[lines.length - m - 1];
    const block = lines.slice(lines.length - m);
    if (before === undefined || !endsSentence(before.text)) continue;
    const ok = block.every(
      (l, n) =>
        !isSignatureLine(l.text) &&
        (strictHeadingLine(l.text) ||
          (m > 1 && n === m - 1 && /^——/.test(l.text) && hasHeadingShape(l.text.slice(2)))),
    );
    if (!ok || (m > 1 && visibleLength(block.map((l) => l.text).join('')) > MAX_HEADING_CHARS)) continue;
    for (let k = to - m; k < to; k++) isHead[k] = true;
    break;
  }
}

/** `东乡：` / `高新区：` alone on a line: the place label a headline opens with. */
function isPlaceLabel(text: string): boolean {
  return /^[\u4e00-\u9fff]{2,6}[：:]$/.test(text.trim());
}

function strictHeadingLine(text: string): boolean {
  return hasHeadingShape(text) && !/[，,]/.test(text) && isBalanced(text) && !isNumberedHeading(text);
}

// ====================================================================== 3. segments

function newSeg(section: Section): Seg {
  return {
    items: [],
    from: null,
    to: null,
    startSignals: [],
    endSignals: [],
    hasBody: false,
    kv: false,
    section,
    titleBefore: null,
    titleAfter: null,
    textCache: null,
  };
}

function segment(atoms: Atom[], unassigned: SkipAtom[]): SeqItem[] {
  const seq: SeqItem[] = [];
  let cur: Seg | null = null;
  let section: Section = null;
  let noticeClosing = false;
  let signatureLines = 0;

  const open = (): Seg => {
    const s = newSeg(section);
    seq.push({ k: 'seg', seg: s });
    cur = s;
    return s;
  };
  const close = (): void => {
    const c: Seg | null = cur;
    if (c === null) return;
    // headlines after the last body line float between this segment and the next
    const trailing: HeadingAtom[] = [];
    while (c.items.length > 0) {
      const last = c.items[c.items.length - 1];
      if (!last || last.t !== 'heading') break;
      trailing.unshift(last);
      c.items.pop();
    }
    if (
      !c.hasBody &&
      c.items.length === 0 &&
      c.startSignals.length === 0 &&
      !c.from &&
      !c.to &&
      c.endSignals.length === 0
    ) {
      const idx = seq.findIndex((x) => x.k === 'seg' && x.seg === c);
      if (idx >= 0) seq.splice(idx, 1);
    }
    for (const h of trailing) seq.push({ k: 'heading', h });
    cur = null;
    noticeClosing = false;
    signatureLines = 0;
  };
  const lastSeg = (): Seg | null => {
    for (let k = seq.length - 1; k >= 0; k--) {
      const it = seq[k];
      if (it && it.k === 'seg') return it.seg;
      if (it && it.k === 'heading') return null;
    }
    return null;
  };
  const nextMeaningful = (k: number): Atom | undefined => {
    for (let n = k + 1; n < atoms.length; n++) {
      const a = atoms[n];
      if (a && a.t !== 'skip') return a;
    }
    return undefined;
  };

  for (let k = 0; k < atoms.length; k++) {
    const a = atoms[k];
    if (!a) continue;
    const c = cur as Seg | null;
    switch (a.t) {
      case 'skip': {
        unassigned.push(a);
        // a section header (`时评`, `综合新闻`) ends a brief or photo column
        if (a.banner === null && section !== null && isSectionHeader(a.text)) {
          if (c?.hasBody) close();
          section = null;
        }
        if (a.banner !== null) {
          if (c?.hasBody) close();
          if (a.banner === 'brief' || a.banner === 'photo') section = a.banner;
        }
        break;
      }
      case 'heading': {
        if (a.notice && c?.hasBody) close();
        const target = (cur as Seg | null) ?? null;
        if (target && (target.hasBody || target.startSignals.length > 0 || target.from)) target.items.push(a);
        else seq.push({ k: 'heading', h: a });
        break;
      }
      case 'para': {
        let s = c;
        const startsNew =
          (a.kv && !(s?.kv ?? false)) ||
          (a.leadDateline !== null && s?.hasBody === true) ||
          (section === 'brief' && a.bullet && s?.hasBody === true) ||
          (noticeClosing && signatureLines >= 3);
        if (s && startsNew) {
          close();
          s = null;
        }
        if (noticeClosing && s) {
          if (isSignatureLine(a.text) && signatureLines < 3) signatureLines++;
          else {
            close();
            s = null;
          }
        }
        if (!s) s = open();
        if (a.kv) s.kv = true;
        if (a.leadDateline !== null && !s.hasBody) {
          s.startSignals.push({
            t: 'signal',
            kind: 'dateline',
            line: a.line,
            value: a.leadDateline,
            ref: null,
            pos: 'start',
          });
          if (a.leadByline !== null) {
            s.startSignals.push({
              t: 'signal',
              kind: 'byline',
              line: a.line,
              value: a.leadByline,
              ref: null,
              pos: 'start',
            });
          }
        }
        s.items.push(a);
        s.hasBody = true;
        if (NOTICE_CLOSING_RE.test(a.text) && endsSentence(a.text)) noticeClosing = true;
        break;
      }
      case 'signal': {
        if (a.kind === 'jumpFrom') {
          if (c && (c.hasBody || c.from)) close();
          const s = (cur as Seg | null) ?? open();
          s.from = a;
          break;
        }
        if (a.kind === 'jumpTo') {
          if (c) {
            c.to = a;
            close();
          } else {
            const prev = lastSeg();
            if (prev && !prev.to) prev.to = a;
            else open().to = a;
            cur = null;
          }
          break;
        }
        let pos = a.pos;
        if (pos === 'auto') {
          const next = nextMeaningful(k);
          const nextIsBody = next !== undefined && next.t === 'para';
          pos = c?.hasBody && !nextIsBody ? 'end' : 'start';
        }
        if (pos === 'end') {
          if (c?.hasBody) {
            c.endSignals.push({ ...a, pos: 'end' });
            close();
          } else if (c) {
            c.startSignals.push({ ...a, pos: 'start' });
          } else {
            const prev = lastSeg();
            if (prev && !prev.endSignals.some((x) => x.kind === a.kind))
              prev.endSignals.push({ ...a, pos: 'end' });
            else open().startSignals.push({ ...a, pos: 'start' });
          }
          break;
        }
        if (c?.hasBody) close();
        const s = (cur as Seg | null) ?? open();
        s.startSignals.push({ ...a, pos: 'start' });
        break;
      }
    }
  }
  close();
  return seq;
}

// ====================================================================== 4. attach floating headlines

function segText(seg: Seg, limit = 2000): string {
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

function isTitled(seg: Seg): boolean {
  return seg.titleBefore !== null || seg.titleAfter !== null;
}

function startsWithSignal(seg: Seg): boolean {
  return seg.startSignals.length > 0;
}

/** `before`: headlines are printed above their bodies (the common case); `after`: below them. */
type Orientation = 'before' | 'after';

function detectOrientation(seq: SeqItem[]): Orientation {
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

function neighbourSeg(seq: SeqItem[], k: number, dir: 1 | -1): Seg | null {
  for (let n = k + dir; n >= 0 && n < seq.length; n += dir) {
    const it = seq[n];
    if (!it) continue;
    if (it.k === 'seg') return it.seg;
  }
  return null;
}

function attachFloatingHeadings(seq: SeqItem[], orientation: Orientation, leftover: HeadingAtom[]): void {
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

// ====================================================================== 5. clippings

interface Part {
  title: HeadingAtom | null;
  items: Array<ParaAtom | HeadingAtom>;
  startSignals: SignalAtom[];
  endSignals: SignalAtom[];
  from: SignalAtom | null;
  to: SignalAtom | null;
  kv: boolean;
  section: Section;
}

function splitSegment(seg: Seg, orientation: Orientation): Part[] {
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
function bylinePairSplit(seg: Seg): number {
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

function partText(p: Part, limit = 2000): string {
  let s = '';
  for (const it of p.items) {
    if (it.t !== 'para') continue;
    s += it.text;
    if (s.length >= limit) break;
  }
  return s;
}

function textAfter(items: Array<ParaAtom | HeadingAtom>, k: number, limit = 2000): string {
  let s = '';
  for (let n = k + 1; n < items.length && s.length < limit; n++) {
    const it = items[n];
    if (!it) continue;
    if (it.t === 'heading') break;
    s += it.text;
  }
  return s;
}

interface HeadingPart {
  text: string;
  lines: number[];
  sub: boolean;
}

/** Splits a headline group into printed parts: blocks separated by blank lines; bracketed/dash lines apart. */
function headingParts(h: HeadingAtom): HeadingPart[] {
  if (h.inlineParts && h.inlineParts.length > 0) {
    const line = h.lines[0]?.line ?? 0;
    return h.inlineParts.map((text) => ({ text, lines: [line], sub: isSubtitleLine(text) }));
  }
  const parts: HeadingPart[] = [];
  let cur: HeadingPart | null = null;
  const tall = isTallBlock(h);
  for (const l of h.lines) {
    const sub = isSubtitleLine(l.text);
    if (sub) {
      parts.push({ text: l.text, lines: [l.line], sub: true });
      cur = null;
      continue;
    }
    // a deck printed on its own line — `【关注城市更新】`, or a sentence with a comma — is a part of its own
    const deck = isDeckLine(l.text, tall);
    if (cur === null || l.gapBefore || deck) {
      cur = { text: l.text, lines: [l.line], sub: false };
      parts.push(cur);
      if (deck && h.lines.length > 1) cur = null;
    } else {
      cur.text = joinWrapped(cur.text, l.text);
      cur.lines.push(l.line);
    }
  }
  return parts;
}

/**
 * A deck line: `【关注城市更新】`, a sentence with a comma, or — in a block of three or more lines that
 * also has plain lines — a two-phrase line (`坚持项目为王 奋力攻坚冲刺`, `王建国出席并讲话 李红梅主持`).
 */
function isDeckLine(text: string, tall: boolean): boolean {
  const t = text.trim();
  return (/^[【〖]/.test(t) && /[】〗]$/.test(t)) || /[，,]/.test(t) || (tall && /\S[ \u3000]+\S/.test(t));
}

/** Three or more headline lines, at least one of them without spaces or commas (the wrapped main title). */
function isTallBlock(h: HeadingAtom): boolean {
  return h.lines.length >= 3 && h.lines.some((l) => !/[\s，,]/.test(l.text.trim()));
}

function isSubtitleLine(text: string): boolean {
  const t = text.trim();
  return /^[—–-]{1,2}/.test(t) || (/^[（(]/.test(t) && /[）)]$/.test(t) && isBalanced(t.slice(1, -1)));
}

interface TitleFields {
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  roles: LineAssignment[];
}

/** Kicker (引题) / title (主题) / subtitle (副题): the longest plain part is the title. */
function titleFields(h: HeadingAtom | null): TitleFields {
  if (!h) return { kicker: null, title: null, subtitle: null, roles: [] };
  const parts = headingParts(h);
  const tall = isTallBlock(h);
  // the title is the longest plain part; a deck (bracketed or a sentence with a comma) only when nothing else is
  let t = -1;
  for (const decksToo of [false, true]) {
    for (let k = 0; k < parts.length; k++) {
      const p = parts[k];
      if (!p || p.sub || (!decksToo && parts.length > 1 && isDeckLine(p.text, tall))) continue;
      const best = t >= 0 ? parts[t] : undefined;
      if (best === undefined || visibleLength(p.text) > visibleLength(best.text)) t = k;
    }
    if (t >= 0) break;
  }
  if (t < 0) t = 0;
  const kick: string[] = [];
  const sub: string[] = [];
  const roles: LineAssignment[] = [];
  parts.forEach((p, k) => {
    const role: LineRole = k === t ? 'title' : k < t ? 'kicker' : 'subtitle';
    if (k < t) kick.push(p.text);
    else if (k > t) sub.push(p.text);
    for (const line of p.lines) roles.push({ line, role });
  });
  return {
    kicker: kick.length > 0 ? kick.join(' ') : null,
    title: parts[t]?.text ?? null,
    subtitle: sub.length > 0 ? sub.join(' ') : null,
    roles,
  };
}

function subheadText(h: HeadingAtom): string {
  let s = '';
  let prevGap = false;
  for (const l of h.lines) {
    s = s.length === 0 ? l.text : prevGap || l.gapBefore ? `${s} ${l.text}` : joinWrapped(s, l.text);
    prevGap = false;
  }
  return s;
}

const ROLE_ORDER: Record<LineRole, number> = {
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

function buildClipping(p: Part): PreviewClipping | null {
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
function reportGluedLines(
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

// ====================================================================== driver

function parsePageUnsafe(text: string): ImportPreview {
  const tok = tokenise(text);
  const atoms = markHeadings(tok.atoms);
  const skipped: SkipAtom[] = [];
  const seq = segment(atoms, skipped);
  const orientation = detectOrientation(seq);
  const leftover: HeadingAtom[] = [];
  attachFloatingHeadings(seq, orientation, leftover);
  const clippings: PreviewClipping[] = [];
  for (const it of seq) {
    if (it.k !== 'seg') continue;
    for (const part of splitSegment(it.seg, orientation)) {
      const c = buildClipping(part);
      if (c) clippings.push(c);
    }
  }
  const unassignedLines: UnassignedLine[] = skipped.map((s) => ({ line: s.line, text: s.text }));
  for (const h of leftover) for (const l of h.lines) unassignedLines.push({ line: l.line, text: l.text });
  if (tok.glued.size > 0) reportGluedLines(clippings, unassignedLines, tok.glued, tok.rawLines);
  unassignedLines.sort((a, b) => a.line - b.line);
  // `unassigned` also carries the verbatim text of lines the parser cut across fields (a jump marker or
  // credit glued to body text), so that every input line can be found whole somewhere in the preview.
  const unassigned = unassignedLines.map((u) => u.text);
  const splitTexts = [...tok.splitLines]
    .sort((a, b) => a - b)
    .map((line) => (tok.rawLines[line] ?? '').trim())
    .filter((t) => t.length > 0);
  return { clippings, unassigned: [...unassigned, ...splitTexts], unassignedLines };
}
