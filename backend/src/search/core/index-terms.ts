import { normalizeForSearch } from './normalize';
import { bodyFields, headFields, type SearchDocument } from './search-document';

/**
 * Index terms. Every normalised field is cut into overlapping character pairs (梁山县 → 梁山 山县) plus
 * its last character alone (which keeps a phrase of pairs from spanning two fields); a term of two or
 * more characters is the phrase of its pairs, one character the document's own term for it (SQLite:
 * {@link CHAR_MARK}; PostgreSQL: a prefix on the pairs, the last-character term covering the field's
 * end). That finds exactly the substrings, as LIKE did (jieba segmentation misses hits across word
 * boundaries; a trigram index cannot answer two-character names like 梁山). Latin letters and digits
 * are characters like any other, so `apec`, `5g` and `2024` are found inside `APEC2024`, `5G网络`.
 *
 * Each character is written as hex (4 digits, or `g` + 5 for a character beyond the BMP): the engines
 * only ever see `[0-9a-g]`, the marks `z`, `h`, `u`, `v`, `n`, `p` and the few operators we write, never a
 * character a user typed. The code is prefix-free, so a prefix query on one character's code never
 * matches another character.
 */

/** In every document (body column): what a query without positive terms starts from. */
export const EVERY_DOCUMENT_TERM = 'z';

/**
 * Marks the headline's own copy of its terms (`h68815c71`, column `head_hit`): "a term in the headline"
 * is then a lookup of short doclists, where a column filter on the shared terms would check the
 * positions of every match (all of them when the term is in no headline). Outside `[0-9a-g]`, so a
 * marked term never meets an unmarked one, and `h` + a prefix-free code stays prefix-free.
 */
export const HEAD_HIT_MARK = 'h';

/**
 * Marks a document's distinct characters (`u6881`, column `chars`, each character once): a
 * one-character term is that one term, walked in key order and stopped at the page, where a prefix
 * query on the pairs merged the doclists of every pair starting with the character before its first row.
 */
export const CHAR_MARK = 'u';

/**
 * Marks the headline's distinct characters (`v6881`, column `head_hit`, each once): "one character in
 * the headline" (relevance's first tier) is that one term, where a prefix on the `h` pairs merged the
 * doclists of every headline pair starting with the character (35 ms for `县` at a million clippings).
 */
export const HEAD_CHAR_MARK = 'v';

/**
 * Marks the clipping's publication (`p12`, column `chars`, once): a search within one publication asks
 * this term with the query, so that FTS5 checks the query's phrases only in that publication's
 * clippings (a quarter of the matches, in the load bench's corpus) before the filter joins the rest.
 * The filter's own SQL still decides.
 */
export const PUBLICATION_MARK = 'p';

/**
 * Marks a run of ASCII digits in a field (`n4321`, column `chars`, each run once; a run longer than
 * {@link NUMBER_TERM_DIGITS} by its first digits): a phrase holding a whole run (`第4321号稿件`: the run
 * between two other characters) also asks this term, and a phrase ending in a run (`稿件4321`) asks it as
 * a prefix (compile.ts), so that FTS5 checks the phrase's pairs only in the few clippings with that
 * number. Without it, the pairs of the digits (`43`, `32`, `21`) are each in a tenth of the clippings
 * of an archive that numbers its items: 31–41 ms for `第4321号稿件` at a million clippings.
 */
export const NUMBER_MARK = 'n';

/** Digits of a run written in its term (a longer run: its first ones). */
export const NUMBER_TERM_DIGITS = 20;

/** Whether a code point is an ASCII digit (normalising folds full-width and circled digits to these). */
export function isDigit(cp: number): boolean {
  return cp >= 0x30 && cp <= 0x39;
}

/** The index term of a publication. */
export function publicationTerm(publicationId: number): string {
  return `${PUBLICATION_MARK}${Math.trunc(publicationId)}`;
}

/** Codes of BMP characters already written (indexing writes the same few thousand characters over and over). */
const bmpCodes: string[] = [];

/** The code of one code point. */
export function charCode(cp: number): string {
  if (cp < 0x10000) return (bmpCodes[cp] ??= cp.toString(16).padStart(4, '0'));
  return `g${(cp - 0x10000).toString(16).padStart(5, '0')}`;
}

/** The character codes of a normalised string, one per code point. */
export function charCodes(normalized: string): string[] {
  const out: string[] = [];
  for (const ch of normalized) out.push(charCode(ch.codePointAt(0) ?? 0));
  return out;
}

/** Index terms of one normalised field: each pair of neighbours, then the last character. */
export function fieldTerms(normalized: string): string[] {
  const codes = charCodes(normalized);
  const out: string[] = [];
  for (let i = 0; i + 1 < codes.length; i += 1) out.push(`${codes[i]}${codes[i + 1]}`);
  const last = codes[codes.length - 1];
  if (last !== undefined) out.push(last);
  return out;
}

/** Terms of a normalised query atom: one code (a prefix query) or the pairs (a phrase). */
export function atomTerms(normalized: string): { prefix: string } | { phrase: string[] } | null {
  const codes = charCodes(normalized);
  if (codes.length === 0) return null;
  if (codes.length === 1) return { prefix: codes[0] ?? '' };
  const pairs: string[] = [];
  for (let i = 0; i + 1 < codes.length; i += 1) pairs.push(`${codes[i]}${codes[i + 1]}`);
  return { phrase: pairs };
}

/** Normalised text of the two columns, fields joined by a line break (which no normalised term contains). */
export function normalizedColumns(doc: SearchDocument): { head: string; body: string } {
  return {
    head: headFields(doc).map(normalizeForSearch).join('\n'),
    body: bodyFields(doc).map(normalizeForSearch).join('\n'),
  };
}

/** Hex digits as ASCII bytes. */
const HEX = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const SPACE = 0x20;

/**
 * One index column written as ASCII bytes into one growing buffer: indexing runs on every write and on
 * every clipping of a rebuild, and building each pair as a string of its own and joining them cost
 * about four times as much (80 µs a clipping of the load bench's corpus, most of a rebuild's
 * JavaScript).
 */
class ColumnWriter {
  /** One buffer for every column written (a column is copied out by {@link text}); grown as needed. */
  private static shared = new Uint8Array(16384);
  private bytes = ColumnWriter.shared;
  private length = 0;

  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
    ColumnWriter.shared = bigger;
  }

  /** A space before every term but the first. */
  private separate(): void {
    if (this.length > 0) this.bytes[this.length++] = SPACE;
  }

  private code(cp: number): void {
    const b = this.bytes;
    let at = this.length;
    if (cp < 0x10000) {
      b[at++] = HEX[(cp >> 12) & 15] ?? 0;
      b[at++] = HEX[(cp >> 8) & 15] ?? 0;
      b[at++] = HEX[(cp >> 4) & 15] ?? 0;
      b[at++] = HEX[cp & 15] ?? 0;
    } else {
      const v = cp - 0x10000;
      b[at++] = 0x67; // g
      b[at++] = HEX[(v >> 16) & 15] ?? 0;
      b[at++] = HEX[(v >> 12) & 15] ?? 0;
      b[at++] = HEX[(v >> 8) & 15] ?? 0;
      b[at++] = HEX[(v >> 4) & 15] ?? 0;
      b[at++] = HEX[v & 15] ?? 0;
    }
    this.length = at;
  }

  /** A term: an optional one-letter mark, then the codes. */
  term(mark: number, first: number, second = -1): void {
    this.room(14);
    this.separate();
    if (mark !== 0) this.bytes[this.length++] = mark;
    this.code(first);
    if (second >= 0) this.code(second);
  }

  /** A term written as it is (ASCII). */
  raw(text: string): void {
    this.room(text.length + 1);
    this.separate();
    for (let i = 0; i < text.length; i += 1) this.bytes[this.length++] = text.charCodeAt(i);
  }

  /** {@link fieldTerms} of each field, marked with `mark` (0: none). */
  fields(fields: readonly number[][], mark: number): void {
    for (const cps of fields) {
      for (let i = 0; i + 1 < cps.length; i += 1) this.term(mark, cps[i] ?? 0, cps[i + 1] ?? 0);
      const last = cps[cps.length - 1];
      if (last !== undefined) this.term(mark, last);
    }
  }

  /**
   * The column as a string: Node's Latin-1 decoding of the bytes (spreading them into
   * `String.fromCharCode` took longer than writing them).
   */
  text(): string {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.length).toString('latin1');
  }
}

/** The code points of a normalised string (a lone surrogate as itself). */
export function codePoints(normalized: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < normalized.length; i += 1) {
    const c = normalized.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < normalized.length) {
      const d = normalized.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        i += 1;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/** The number terms of fields' code points: each run of digits, its first {@link NUMBER_TERM_DIGITS}. */
function numberTerms(fields: readonly number[][], into: Set<string>): void {
  for (const cps of fields) {
    let i = 0;
    while (i < cps.length) {
      if (!isDigit(cps[i] ?? 0)) {
        i += 1;
        continue;
      }
      const start = i;
      while (i < cps.length && isDigit(cps[i] ?? 0)) i += 1;
      const digits = cps.slice(start, Math.min(i, start + NUMBER_TERM_DIGITS));
      into.add(`${NUMBER_MARK}${String.fromCharCode(...digits)}`);
    }
  }
}

const HEAD_HIT_BYTE = HEAD_HIT_MARK.charCodeAt(0);
const HEAD_CHAR_BYTE = HEAD_CHAR_MARK.charCodeAt(0);
const CHAR_BYTE = CHAR_MARK.charCodeAt(0);

/**
 * The FTS columns as space-separated terms: the headline fields, the rest, the headline's terms again
 * marked with {@link HEAD_HIT_MARK} and its distinct characters marked with {@link HEAD_CHAR_MARK}
 * (what relevance asks), every distinct character marked with {@link CHAR_MARK} (what a one-character
 * term asks), each run of digits once ({@link NUMBER_MARK}) and the publication's term
 * ({@link PUBLICATION_MARK}). A field's last-character term sits between it and the next field, so a
 * phrase of pairs never spans two fields. (Each column is the {@link fieldTerms} of its fields joined by
 * spaces, written straight as bytes: see {@link ColumnWriter}.)
 */
export function indexColumns(doc: SearchDocument): {
  head: string;
  body: string;
  headHit: string;
  chars: string;
} {
  const headCps = headFields(doc).map((f) => codePoints(normalizeForSearch(f)));
  const bodyCps = bodyFields(doc).map((f) => codePoints(normalizeForSearch(f)));
  // One column at a time: the writers share one buffer.
  const headWriter = new ColumnWriter();
  headWriter.fields(headCps, 0);
  const head = headWriter.text();
  const bodyWriter = new ColumnWriter();
  bodyWriter.raw(EVERY_DOCUMENT_TERM);
  bodyWriter.fields(bodyCps, 0);
  const body = bodyWriter.text();
  const headChars = new Set<number>();
  for (const cps of headCps) for (const cp of cps) headChars.add(cp);
  const hitWriter = new ColumnWriter();
  hitWriter.fields(headCps, HEAD_HIT_BYTE);
  for (const cp of headChars) hitWriter.term(HEAD_CHAR_BYTE, cp);
  const headHit = hitWriter.text();
  const chars = new Set<number>(headChars);
  for (const cps of bodyCps) for (const cp of cps) chars.add(cp);
  const charWriter = new ColumnWriter();
  for (const cp of chars) charWriter.term(CHAR_BYTE, cp);
  const numbers = new Set<string>();
  numberTerms(headCps, numbers);
  numberTerms(bodyCps, numbers);
  for (const term of numbers) charWriter.raw(term);
  charWriter.raw(publicationTerm(doc.publicationId));
  return { head, body, headHit, chars: charWriter.text() };
}

/** The distinct terms of {@link normalizedColumns} (PostgreSQL keeps them as a position-free tsvector). */
export function distinctTerms(columns: { head: string; body: string }): string[] {
  const set = new Set<string>();
  for (const column of [columns.head, columns.body])
    for (const field of column.split('\n')) for (const t of fieldTerms(field)) set.add(t);
  return [...set];
}
