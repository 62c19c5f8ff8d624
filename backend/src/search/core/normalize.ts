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

/** Per BMP code unit: 1 when it is a combining mark (computed once: a regex per character is slow). */
let bmpMarks: Uint8Array | null = null;

function marks(): Uint8Array {
  if (bmpMarks) return bmpMarks;
  const table = new Uint8Array(0x10000);
  for (let c = 0x300; c < 0x10000; c += 1) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (MARK.test(String.fromCharCode(c))) table[c] = 1;
  }
  bmpMarks = table;
  return table;
}

function isMarkAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 0x300) return false;
  if (c < 0xd800 || c > 0xdbff) return marks()[c] === 1;
  return MARK.test(String.fromCodePoint(text.codePointAt(i) ?? 0));
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

/**
 * {@link run} without the offsets, for indexing: the same result, written as code units into one buffer
 * (about three times faster on a page of Chinese text).
 */
function runFast(text: string): string {
  const n = text.length;
  let out = new Uint16Array(n + 16);
  let len = 0;
  const put = (s: string): void => {
    if (len + s.length > out.length) {
      const bigger = new Uint16Array((out.length + s.length) * 2);
      bigger.set(out.subarray(0, len));
      out = bigger;
    }
    for (let k = 0; k < s.length; k += 1) out[len++] = s.charCodeAt(k);
  };
  const table = marks();
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    const nextIsMark =
      next >= 0x300 && (next < 0xd800 || next > 0xdbff ? table[next] === 1 : isMarkAt(text, i + 1));
    if (!nextIsMark && c < 0x80) {
      i += 1;
      if (c > 0x20 && c !== 0x7f) {
        if (len >= out.length) put(String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c));
        else out[len++] = c >= 65 && c <= 90 ? c + 32 : c;
      }
    } else if (!nextIsMark && c >= 0x4e00 && c <= 0x9fff) {
      i += 1;
      if (len >= out.length) put(String.fromCharCode(simplifiedCodePoint(c)));
      else out[len++] = simplifiedCodePoint(c);
    } else {
      const start = i;
      const cp = text.codePointAt(i) ?? c;
      i += cp > 0xffff ? 2 : 1;
      while (isMarkAt(text, i)) i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
      const parts: string[] = [];
      foldSegment(text.slice(start, i), parts);
      for (const part of parts) put(part);
    }
  }
  return unitsToString(out, len);
}

/** Whether a `Uint16Array` lies in memory as UTF-16LE (every platform Node runs on, in practice). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The first `len` code units as a string: Node's UTF-16LE decoding of the buffer, where spreading the
 * units into `String.fromCharCode` took most of the normalising time.
 */
function unitsToString(units: Uint16Array, len: number): string {
  if (LITTLE_ENDIAN) return Buffer.from(units.buffer, units.byteOffset, len * 2).toString('utf16le');
  let result = '';
  for (let k = 0; k < len; k += 8192)
    result += String.fromCharCode(...units.subarray(k, Math.min(len, k + 8192)));
  return result;
}

/** The normalised form of `text` (null and undefined read as empty). */
export function normalizeForSearch(text: string | null | undefined): string {
  return text ? runFast(text) : '';
}

/** {@link normalizeForSearch} with the way back to the original, for highlighting. */
export function normalizeWithOffsets(text: string | null | undefined): NormalizedText {
  const map: NormalizedText = { text: '', from: [], to: [] };
  map.text = text ? run(text, map) : '';
  return map;
}
