import type { JumpRef } from '../index';
import { normalizePageLabel } from './page-label';
import { toHalfWidth } from './width';

/** `from`: this text continues an article begun elsewhere (`上接`); `to`: it goes on elsewhere (`下转`). */
export type JumpDirection = 'from' | 'to';

export interface JumpMarkerMatch {
  direction: JumpDirection;
  ref: JumpRef;
  /** Offsets of the marker (brackets included) in the searched string. */
  start: number;
  end: number;
}

// Grammar (brackets optional, full- or half-width, spaces tolerated):
//   FROM := 上接 | 接上 | 紧接 | 承接 | 续 | 接(only with 第 or inside brackets)
//   TO   := 下转 | 转至 | 转接 | 转
//   MARK := [open] (FROM|TO) [第] PAGE (版|页|面) [LETTER] [close]
//   PAGE := [A-Z]{0,2} (digits | 一二三…十百) [A-Z]
// Every quantifier is bounded, so matching stays linear in the line length.
const OPEN = '[（(〔【\\[［]';
const CLOSE = '[）)〕】\\]］]';
const NUM = '(?:[0-9０-９]{1,3}|[零〇一二两三四五六七八九十百]{1,4})';
const LET = '[A-Za-zＡ-Ｚａ-ｚ]';
// an article's label may also be a circled number (`（下转第二版①）`)
const CIRCLED = '[①-⑳]';
// (papers that print no brackets may lead the marker with arrows: `》》》下转02版`)
const ARROWS = '[》>»›]{1,3}';
const MARKER_SOURCE =
  `(${OPEN}|${ARROWS})?[ \\t\\u3000]{0,2}` +
  '(上接|接上|紧接|承接|续接|下转|转至|转接|转|接|续)' +
  `[ \\t\\u3000]{0,2}(第)?[ \\t\\u3000]{0,2}(${LET}{0,2}[ \\t\\u3000]?${NUM}[ \\t\\u3000]?${LET}?)[ \\t\\u3000]{0,2}(?:版|页|面)` +
  `(?:[ \\t\\u3000]{0,2}(${LET}|${CIRCLED})(?![A-Za-zＡ-Ｚａ-ｚ]))?[ \\t\\u3000]{0,2}(${CLOSE})?`;

const FROM_WORDS = new Set(['上接', '接上', '紧接', '承接', '续接', '接', '续']);

function makeRe(): RegExp {
  return new RegExp(MARKER_SOURCE, 'g');
}

/** Finds every jump marker in one line of text, left to right. */
export function findJumpMarkers(line: string): JumpMarkerMatch[] {
  const out: JumpMarkerMatch[] = [];
  // a marker holds its word and 版, 页 or 面
  if (!/[接转续]/.test(line) || !/[版页面]/.test(line)) return out;
  const re = makeRe();
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    const [whole, open, word = '', di, pageText = '', labelText, close] = m;
    let start = m.index;
    let end = start + whole.length;
    const arrows = open !== undefined && /^[》>»›]/.test(open);
    const bracketed = open !== undefined && !arrows && close !== undefined;
    // Bare `接`/`续`/`转` are ordinary words; only accept them with 第 or inside brackets.
    // A bare `转A2版` is accepted when it is the whole line, or (for 转) closes the line after a sentence.
    if ((word === '接' || word === '续' || word === '转') && !bracketed && di === undefined) {
      const before = line.slice(0, m.index).trimEnd();
      const after = line.slice(m.index + whole.length).trim();
      const wholeLine = before.length === 0 && after.length === 0;
      const closing = word === '转' && after.length === 0 && /[。！？…”]$/.test(before);
      if (!wholeLine && !closing) continue;
    }
    // A lone bracket belongs to the surrounding text unless it pairs up.
    if (open !== undefined && !arrows && close === undefined) start += open.length;
    if (close !== undefined && (open === undefined || arrows)) end -= close.length;
    let text = line.slice(start, end);
    // Trim whitespace that the optional gaps swallowed at either edge.
    const lead = text.length - text.trimStart().length;
    start += lead;
    text = text.trim();
    end = start + text.length;
    const normalized = normalizePageLabel(pageText);
    if (normalized === null) continue;
    // the page as a number (`03` → `3`); edition letters printed before it (`A03` → `A`) apart, so the
    // page reads the same whatever the paper's numbering (README schema: page digits)
    const [, edition = '', pageNumber = normalized] = /^([A-Z]{1,2})(\d+)$/.exec(normalized) ?? [];
    const label = labelText ? toHalfWidth(labelText).toUpperCase() : null;
    out.push({
      direction: FROM_WORDS.has(word) ? 'from' : 'to',
      ref: edition
        ? { page: pageNumber, label, edition, marker: text }
        : { page: pageNumber, label, marker: text },
      start,
      end,
    });
  }
  return out;
}

/** The page label a marker points to, edition letters included: `{page: '3', edition: 'A'}` → `A3`. */
export function jumpTargetPage(ref: Pick<JumpRef, 'page' | 'edition'>): string {
  return `${ref.edition ?? ''}${ref.page}`;
}

/** Parses a string that is exactly one jump marker (surrounding whitespace allowed); null otherwise. */
export function parseJumpMarker(text: string): { direction: JumpDirection; ref: JumpRef } | null {
  const t = text.trim();
  const found = findJumpMarkers(t);
  const first = found[0];
  if (found.length !== 1 || first === undefined || first.start !== 0 || first.end !== t.length) return null;
  return { direction: first.direction, ref: first.ref };
}

/** The text without a jump marker at its very start (`（上接第一版）清风扬帆` → `清风扬帆`). */
export function stripLeadingMarker(text: string, ref?: JumpRef | null): string {
  const t = text.replace(/^\s+/, '');
  if (ref?.marker && t.startsWith(ref.marker)) return t.slice(ref.marker.length).replace(/^\s+/, '');
  const [first] = findJumpMarkers(t);
  return first && first.start === 0 && first.direction === 'from'
    ? t.slice(first.end).replace(/^\s+/, '')
    : t;
}

/** The text without a jump marker at its very end (`…公平高效。（下转第四版）` → `…公平高效。`). */
export function stripTrailingMarker(text: string, ref?: JumpRef | null): string {
  const t = text.replace(/\s+$/, '');
  if (ref?.marker && t.endsWith(ref.marker))
    return t.slice(0, t.length - ref.marker.length).replace(/\s+$/, '');
  const found = findJumpMarkers(t);
  const last = found[found.length - 1];
  return last && last.end === t.length && last.direction === 'to'
    ? t.slice(0, last.start).replace(/\s+$/, '')
    : t;
}

/** The text without any jump marker (`（上接1版A）清风扬帆` → `清风扬帆`), for rebuilding a body from lines. */
export function stripJumpMarkers(text: string): string {
  const found = findJumpMarkers(text);
  if (found.length === 0) return text.trim();
  let out = '';
  let pos = 0;
  for (const m of found) {
    out += text.slice(pos, m.start);
    pos = m.end;
  }
  return (out + text.slice(pos)).trim();
}
