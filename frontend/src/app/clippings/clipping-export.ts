import type { ListExportFormat, TextExportFormat } from '@jianbao/contracts';
import type { BulkSelection } from './bulk-selection';
import { type ClippingListParams, activeFilters } from './clipping-list-state';

/** The most ids a selection export takes (`GET /api/exports/clippings?ids=`); more is "all matching". */
export const MAX_EXPORT_IDS = 1000;

/** What an export of the list exports: ticked rows, or the whole list as filtered and sorted. */
export type ExportTarget = { kind: 'selection'; ids: number[] } | { kind: 'list' };

/** Ticked rows are a selection; "all matching" and no selection are the list itself (its filter). */
export function exportTarget(selection: BulkSelection): ExportTarget {
  if (selection.kind === 'ids' && selection.ids.size > 0) {
    return { kind: 'selection', ids: [...selection.ids].sort((a, b) => a - b) };
  }
  return { kind: 'list' };
}

/**
 * The download link of a list export: the selection's ids, or the list's filters and sort exactly as
 * the list query sends them (so the file holds what the list shows, in its order). `lang`: the CSV's header.
 */
export function listExportUrl(
  format: ListExportFormat,
  target: ExportTarget,
  params: ClippingListParams,
  lang: string,
): string {
  const query = new URLSearchParams({ format });
  if (format === 'csv') query.set('lang', lang === 'en' ? 'en' : 'zh-CN');
  if (target.kind === 'selection') query.set('ids', target.ids.join(','));
  else {
    query.set('sort', params.sort);
    for (const [name, value] of Object.entries(activeFilters(params))) query.set(name, String(value));
  }
  return `/api/exports/clippings?${query.toString()}`;
}

/** The download link of one clipping as Markdown or plain text. */
export function clippingExportUrl(id: number, format: TextExportFormat): string {
  return `/api/clippings/${id}/export?format=${format}`;
}
