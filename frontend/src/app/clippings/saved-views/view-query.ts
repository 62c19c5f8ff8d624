import type { Params } from '@angular/router';
import { type ApiError, CLIPPING_FILTER_NAMES } from '@jianbao/contracts';
import { type ErrorText, describeApiError } from '../../shared/api-error';
import { type ClippingListParams, stateToQueryParams } from '../clipping-list-state';

/**
 * The list's search as a saved view stores it: its URL query without page or page size, the filters in
 * the filter table's order, then the sort — the canonical form the server keeps, so that a view and
 * the list showing it compare equal as strings.
 */
export function viewQuery(params: ClippingListParams): string {
  const all = stateToQueryParams(params);
  const out = new URLSearchParams();
  for (const name of CLIPPING_FILTER_NAMES) {
    const value: unknown = all[name];
    if (value !== undefined) out.append(name, String(value));
  }
  const sort: unknown = all['sort'];
  if (sort !== undefined) out.append('sort', String(sort));
  return out.toString();
}

/** A view's stored query → the list URL's query params (what opening the view navigates to). */
export function viewQueryParams(query: string): Params {
  const out: Params = {};
  new URLSearchParams(query).forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

/** What went wrong saving, renaming or deleting a view, in words that point at the cause. */
export function describeViewError(error: ApiError, name: string): ErrorText {
  if (error.statusCode === 409) return { key: 'views.error.nameTaken', params: { name } };
  if (error.statusCode === 403) return { key: 'views.error.forbidden', params: {} };
  const fields = Array.isArray(error.details)
    ? (error.details as { field?: unknown }[]).map((d) => String(d.field ?? ''))
    : [];
  if (error.statusCode === 400 && fields.some((f) => f.startsWith('query')))
    return {
      key: 'views.error.query',
      params: { fields: fields.map((f) => f.replace(/^query\./, '')).join(', ') },
    };
  if (error.statusCode === 400 && fields.includes('name')) return { key: 'views.error.name', params: {} };
  return describeApiError(error);
}
