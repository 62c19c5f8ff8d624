import { normalizeForSearch } from './normalize';
import { positiveAtoms, type SearchAtom, type SearchQuery } from './query';
import { bodyFields, headFields, type SearchDocument } from './search-document';

/**
 * The reference definition of a match, with no index: an atom matches a document when its normalised
 * text is a substring of one of the document's normalised fields; a document matches when every group
 * has a matching atom and no exclusion matches. The indexes must give exactly these results (the
 * property tests and the database test compare them).
 */
export interface NormalizedDocument {
  head: string[];
  body: string[];
}

export function normalizeDocument(doc: SearchDocument): NormalizedDocument {
  return { head: headFields(doc).map(normalizeForSearch), body: bodyFields(doc).map(normalizeForSearch) };
}

function hits(atom: SearchAtom, fields: readonly string[]): boolean {
  return fields.some((f) => f.includes(atom.text));
}

export function naiveMatches(query: SearchQuery, doc: NormalizedDocument): boolean {
  const all = [...doc.head, ...doc.body];
  return (
    query.groups.every((g) => g.some((a) => hits(a, all))) && !query.exclusions.some((a) => hits(a, all))
  );
}

/** Whether a positive atom occurs in the headline fields (what ranks a clipping first). */
export function naiveHeadHit(query: SearchQuery, doc: NormalizedDocument): boolean {
  return positiveAtoms(query).some((a) => hits(a, doc.head));
}
