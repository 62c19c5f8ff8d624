import {
  atomTerms,
  CHAR_MARK,
  codePoints,
  EVERY_DOCUMENT_TERM,
  HEAD_CHAR_MARK,
  HEAD_HIT_MARK,
  isDigit,
  NUMBER_MARK,
  NUMBER_TERM_DIGITS,
  publicationTerm,
} from './index-terms';
import { positiveAtoms, type SearchAtom, type SearchQuery } from './query';

/**
 * A parsed query as the engines read it. Only character codes (`[0-9a-g]`), the marks `z`, `h`, `u`,
 * `v`, `n`, `p`, digits after `n`, double quotes, parentheses and the operators written here reach them:
 * nothing a user typed goes through raw.
 */

/** `a OP b OP c …` as a balanced tree of parentheses, so that a long query stays shallow (FTS5 allows depth 256). */
function balanced(parts: string[], op: string): string {
  if (parts.length === 1) return parts[0] ?? '';
  const mid = Math.ceil(parts.length / 2);
  return `(${balanced(parts.slice(0, mid), op)}) ${op} (${balanced(parts.slice(mid), op)})`;
}

/** Digits a run at a phrase's end needs for its prefix to be asked (fewer would merge many numbers' terms). */
const NUMBER_PREFIX_DIGITS = 3;

/**
 * The number term every document holding `text` (a normalised atom) has, as FTS5 reads it, or null:
 * for the first run of digits that has another character before it in the atom (the document's run
 * starts there too), its term when a character follows it as well (the document's run is exactly this
 * one), or its term as a prefix when it ends the atom (the document's run may go on). A run longer than
 * the index writes asks the digits the index wrote. (index-terms.ts, {@link NUMBER_MARK}.)
 */
export function numberCondition(text: string): string | null {
  const cps = codePoints(text);
  for (let i = 1; i < cps.length; i += 1) {
    if (!isDigit(cps[i] ?? 0) || isDigit(cps[i - 1] ?? 0)) continue;
    let end = i;
    while (end < cps.length && isDigit(cps[end] ?? 0)) end += 1;
    const digits = String.fromCharCode(...cps.slice(i, Math.min(end, i + NUMBER_TERM_DIGITS)));
    if (end - i >= NUMBER_TERM_DIGITS || end < cps.length) return `"${NUMBER_MARK}${digits}"`;
    if (end - i >= NUMBER_PREFIX_DIGITS) return `"${NUMBER_MARK}${digits}" *`;
    return null;
  }
  return null;
}

/**
 * One atom as FTS5 reads it: a phrase of pairs (`mark` before each) with the number it holds
 * ({@link numberCondition}), or one character: its marked term, {@link CHAR_MARK} anywhere,
 * {@link HEAD_CHAR_MARK} in the headline (`mark` {@link HEAD_HIT_MARK}).
 */
function fts5Atom(atom: SearchAtom, mark = ''): string | null {
  const terms = atomTerms(atom.text);
  if (!terms) return null;
  if ('prefix' in terms) return `"${mark === '' ? CHAR_MARK : HEAD_CHAR_MARK}${terms.prefix}"`;
  const phrase = `"${terms.phrase.map((t) => `${mark}${t}`).join(' ')}"`;
  const number = numberCondition(atom.text);
  // The number first: FTS5 advances an AND's first child to its next match before the others, so the
  // rare number term then sets the key the phrase's common pairs skip to, instead of the phrase being
  // checked at every document holding all its pairs (docs/search.md, "Numbers first").
  return number === null ? phrase : `(${number} AND ${phrase})`;
}

function fts5Any(atoms: SearchAtom[], mark = ''): string | null {
  const parts = atoms.map((a) => fts5Atom(a, mark)).filter((p): p is string => p !== null);
  return parts.length === 0 ? null : balanced(parts, 'OR');
}

/**
 * The FTS5 MATCH expression of the whole query (`"z"`, every document, when it has no positive term).
 * `publicationId`: only that publication's clippings (its index term ANDed with the positive part, so
 * that FTS5 checks phrases and exclusions only in them).
 */
export function toFts5(query: SearchQuery, publicationId?: number): string {
  const groups = query.groups.map((g) => fts5Any(g)).filter((g): g is string => g !== null);
  if (publicationId !== undefined) groups.push(`"${publicationTerm(publicationId)}"`);
  const positive = groups.length === 0 ? `"${EVERY_DOCUMENT_TERM}"` : balanced(groups, 'AND');
  const excluded = fts5Any(query.exclusions);
  return excluded === null ? positive : `(${positive}) NOT (${excluded})`;
}

/**
 * An FTS5 expression of number terms only that every match of the query satisfies, or null when there
 * is none: the AND of the positive groups each of whose atoms holds a number ({@link numberCondition}),
 * each group the OR of its atoms' number terms, with the publication's term. A number in an editor's
 * query is usually rare (a manuscript or document number): its term's few documents are the candidates
 * that SearchService checks against the reference definition, instead of FTS5 checking the phrase's
 * common pairs across the archive.
 */
export function toFts5Numbers(query: SearchQuery, publicationId?: number): string | null {
  const groups: string[] = [];
  for (const group of query.groups) {
    const numbers = group.map((a) => (atomTerms(a.text) ? numberCondition(a.text) : null));
    if (numbers.length > 0 && numbers.every((n): n is string => n !== null))
      groups.push(balanced(numbers, 'OR'));
  }
  if (groups.length === 0) return null;
  if (publicationId !== undefined) groups.push(`"${publicationTerm(publicationId)}"`);
  return balanced(groups, 'AND');
}

/**
 * FTS5 expression matching documents with a positive atom in a headline field, or null when there is
 * none: the atoms over the headline's marked terms (index-terms.ts, {@link HEAD_HIT_MARK}).
 */
export function toFts5HeadHit(query: SearchQuery): string | null {
  return fts5Any(positiveAtoms(query), HEAD_HIT_MARK);
}

/**
 * A PostgreSQL tsquery over the position-free index terms that every matching document satisfies (all
 * pairs of each atom; one character as a `:*` prefix), or null when the query has no positive term. It
 * only narrows: a document with the pairs of 梁山县 need not contain 梁山县 in that order, so the SQL
 * confirms each atom on the normalised text (see the repository). Exclusions are not in it for the same
 * reason (having the pairs does not prove the phrase).
 */
export function toTsquery(query: SearchQuery): string | null {
  const atom = (a: SearchAtom): string | null => {
    const terms = atomTerms(a.text);
    if (!terms) return null;
    if ('prefix' in terms) return `'${terms.prefix}':*`;
    return balanced(
      [...new Set(terms.phrase)].map((t) => `'${t}'`),
      '&',
    );
  };
  const groups = query.groups
    .map((g) => {
      const parts = g.map(atom).filter((p): p is string => p !== null);
      return parts.length === 0 ? null : balanced(parts, '|');
    })
    .filter((g): g is string => g !== null);
  return groups.length === 0 ? null : balanced(groups, '&');
}
