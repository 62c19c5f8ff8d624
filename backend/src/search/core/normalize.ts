import { simplifiedCodePoint } from './chinese-variants';

/**
 * The one text rule of search: what a field and a query term are compared as. Per character (a code
 * point with its combining marks): NFKC (full-width `ＡＰＥＣ１２` → `APEC12`, `①` → `1`), traditional →
 * simplified (`鄉` → `乡`), lower case; whitespace, control and invisible format characters dropped, so
 * `梁\n山` reads `梁山` and a page's line breaks never split a word. A term matches a field when its
 * normalised text is a substring of the field's (see naive-match.ts, the reference definition).
 */

const DROPPED = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Cs}]$/u;
const MARK = /^\p{M}$/u;

/** Normalised text, and for each of its UTF-16 units the range of the original it came from. */
export interface NormalizedText {
  text: string;
  /** `from[i]`..`to[i]` (end exclusive): where unit `i` of `text` comes from in the original. */
  from: number[];
  to: number[];
}

function isMarkAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 0x300) return false;
  const cp = text.codePointAt(i) ?? 0;
  return MARK.test(String.fromCodePoint(cp));
}

/** Normalises one character with its marks (the slow path: anything not plain ASCII or common CJK). */
function foldSegment(segment: string, out: string[]): void {
  for (const ch of segment.normalize('NFKC')) {
    if (DROPPED.test(ch)) continue;
    out.push(String.fromCodePoint(simplifiedCodePoint(ch.codePointAt(0) ?? 0)).toLowerCase());
  }
}

function run(text: string, map: NormalizedText | null): string {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const start = i;
    const before = out.length;
    // Fast paths: plain ASCII and the CJK block, each not followed by a combining mark.
    if (c < 0x80 && !isMarkAt(text, i + 1)) {
      i += 1;
      if (c > 0x20 && c !== 0x7f)
        out.push(c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : (text[start] ?? ''));
    } else if (c >= 0x4e00 && c <= 0x9fff && !isMarkAt(text, i + 1)) {
      i += 1;
      out.push(String.fromCharCode(simplifiedCodePoint(c)));
    } else {
      const cp = text.codePointAt(i) ?? c;
      i += cp > 0xffff ? 2 : 1;
      while (isMarkAt(text, i)) i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
      foldSegment(text.slice(start, i), out);
    }
    if (map) {
      for (let k = before; k < out.length; k += 1) {
        const units = out[k]?.length ?? 0;
        for (let u = 0; u < units; u += 1) {
          map.from.push(start);
          map.to.push(i);
        }
      }
    }
  }
  return out.join('');
}

/** The normalised form of `text` (null and undefined read as empty). */
export function normalizeForSearch(text: string | null | undefined): string {
  return text ? run(text, null) : '';
}

/** {@link normalizeForSearch} with the way back to the original, for highlighting. */
export function normalizeWithOffsets(text: string | null | undefined): NormalizedText {
  const map: NormalizedText = { text: '', from: [], to: [] };
  map.text = text ? run(text, map) : '';
  return map;
}
