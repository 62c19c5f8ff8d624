/**
 * Stage 2 (lines): input lines glued back together where a narrow column cut a signal — a jump marker,
 * a dateline, a credit — across a line break, so that the tokeniser sees it whole.
 */
import {
  BULLET_START,
  endsSentence,
  findDatelines,
  findKvKeySpans,
  isBracketedNote,
  isBylineText,
  isNamesOnly,
  isPhotoByline,
} from './text-rules';
import { findJumpMarkers, joinWrapped } from '@jianbao/contracts';
import { SIGNAL_REACH } from './thresholds';

export interface VLine {
  text: string;
  /** The input line this text starts on. */
  line: number;
  /** Further input lines glued onto it (a jump marker, dateline or credit cut by a narrow column). */
  also: number[];
}

/** Characters searched on either side of a line break for a signal cut there (markers, datelines and credits are shorter). */
export const SIGNAL_WINDOW = 48;

/** Most lines one cut signal is glued back across (the first line included). */
export const MAX_REJOIN_LINES = 4;

/**
 * Trimmed input lines, with lines glued back together where a narrow column cut a jump marker
 * (`（上接1` / `版A）`), a dateline (`新华社北京10` / `月21日电`) or a bracketed credit (`（记者 朱` /
 * `琳）`) at a wrap point: a signal that starts on one line and ends on one of the next three is
 * classified whole. A marker already whole on its line is never touched. Each input line is looked at a
 * bounded number of times, so this stays linear.
 */
export function rejoinCutSignals(rawLines: string[]): VLine[] {
  // (pushed, not `map`: see docs/benchmarks.md, preview — an array `map` makes has another hidden class
  // whether V8 runs it inlined or not, and the loops reading it were deoptimised at each switch)
  const trimmed: string[] = [];
  for (const r of rawLines) trimmed.push((r ?? '').replace(/\r$/, '').trim());
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
    // a trailing note in brackets wrapped by the column: `（本报记者何昭宇、姚雪青` / `、杨迅…孙` / `海天）`
    const noteLast = wrappedNoteEnd(trimmed, i);
    if (noteLast > i) {
      for (let n = i + 1; n <= noteLast; n++) {
        v.text = joinWrapped(v.text, trimmed[n] ?? '');
        v.also.push(n);
      }
      i = noteLast;
      continue;
    }
    // a jump marker cut by a column break (`…杨冬说。（下转第` / blank / `2版）`): its end is glued back (the
    // marker grammar decides, on the two lines read as one)
    if (markerAcrossBreak(t, trimmed[i + 1] ?? '', trimmed[i + 2] ?? '')) {
      v.text = joinWrapped(t, trimmed[i + 2] ?? '');
      v.also.push(i + 1, i + 2);
      i += 2;
      continue;
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

/** `（下转第` / blank / `2版）`: a marker the grammar finds only across the blank line, spanning the seam. */
function markerAcrossBreak(t: string, blank: string, next: string): boolean {
  if (blank.length > 0 || next.length === 0 || !JUMP_WORD_RE.test(t.slice(-MARKER_TAIL_CHARS))) return false;
  const glued = joinWrapped(t, next);
  return findJumpMarkers(glued).some((m) => m.start < t.length && m.end > t.length);
}

/** A marker cut at a line's end has its word (上接, 下转, 转…) within this many characters of it. */
const MARKER_TAIL_CHARS = 8;

/**
 * The last line of a bracketed note that opens on line `i` and closes at the end of one of the next
 * MAX_REJOIN_LINES - 1 lines; `i` when there is none.
 */
function wrappedNoteEnd(trimmed: string[], i: number): number {
  const t = trimmed[i] ?? '';
  if (!/^[（(]/.test(t) || /[）)]/.test(t)) return i;
  let joined = t;
  for (let n = i + 1; n < i + MAX_REJOIN_LINES && n < trimmed.length; n++) {
    const next = trimmed[n] ?? '';
    if (next.length === 0 || /[（(]/.test(next)) return i;
    joined = joinWrapped(joined, next);
    if (/[）)]/.test(next)) {
      const inner = joined.slice(1, -1);
      // a bracketed credit (`（记者 朱琳 通讯员` / `吴敏）`) is glued by the credit rule, names kept apart
      const credit = isBylineText(inner) || isNamesOnly(inner);
      return /[）)]$/.test(next) && !credit && isBracketedNote(joined) ? n : i;
    }
  }
  return i;
}

/** cutSignalEnd's answer for a text with no signal cut at its end (one object, not one per line). */
const NO_CUT = { extra: 0, credit: false } as const;

/**
 * How many of the lines from `from` on (at most `room`, consecutive, non-blank) must be glued onto
 * `text` so that a signal starting in `text` is complete; 0 when none is cut at the end of `text`.
 */
export function cutSignalEnd(
  text: string,
  trimmed: string[],
  from: number,
  room: number,
): { readonly extra: number; readonly credit: boolean } {
  const none = NO_CUT;
  if (room <= 0 || !mayHoldCutSignal(text, trimmed, from, room)) return none;
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
  const head = joined.slice(Math.max(0, cut - SIGNAL_REACH), cut);
  const tail = joined.slice(cut, cut + SIGNAL_REACH);
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
  // (a next line that opens with a dateline of its own is no dateline's cut end: `江边发现白鹭` / `快报讯（…`)
  if (/[电讯息]/.test(tail) && !opensWithDateline(trimmed[from] ?? ''))
    for (const d of findDatelines(joined, ws === 0)) consider(d.start, d.end, false);
  if (/[）)]/.test(tail) && /[（(]/.test(head))
    for (const c of cutCredits(joined, cut)) consider(c.start, c.end, true);
  if (/[摄图]/.test(tail) && BULLET_HINT_RE.test(head)) {
    const photo = cutPhotoCredit(joined, cut, bounds, ws === 0);
    if (photo) consider(photo.start, photo.end, true);
  }
  if (/[摄道画绘]/.test(tail) && RUN_ON_CREDIT_OPEN_RE.test(head)) {
    const photo = cutRunOnCredit(joined, cut, bounds);
    if (photo) consider(photo.start, photo.end, true);
  }
  if (end < 0) return none;
  const k = bounds.findIndex((x) => x >= end);
  return k < 0 ? none : { extra: k + 1, credit };
}

function opensWithDateline(line: string): boolean {
  return findDatelines(line, true).some(
    (d) => d.start === 0 || /^[■●▲◆□◎]\s{0,2}$/.test(line.slice(0, d.start)),
  );
}

/** Characters one of the signals below needs near the break: a marker's word, a dateline's end, a credit's close. */
const CUT_SIGNAL_CHAR_RE = /[接转续电讯息）)摄图画绘]/;
const JUMP_WORD_RE = /[接转续]/;

/**
 * Whether a signal can be cut at the end of `text`: a marker's word in its last 24 characters, or one of
 * CUT_SIGNAL_CHAR_RE on the lines that would be glued on (the only characters cutSignalEnd looks at
 * after the break). Cheap: no string is built.
 */
function mayHoldCutSignal(text: string, trimmed: string[], from: number, room: number): boolean {
  if (JUMP_WORD_RE.test(text.length > 24 ? text.slice(-24) : text)) return true;
  for (let n = from; n < from + room && n < trimmed.length; n++) {
    const next = trimmed[n] ?? '';
    if (next.length === 0) break;
    if (CUT_SIGNAL_CHAR_RE.test(next)) return true;
  }
  return false;
}

export const BULLET_HINT_RE = /[■●▲◆□◎★☆◇○]/;

/**
 * A bulleted photo credit (`■新华社记者 郭` / `绪雷 摄`) opened before `cut`, at the start or after a
 * finished sentence, and closed by 摄/供图 at the end of one of the next lines.
 */
export function cutPhotoCredit(
  joined: string,
  cut: number,
  bounds: number[],
  atLineStart: boolean,
): { start: number; end: number } | null {
  let open = -1;
  for (let k = cut - 1; k >= 0 && k >= cut - SIGNAL_REACH; k--) {
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

/** A finished sentence: where a credit run on after a caption's last sentence may open. */
const RUN_ON_CREDIT_OPEN_RE = /[。！？!?”’）)]\s*\S/;

/**
 * A photo credit run on after a caption's last sentence (set off by spaces or not) and cut by the column
 * (`…品质。  本报通讯员` / `董玉龙 张胜利 摄影报道`, `…健身。长` / `沙晚报记者 陈飞 摄`): it opens before
 * `cut` and closes with 摄, 摄影 or 报道 at the end of one of the next lines.
 */
export function cutRunOnCredit(
  joined: string,
  cut: number,
  bounds: number[],
): { start: number; end: number } | null {
  const from = Math.max(0, cut - SIGNAL_REACH);
  let open = -1;
  const re = /[。！？!?”’）)]\s*(?=\S)/g;
  re.lastIndex = from;
  for (let m = re.exec(joined); m !== null && m.index < cut; m = re.exec(joined))
    open = m.index + m[0].length;
  if (open < 0 || open >= cut) return null;
  // read with a space at each line break: names end where a line ends (`…通讯员 丁晓明` / `王松 朱丹 摄影报道`)
  let credit = joined.slice(open, cut);
  let lineStart = cut;
  for (const b of bounds) {
    if (b - open > 60) break;
    const piece = joined.slice(lineStart, b);
    // (no space where the break cuts a word of the credit: `…茂名日报` / `社全媒体记者丘立贺摄`)
    credit = cutsRoleWord(credit, piece) ? `${credit}${piece}` : `${credit} ${piece}`;
    lineStart = b;
    if (/[，。！？；,]/.test(credit)) break;
    if (/(?:摄影?|供图|报道|画|绘)$/.test(credit) && isBylineText(credit)) return { start: open, end: b };
  }
  return null;
}

/** Role words a column may cut (`通讯` / `员黄诗谊`, `记` / `者张三`, `全媒` / `体记者`, `日报` / `社记者`). */
const ROLE_WORDS = ['通讯员', '记者', '实习生', '摄影', '见习', '全媒体', '融媒体', '报社'];

/** Whether the break between `before` and `after` falls inside a role word. */
export function cutsRoleWord(before: string, after: string): boolean {
  const left = before.slice(-2);
  const seam = `${left}${after.slice(0, 2)}`;
  return ROLE_WORDS.some((w) => {
    const at = seam.indexOf(w);
    return at >= 0 && at < left.length && at + w.length > left.length;
  });
}

/**
 * Glues a credit cut at a wrap: a name cut to one character (on either side), or a role word cut in two
 * (`通讯` / `员黄诗谊`), is glued back; whole words keep a space.
 */
export function joinCredit(left: string, right: string): string {
  const lastWord = left.split(/[\s（(]+/).pop() ?? '';
  const firstWord = right.trimStart().split(/[\s）)]+/)[0] ?? '';
  // names are two to four characters: a one-character piece on either side is half a name
  const glue =
    lastWord.length < 2 ||
    firstWord.length < 2 ||
    /^[\s）)]/.test(right) ||
    cutsRoleWord(lastWord, firstWord);
  return glue ? joinWrapped(left, right) : `${left.trimEnd()} ${right.trimStart()}`;
}

/** Most lines of one key–value paragraph glued back together. */
export const MAX_KV_BLOCK_LINES = 16;

/**
 * The last line of the paragraph starting at `i` when it is one key–value paragraph (two or more distinct
 * keys) with a key cut across a line break; `i` otherwise (lines are then read one by one, as printed).
 */
export function cutKeyValueBlock(trimmed: string[], i: number): number {
  // every key ends in a colon: a paragraph without one is no key–value block, and is not glued into
  // one string to find that out (this runs at every paragraph's first line)
  let colon = false;
  for (let n = i; n < trimmed.length && n < i + MAX_KV_BLOCK_LINES && !colon; n++) {
    const t = trimmed[n] ?? '';
    if (t.length === 0) break;
    colon = t.includes('：') || t.includes(':');
  }
  if (!colon) return i;
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
export function cutCredits(joined: string, cut: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const open = Math.max(joined.lastIndexOf('（', cut - 1), joined.lastIndexOf('(', cut - 1));
  if (open < 0 || cut - open > SIGNAL_REACH) return out;
  const m = /^[（(]([^（）()]{1,40})[）)]/.exec(joined.slice(open));
  if (!m || m[1] === undefined) return out;
  const inner = m[1].trim();
  if (isBylineText(inner) || isNamesOnly(inner)) out.push({ start: open, end: open + m[0].length });
  return out;
}
