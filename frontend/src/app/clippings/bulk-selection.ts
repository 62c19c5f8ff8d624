import type { BulkEditBody, ClippingKind, ClippingStatus } from '@jianbao/contracts';
import { type ClippingListParams, activeFilters } from './clipping-list-state';

/**
 * Which clippings the bulk bar acts on, paperless-style: either explicit ids (ticked rows, kept
 * across pages) or "all N matching the current filter", which is sent as the filter itself so
 * rows on pages never loaded are included.
 */
export type BulkSelection =
  | { readonly kind: 'ids'; readonly ids: ReadonlySet<number> }
  | { readonly kind: 'all'; readonly total: number };

export const NO_SELECTION: BulkSelection = { kind: 'ids', ids: new Set() };

export function isSelected(selection: BulkSelection, id: number): boolean {
  return selection.kind === 'all' || selection.ids.has(id);
}

/** How many clippings an action would touch (for "all", the list's total when it was chosen). */
export function selectedCount(selection: BulkSelection): number {
  return selection.kind === 'all' ? selection.total : selection.ids.size;
}

export function hasSelection(selection: BulkSelection): boolean {
  return selectedCount(selection) > 0;
}

/**
 * Tick or untick one row. Unticking a row while "all matching" is chosen falls back to the rows of
 * this page minus that one: the ids of unloaded pages are not known here, so an exception list
 * against the filter cannot be expressed in the bulk API.
 */
export function toggleRow(selection: BulkSelection, id: number, pageIds: readonly number[]): BulkSelection {
  if (selection.kind === 'all') return { kind: 'ids', ids: new Set(pageIds.filter((p) => p !== id)) };
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { kind: 'ids', ids };
}

/** The header checkbox of the table: is every / some / no row of this page selected? */
export function pageState(selection: BulkSelection, pageIds: readonly number[]): 'all' | 'some' | 'none' {
  if (!pageIds.length) return 'none';
  const n = pageIds.filter((id) => isSelected(selection, id)).length;
  return n === 0 ? 'none' : n === pageIds.length ? 'all' : 'some';
}

/** Header checkbox click: select this page's rows (adding to earlier pages'), or clear them when all were. */
export function togglePage(selection: BulkSelection, pageIds: readonly number[]): BulkSelection {
  if (pageState(selection, pageIds) === 'all') {
    if (selection.kind === 'all') return NO_SELECTION;
    const ids = new Set(selection.ids);
    for (const id of pageIds) ids.delete(id);
    return { kind: 'ids', ids };
  }
  const ids = new Set(selection.kind === 'ids' ? selection.ids : []);
  for (const id of pageIds) ids.add(id);
  return { kind: 'ids', ids };
}

export function selectAllMatching(total: number): BulkSelection {
  return { kind: 'all', total };
}

/** The filter part of the list params, as one comparable string: a new filter starts a new selection. */
export function filterKey(params: ClippingListParams): string {
  return JSON.stringify(activeFilters(params));
}

/** The list filter as the bulk API expects it (no paging or sorting). */
export function bulkFilter(params: ClippingListParams): NonNullable<BulkEditBody['filter']> {
  return activeFilters(params);
}

/** One bulk action, as the bar's form chooses it. */
export type BulkAction =
  | { type: 'addTag'; tagId: number }
  | { type: 'removeTag'; tagId: number }
  | { type: 'addRegion'; code: string }
  | { type: 'removeRegion'; code: string }
  | { type: 'kind'; kind: ClippingKind }
  | { type: 'status'; status: ClippingStatus }
  | { type: 'publication'; publicationId: number };

export type BulkActionType = BulkAction['type'];
export const BULK_ACTION_TYPES: readonly BulkActionType[] = [
  'addTag',
  'removeTag',
  'addRegion',
  'removeRegion',
  'kind',
  'status',
  'publication',
];

/** Selection + action (+ the list's params for "all matching") → the `POST /api/clippings/bulk` body. */
export function bulkBody(
  selection: BulkSelection,
  params: ClippingListParams,
  action: BulkAction,
  dryRun: boolean,
): BulkEditBody {
  const target: BulkEditBody =
    selection.kind === 'all'
      ? { filter: bulkFilter(params) }
      : { ids: [...selection.ids].sort((a, b) => a - b) };
  const body: BulkEditBody = { ...target, dryRun };
  switch (action.type) {
    case 'addTag':
      return { ...body, addTagIds: [action.tagId] };
    case 'removeTag':
      return { ...body, removeTagIds: [action.tagId] };
    case 'addRegion':
      return { ...body, addRegionCodes: [action.code] };
    case 'removeRegion':
      return { ...body, removeRegionCodes: [action.code] };
    case 'kind':
      return { ...body, kind: action.kind };
    case 'status':
      return { ...body, status: action.status };
    case 'publication':
      return { ...body, publicationId: action.publicationId };
  }
}
