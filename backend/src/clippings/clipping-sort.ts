/** Fields `GET /api/clippings?sort=` accepts, and the column each sorts by. */
export const CLIPPING_SORT_COLUMNS = {
  issueDate: 'c.issue_date',
  pageSort: 'c.page_sort',
  title: 'c.title',
  kind: 'c.kind',
  status: 'c.status',
  publicationId: 'c.publication_id',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
  id: 'c.id',
} as const;

export type ClippingSortField = keyof typeof CLIPPING_SORT_COLUMNS;

export interface SortKey {
  field: ClippingSortField;
  direction: 'ASC' | 'DESC';
}

/** Newest issues first, then pages in printed order. */
export const DEFAULT_CLIPPING_SORT = '-issueDate,pageSort';

const FIELDS = Object.keys(CLIPPING_SORT_COLUMNS).join('|');

/** Headline hits of `q` first, then the default order: the default sort when `q` is set. */
export const RELEVANCE_SORT = 'relevance';

/**
 * A valid `sort` value: comma-separated whitelisted fields, each optionally prefixed `-` for
 * descending, or `relevance` alone.
 */
export const CLIPPING_SORT_PATTERN = new RegExp(`^(${RELEVANCE_SORT}|-?(${FIELDS})(,-?(${FIELDS}))*)$`);

function isSortField(name: string): name is ClippingSortField {
  return Object.prototype.hasOwnProperty.call(CLIPPING_SORT_COLUMNS, name);
}

/**
 * `-issueDate,pageSort` → `[{issueDate, DESC}, {pageSort, ASC}]`, always ending with `id` as the tie-breaker
 * so pages are stable. Throws on a field outside the whitelist (the DTO validates before this runs).
 */
export function parseClippingSort(sort: string = DEFAULT_CLIPPING_SORT): SortKey[] {
  const keys: SortKey[] = [];
  for (const part of sort.split(',')) {
    const direction = part.startsWith('-') ? 'DESC' : 'ASC';
    const name = part.replace(/^-/, '');
    if (!isSortField(name)) throw new Error(`Unknown sort field: ${name}`);
    if (!keys.some((k) => k.field === name)) keys.push({ field: name, direction });
  }
  if (!keys.some((k) => k.field === 'id')) keys.push({ field: 'id', direction: keys[0]?.direction ?? 'ASC' });
  return keys;
}
