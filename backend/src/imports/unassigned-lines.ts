/**
 * The "unassigned" bin of a filed page: its non-blank input lines that no filed clipping holds. Pure (no
 * framework, no database), so filing, re-filing and the back-fill of pages filed before the bin existed
 * all decide the same way.
 *
 * A line is held when its text (folded: every whitespace character, the bullet marks and brackets
 * the parser strips — `■●▲◆`, `（）` … — removed, full-width letters and digits made half-width) is found
 * - as a whole line of a clipping's raw source text (the lines the editor gave it in the wizard, whatever
 *   its fields were edited to);
 * - inside one field of a clipping (a wrapped body line inside the rejoined body, a title line inside a
 *   title joined from two lines), when at least three characters long; a shorter line (`1`, `要闻` would be
 *   found anywhere) only together with the non-blank line before or after it (a paragraph's last
 *   characters `说。` wrapped onto their own line); or
 * - cut across fields, the way the parser cuts a line holding a byline, a dateline and the body's start,
 *   or a body's end and its jump marker: the end of one field, then whole fields, then the start of
 *   another (`本报记者 张三` + `本报讯` + `近日，记者…`): pieces each starting or ending a field.
 * Whitespace and line breaks never hide a match: they are folded out of both sides.
 *
 * Page furniture (running headers, dates with weekdays, page numbers, 责任编辑 lines, imprints: the parser's
 * `isFurniture`) is kept in the bin, marked, so nothing of the page is lost, but does not make the page
 * wait in the work queue by itself ({@link countingLines}).
 */
import type { UnassignedLine } from '@jianbao/contracts';
import { isJsSpace, toHalfWidth } from '@jianbao/contracts';
import { isFurniture } from './parser/text-rules';

/** One line of the bin: its 0-based line number, its text (trimmed), and whether it is page furniture. */
export interface BinLine extends UnassignedLine {
  furniture: boolean;
}

/** What a filed clipping holds of its page: every text field, and the source lines it was filed from. */
export interface HeldText {
  kicker?: string | null;
  title?: string | null;
  subtitle?: string | null;
  byline?: string | null;
  dateline?: string | null;
  body?: string | null;
  subheads?: readonly string[] | null;
  continuesFrom?: { marker: string } | null;
  continuesTo?: { marker: string } | null;
  /** The clipping's source lines joined with `\n` (`clipping.raw_text`), when known. */
  rawText?: string | null;
}

/**
 * Marks the parser drops from a byline, a dateline or a paragraph: bullets (`■本报记者 张三` → `本报记者
 * 张三`) and the brackets around credits (`（新华社北京5月31日电）`, `（李明）`).
 */
const BULLETS = new Set([...'■●▲◆□◎★☆▶►◇○△▼·•（）()']);

/** The text as compared: no whitespace, no bullet marks, half-width letters and digits. */
export function foldForMatch(text: string): string {
  let out = '';
  for (const ch of toHalfWidth(text)) {
    if (ch.length === 1 && isJsSpace(ch.charCodeAt(0))) continue;
    if (BULLETS.has(ch)) continue;
    out += ch;
  }
  return out;
}

function fieldsOf(c: HeldText): string[] {
  return [
    c.continuesFrom?.marker,
    c.kicker,
    c.title,
    c.subtitle,
    c.byline,
    c.dateline,
    c.body,
    ...(c.subheads ?? []),
    c.continuesTo?.marker,
    c.rawText,
  ]
    .filter((f): f is string => typeof f === 'string')
    .map(foldForMatch)
    .filter((f) => f.length > 0);
}

/** Lines shorter than this (folded) are held only as a whole source line, field, field start or field end. */
const MIN_LOOSE_CHARS = 3;

/**
 * Whether `line` is cut into pieces each of which starts or ends a field (a whole field does both), a piece
 * that starts a field at least two characters long (one that ends it may be a lone `。`): a byline, dateline and the body's start
 * on one line; a body's end and its jump marker; a body's end and a photo credit. Positions reached are
 * explored once.
 */
function cutAcrossFields(line: string, fields: readonly string[]): boolean {
  const reached = new Set<number>([0]);
  const queue: number[] = [0];
  const reach = (q: number): boolean => {
    if (q === line.length) return true;
    if (!reached.has(q)) {
      reached.add(q);
      queue.push(q);
    }
    return false;
  };
  while (queue.length > 0) {
    const p = queue.pop() ?? 0;
    for (const f of fields) {
      if (line.startsWith(f, p) && reach(p + f.length)) return true;
      for (let q = p + 1; q <= Math.min(line.length, p + f.length); q++) {
        const piece = line.slice(p, q);
        if ((f.endsWith(piece) || (piece.length > 1 && f.startsWith(piece))) && reach(q)) return true;
      }
    }
  }
  return false;
}

/**
 * The non-blank lines of `pageText` (split on `\n`, numbered from 0 as the parser numbers them) that no
 * clipping of `clippings` holds, in page order.
 */
export function unassignedLines(pageText: string, clippings: readonly HeldText[]): BinLine[] {
  const fields = clippings.flatMap(fieldsOf);
  const sourceLines = new Set(
    clippings.flatMap((c) => (c.rawText ? c.rawText.split('\n').map(foldForMatch) : [])),
  );
  // One haystack for the common case (a line inside one field); the separator never occurs in a line.
  const haystack = fields.join('\u0000');
  const raws = pageText.split('\n');
  const folded = raws.map(foldForMatch);
  const nonBlank = folded.flatMap((f, i) => (f.length > 0 ? [i] : []));
  const out: BinLine[] = [];
  nonBlank.forEach((line, k) => {
    const f = folded[line] ?? '';
    if (sourceLines.has(f)) return;
    if (f.length >= MIN_LOOSE_CHARS) {
      if (haystack.includes(f)) return;
    } else {
      // A short line (a paragraph's last characters `说。`) is looked for with the line before or after it.
      const before = folded[nonBlank[k - 1] ?? -1] ?? '';
      const after = folded[nonBlank[k + 1] ?? -1] ?? '';
      if ((before && haystack.includes(before + f)) || (after && haystack.includes(f + after))) return;
    }
    if (cutAcrossFields(f, fields)) return;
    const text = (raws[line] ?? '').trim();
    out.push({ line, text, furniture: isFurniture(text) });
  });
  return out;
}

/** The lines that make a page wait in the work queue: the bin without the page furniture. */
export function countingLines(bin: readonly BinLine[]): number {
  return bin.filter((l) => !l.furniture).length;
}
