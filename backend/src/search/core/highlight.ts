import { normalizeWithOffsets } from './normalize';

/**
 * Highlighting: hits are found on the normalised text (so `梁\n山`, `鄉村` and `ＡＰＥＣ` are marked for
 * `梁山`, `乡村`, `apec`) and mapped back to the original characters. The output is HTML in which only
 * `<mark>` and `</mark>` are markup: every character of the text is escaped.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Ranges `[start, end)` of the original text covered by a hit of any of the normalised atoms, merged. */
export function hitRanges(text: string, atoms: readonly string[]): Array<[number, number]> {
  const norm = normalizeWithOffsets(text);
  const ranges: Array<[number, number]> = [];
  for (const atom of atoms) {
    if (atom === '') continue;
    for (let i = norm.text.indexOf(atom); i !== -1; i = norm.text.indexOf(atom, i + 1)) {
      const from = norm.from[i];
      const to = norm.to[i + atom.length - 1];
      if (from !== undefined && to !== undefined) ranges.push([from, to]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** Display text: a line break between two Chinese characters is the page's, not a space; other runs of whitespace read as one space. */
function tidy(text: string): string {
  return text.replace(/\s+/g, (space, at: number, whole: string) => {
    const before = whole[at - 1] ?? '';
    const after = whole[at + space.length] ?? '';
    return CJK.test(before) && CJK.test(after) ? '' : ' ';
  });
}

function render(text: string, start: number, end: number, ranges: Array<[number, number]>): string {
  let out = '';
  let at = start;
  for (const [a, b] of ranges) {
    if (b <= start || a >= end) continue;
    const from = Math.max(a, start);
    const to = Math.min(b, end);
    out += escapeHtml(text.slice(at, from));
    out += `<mark>${escapeHtml(text.slice(from, to))}</mark>`;
    at = to;
  }
  return out + escapeHtml(text.slice(at, end));
}

/** The whole text, escaped, with every hit marked (titles). */
export function highlightAll(text: string, atoms: readonly string[]): string {
  const shown = tidy(text);
  return render(shown, 0, shown.length, hitRanges(shown, atoms));
}

/** Start of a window of about `length` characters that shows the hit at `at` with some text before it. */
function windowAround(text: string, at: number, length: number): number {
  const start = Math.max(0, Math.min(at - Math.floor(length / 4), text.length - length));
  if (start === 0) return 0;
  // Never split a surrogate pair.
  const c = text.charCodeAt(start);
  return c >= 0xdc00 && c <= 0xdfff ? start - 1 : start;
}

/** `end` moved past a surrogate pair it would split, at most the text's length. */
function endAt(text: string, end: number): number {
  if (end >= text.length) return text.length;
  const c = text.charCodeAt(end - 1);
  return c >= 0xd800 && c <= 0xdbff ? end + 1 : end;
}

/**
 * Up to `fragments` excerpts of about `length` characters around the first hits, escaped, hits marked,
 * `…` where text is cut; the start of the text when nothing is hit; '' for an empty text.
 */
export function snippet(
  original: string,
  atoms: readonly string[],
  options: { length?: number; fragments?: number } = {},
): string {
  const length = options.length ?? 100;
  const fragments = options.fragments ?? 2;
  const text = tidy(original);
  if (text === '') return '';
  const ranges = hitRanges(text, atoms);
  const windows: Array<[number, number]> = [];
  for (const [a] of ranges) {
    if (windows.length >= fragments) break;
    if (windows.some(([s, e]) => a >= s && a < e)) continue;
    const s = windowAround(text, a, length);
    windows.push([s, endAt(text, s + length)]);
  }
  if (windows.length === 0) windows.push([0, endAt(text, length)]);
  windows.sort((x, y) => x[0] - y[0]);
  // Overlapping windows become one.
  const joined: Array<[number, number]> = [];
  for (const w of windows) {
    const last = joined[joined.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else joined.push([w[0], w[1]]);
  }
  // A window must not cut a hit in two: widen it to whole hits.
  for (const w of joined) {
    for (const [a, b] of ranges) {
      if (a < w[0] && b > w[0]) w[0] = a;
      if (a < w[1] && b > w[1]) w[1] = b;
    }
  }
  return joined
    .map(([s, e]) => `${s > 0 ? '…' : ''}${render(text, s, e, ranges).trim()}${e < text.length ? '…' : ''}`)
    .join(' ');
}
