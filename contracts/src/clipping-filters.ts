/**
 * The clipping list filters, declared once. Each entry is a filter's name (its query-string key and
 * request field), how its value is written and checked, what it matches, and its API description. The
 * backend builds the DTO validation, the OpenAPI parameter and the SQL of the list, of bulk editing's
 * "all matching" and of anything else that selects clippings by filter from it; the UI builds its URL
 * state, its API query and the bulk filter from it, and labels each filter `clippings.filter.<name>`.
 * A new filter is one entry here plus its label in the UI's messages (the compiler asks for both).
 */

/** What a clipping is. */
export const CLIPPING_KINDS = ['article', 'photo', 'brief', 'ad', 'notice'] as const;
/** Editorial states of a clipping. */
export const CLIPPING_STATUSES = ['draft', 'reviewed'] as const;
/** Links a clipping can lack (the work queues "without region", "without topic"). */
export const CLIPPING_MISSING_LINKS = ['region', 'tag'] as const;

/** How a filter's value is written in a URL or a request, and what makes it valid. */
export type FilterValueSpec =
  | { type: 'id' }
  | { type: 'date' }
  | { type: 'text'; maxLength: number }
  | { type: 'enum'; values: readonly string[] };

/** `clipping` columns a filter can compare. */
export type FilterColumn = 'publication_id' | 'issue_date' | 'page_sort' | 'kind' | 'status';

/** What a filter selects. */
export type FilterMatch =
  /** The column compared with the value (`key: 'pageSort'`: the value is a page label, compared by its sort key). */
  | { column: FilterColumn; op: '=' | '>=' | '<='; key?: 'pageSort' }
  /** Clippings linked to this tag or region, or to any tag or region inside it. */
  | { link: 'tag' | 'region' }
  /**
   * A full-text query (docs/search.md) over kicker, title, subtitle, byline, dateline, body and
   * subheads, answered by the search index; an empty value selects everything.
   */
  | { fullText: true }
  /** Clippings with no link of the kind the value names (`region`, `tag`). */
  | { without: 'link' };

export interface ClippingFilterSpec {
  value: FilterValueSpec;
  match: FilterMatch;
  /** API documentation of the parameter. */
  description: string;
  example?: string;
  /** The value may not be smaller than this other filter's (a date range). */
  notBefore?: string;
}

export const CLIPPING_FILTERS = {
  publicationId: {
    value: { type: 'id' },
    match: { column: 'publication_id', op: '=' },
    description: 'Clippings of this publication',
  },
  from: {
    value: { type: 'date' },
    match: { column: 'issue_date', op: '>=' },
    description: 'First issue date (inclusive)',
    example: '2024-01-01',
  },
  to: {
    value: { type: 'date' },
    match: { column: 'issue_date', op: '<=' },
    description: 'Last issue date (inclusive)',
    example: '2024-12-31',
    notBefore: 'from',
  },
  pageLabel: {
    value: { type: 'text', maxLength: 50 },
    match: { column: 'page_sort', op: '=', key: 'pageSort' },
    description: 'Matches any spelling of the same page (3, 第3版, 第三版)',
    example: '第三版',
  },
  kind: {
    value: { type: 'enum', values: CLIPPING_KINDS },
    match: { column: 'kind', op: '=' },
    description: 'What the clipping is',
  },
  status: {
    value: { type: 'enum', values: CLIPPING_STATUSES },
    match: { column: 'status', op: '=' },
    description: 'Editorial state',
  },
  tagId: {
    value: { type: 'id' },
    match: { link: 'tag' },
    description: 'Clippings with this tag or any of its descendants',
  },
  regionId: {
    value: { type: 'id' },
    match: { link: 'region' },
    description: 'Clippings about this region or any region inside it',
  },
  missing: {
    value: { type: 'enum', values: CLIPPING_MISSING_LINKS },
    match: { without: 'link' },
    description: 'Clippings without any region (region) or without any tag (tag)',
  },
  q: {
    value: { type: 'text', maxLength: 200 },
    match: { fullText: true },
    description:
      'Full-text search over kicker, title, subtitle, byline, dateline, body and subheads: terms (all must match), "quoted phrases", -exclusion, OR; traditional/simplified and full/half width match each other',
    example: '梁山 "产业工人" -鱼台',
  },
} as const satisfies Record<string, ClippingFilterSpec>;

export type ClippingFilterName = keyof typeof CLIPPING_FILTERS;

/** Every filter name, in the table's order (the order of the SQL and of the UI's controls). */
export const CLIPPING_FILTER_NAMES = Object.keys(CLIPPING_FILTERS) as ClippingFilterName[];

/** The value type of a filter: a number for ids, the allowed strings for enums, else a string. */
export type FilterValueOf<S extends FilterValueSpec> = S extends { type: 'id' }
  ? number
  : S extends { type: 'enum'; values: readonly (infer V)[] }
    ? V
    : string;

/** Filter values of a request: each optional. */
export type ClippingFilterValues = {
  -readonly [K in ClippingFilterName]?: FilterValueOf<(typeof CLIPPING_FILTERS)[K]['value']>;
};
