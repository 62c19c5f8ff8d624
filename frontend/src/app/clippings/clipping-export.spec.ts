import { NO_SELECTION, selectAllMatching } from './bulk-selection';
import { clippingExportUrl, exportTarget, listExportUrl } from './clipping-export';
import { DEFAULT_LIST_PARAMS, withFilters } from './clipping-list-state';

describe('export links', () => {
  const params = withFilters({ ...DEFAULT_LIST_PARAMS, sort: 'title' }, { publicationId: 3, q: '鱼台 护学' });

  it('exports the list as filtered and sorted when nothing, or everything matching, is selected', () => {
    expect(exportTarget(NO_SELECTION)).toEqual({ kind: 'list' });
    expect(exportTarget(selectAllMatching(40))).toEqual({ kind: 'list' });
    const url = new URL(listExportUrl('csv', { kind: 'list' }, params, 'zh-CN'), 'http://x');
    expect(url.pathname).toBe('/api/exports/clippings');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      format: 'csv',
      lang: 'zh-CN',
      sort: 'title',
      publicationId: '3',
      q: '鱼台 护学',
    });
  });

  it('exports ticked rows by id, in id order, and writes the CSV header in the UI language', () => {
    const target = exportTarget({ kind: 'ids', ids: new Set([9, 2, 5]) });
    expect(target).toEqual({ kind: 'selection', ids: [2, 5, 9] });
    const url = new URL(listExportUrl('csv', target, params, 'en'), 'http://x');
    expect(Object.fromEntries(url.searchParams)).toEqual({ format: 'csv', lang: 'en', ids: '2,5,9' });
    const json = new URL(listExportUrl('json', target, params, 'en'), 'http://x');
    expect(json.searchParams.has('lang')).toBe(false);
  });

  it('links one clipping in a text format', () => {
    expect(clippingExportUrl(7, 'md')).toBe('/api/clippings/7/export?format=md');
  });
});
