/** The fields of a clipping that search reads; the ones a row from `clipping` already has. */
export interface SearchDocument {
  id: number;
  issueDate: string;
  /** Indexed as a term of its own on SQLite (index-terms.ts, `PUBLICATION_MARK`): a filter's pre-filter. */
  publicationId: number;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  dateline: string | null;
  body: string;
  subheads: readonly string[];
}

/**
 * The two index columns: the headline fields (kicker, title, subtitle: a hit there ranks first) and
 * everything else. Each field stays its own text: a term never matches across two fields.
 */
export function headFields(doc: SearchDocument): string[] {
  return [doc.kicker, doc.title, doc.subtitle].filter((f): f is string => f !== null && f !== '');
}

export function bodyFields(doc: SearchDocument): string[] {
  return [doc.byline, doc.dateline, doc.body, ...doc.subheads].filter(
    (f): f is string => f !== null && f !== '',
  );
}
