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
 * only ever see `[0-9a-g]`, the marks `z`, `h`, `u`, `v`, `p` and the few operators we write, never a
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

/**
 * The FTS columns as space-separated terms: the headline fields, the rest, the headline's terms again
 * marked with {@link HEAD_HIT_MARK} and its distinct characters marked with {@link HEAD_CHAR_MARK}
 * (what relevance asks), every distinct character marked with {@link CHAR_MARK} (what a one-character
 * term asks) and the publication's term ({@link PUBLICATION_MARK}). A field's last-character term sits
 * between it and the next field, so a phrase of pairs never spans two fields.
 */
export function indexColumns(doc: SearchDocument): {
  head: string;
  body: string;
  headHit: string;
  chars: string;
} {
  const headNormalized = headFields(doc).map(normalizeForSearch);
  const bodyNormalized = bodyFields(doc).map(normalizeForSearch);
  const head = headNormalized.flatMap(fieldTerms);
  const headChars = new Set<string>();
  for (const field of headNormalized) for (const c of charCodes(field)) headChars.add(c);
  const chars = new Set<string>(headChars);
  for (const field of bodyNormalized) for (const c of charCodes(field)) chars.add(c);
  return {
    head: head.join(' '),
    body: [EVERY_DOCUMENT_TERM, ...bodyNormalized.flatMap(fieldTerms)].join(' '),
    headHit: [
      ...head.map((t) => `${HEAD_HIT_MARK}${t}`),
      ...[...headChars].map((c) => `${HEAD_CHAR_MARK}${c}`),
    ].join(' '),
    chars: [...[...chars].map((c) => `${CHAR_MARK}${c}`), publicationTerm(doc.publicationId)].join(' '),
  };
}

/** The distinct terms of {@link normalizedColumns} (PostgreSQL keeps them as a position-free tsvector). */
export function distinctTerms(columns: { head: string; body: string }): string[] {
  const set = new Set<string>();
  for (const column of [columns.head, columns.body])
    for (const field of column.split('\n')) for (const t of fieldTerms(field)) set.add(t);
  return [...set];
}
