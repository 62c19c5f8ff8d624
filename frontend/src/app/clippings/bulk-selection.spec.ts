import { DEFAULT_LIST_PARAMS } from './clipping-list-state';
import {
  NO_SELECTION,
  bulkBody,
  bulkFilter,
  filterKey,
  hasSelection,
  isSelected,
  pageState,
  selectAllMatching,
  selectedCount,
  toggleRow,
  togglePage,
} from './bulk-selection';

const page = [1, 2, 3];

describe('bulk selection', () => {
  it('starts empty', () => {
    expect(hasSelection(NO_SELECTION)).toBe(false);
    expect(pageState(NO_SELECTION, page)).toBe('none');
  });

  it('ticks and unticks rows', () => {
    let s = toggleRow(NO_SELECTION, 2, page);
    expect(isSelected(s, 2)).toBe(true);
    expect(pageState(s, page)).toBe('some');
    s = toggleRow(s, 2, page);
    expect(hasSelection(s)).toBe(false);
    expect(NO_SELECTION.kind === 'ids' && NO_SELECTION.ids.size).toBe(0);
  });

  it('selects a page on top of earlier pages and clears just that page', () => {
    let s = toggleRow(NO_SELECTION, 9, [8, 9]);
    s = togglePage(s, page);
    expect(selectedCount(s)).toBe(4);
    expect(pageState(s, page)).toBe('all');
    s = togglePage(s, page);
    expect(selectedCount(s)).toBe(1);
    expect(isSelected(s, 9)).toBe(true);
    // Some ticked → the header checkbox completes the page.
    s = togglePage(toggleRow(NO_SELECTION, 1, page), page);
    expect(pageState(s, page)).toBe('all');
  });

  it('"all matching" covers every row, counts the total and is left row by row', () => {
    let s = selectAllMatching(137);
    expect(selectedCount(s)).toBe(137);
    expect(isSelected(s, 12345)).toBe(true);
    expect(pageState(s, page)).toBe('all');
    s = toggleRow(s, 2, page);
    expect(s.kind).toBe('ids');
    expect(selectedCount(s)).toBe(2);
    expect(isSelected(s, 2)).toBe(false);
    expect(togglePage(selectAllMatching(5), page)).toBe(NO_SELECTION);
  });

  it('an empty page has no header state', () => {
    expect(pageState(selectAllMatching(0), [])).toBe('none');
  });
});

describe('filterKey / bulkFilter', () => {
  it('ignores paging and sorting but not filters', () => {
    const a = { ...DEFAULT_LIST_PARAMS, status: 'draft' as const };
    expect(filterKey({ ...a, page: 4, pageSize: 200, sort: 'title' })).toBe(filterKey(a));
    expect(filterKey({ ...a, tagId: 3 })).not.toBe(filterKey(a));
  });

  it('sends only the set filters', () => {
    expect(
      bulkFilter({ ...DEFAULT_LIST_PARAMS, page: 3, status: 'draft', regionId: 7, q: '明信片' }),
    ).toEqual({
      status: 'draft',
      regionId: 7,
      q: '明信片',
    });
  });
});

describe('bulkBody', () => {
  const params = { ...DEFAULT_LIST_PARAMS, kind: 'brief' as const, page: 2 };
  const ids = toggleRow(toggleRow(NO_SELECTION, 5, page), 2, page);

  it('sends sorted ids for ticked rows and the filter for "all matching"', () => {
    expect(bulkBody(ids, params, { type: 'status', status: 'reviewed' }, true)).toEqual({
      ids: [2, 5],
      status: 'reviewed',
      dryRun: true,
    });
    expect(bulkBody(selectAllMatching(40), params, { type: 'status', status: 'reviewed' }, false)).toEqual({
      filter: { kind: 'brief' },
      status: 'reviewed',
      dryRun: false,
    });
  });

  it('maps every action onto its body field', () => {
    const body = (a: Parameters<typeof bulkBody>[2]) => {
      const { ids: _i, dryRun: _d, ...rest } = bulkBody(ids, params, a, false);
      return rest;
    };
    expect(body({ type: 'addTag', tagId: 4 })).toEqual({ addTagIds: [4] });
    expect(body({ type: 'removeTag', tagId: 4 })).toEqual({ removeTagIds: [4] });
    expect(body({ type: 'addRegion', code: '370832' })).toEqual({ addRegionCodes: ['370832'] });
    expect(body({ type: 'removeRegion', code: '370832' })).toEqual({ removeRegionCodes: ['370832'] });
    expect(body({ type: 'kind', kind: 'photo' })).toEqual({ kind: 'photo' });
    expect(body({ type: 'publication', publicationId: 9 })).toEqual({ publicationId: 9 });
  });
});
