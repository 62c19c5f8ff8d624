import {
  DEFAULT_LIST_PARAMS,
  type ClippingListParams,
  hasFilters,
  listedCount,
  pageCount,
  totalText,
  queryParamsToState,
  sortDirection,
  stateToApiQuery,
  stateToQueryParams,
  toggleSort,
  withFilters,
} from './clipping-list-state';

const full: ClippingListParams = {
  page: 3,
  pageSize: 100,
  sort: 'pageSort',
  publicationId: 7,
  from: '2024-01-01',
  to: '2024-03-31',
  pageLabel: 'A2',
  kind: 'brief',
  status: 'reviewed',
  tagId: 12,
  regionId: 370832,
  missing: 'tag',
  q: '文明',
};

describe('queryParamsToState', () => {
  it('gives the defaults for an empty query string', () => {
    expect(queryParamsToState({})).toEqual(DEFAULT_LIST_PARAMS);
  });

  it('parses every parameter', () => {
    expect(
      queryParamsToState({
        page: '3',
        pageSize: '100',
        sort: 'pageSort',
        publicationId: '7',
        from: '2024-01-01',
        to: '2024-03-31',
        pageLabel: 'A2',
        kind: 'brief',
        status: 'reviewed',
        tagId: '12',
        regionId: '370832',
        missing: 'tag',
        q: '文明',
      }),
    ).toEqual(full);
  });

  it('falls back to defaults for malformed values instead of failing', () => {
    const s = queryParamsToState({
      page: '-2',
      pageSize: 'lots',
      sort: 'password',
      publicationId: '1.5',
      from: '2024-13-45',
      to: 'yesterday',
      kind: 'poem',
      status: 'published',
      tagId: '0',
      q: '   ',
    });
    expect(s).toEqual(DEFAULT_LIST_PARAMS);
  });

  it('caps pageSize at 200 and takes the first of repeated params', () => {
    expect(queryParamsToState({ pageSize: '5000' }).pageSize).toBe(200);
    expect(queryParamsToState({ kind: ['photo', 'ad'] }).kind).toBe('photo');
  });

  it('accepts descending sorts on known fields', () => {
    expect(queryParamsToState({ sort: '-updatedAt' }).sort).toBe('-updatedAt');
    expect(queryParamsToState({ sort: '--updatedAt' }).sort).toBe(DEFAULT_LIST_PARAMS.sort);
    expect(queryParamsToState({ sort: 'title,-issueDate' }).sort).toBe('title,-issueDate');
    expect(queryParamsToState({ sort: 'title,secret' }).sort).toBe(DEFAULT_LIST_PARAMS.sort);
  });
});

describe('stateToQueryParams', () => {
  it('leaves out defaults and empty filters', () => {
    expect(stateToQueryParams(DEFAULT_LIST_PARAMS)).toEqual({});
    expect(stateToQueryParams({ ...DEFAULT_LIST_PARAMS, kind: 'photo' })).toEqual({ kind: 'photo' });
  });

  it('round-trips through queryParamsToState', () => {
    expect(queryParamsToState(stateToQueryParams(full))).toEqual(full);
    const sparse = { ...DEFAULT_LIST_PARAMS, q: '梁山', page: 2 };
    expect(queryParamsToState(stateToQueryParams(sparse))).toEqual(sparse);
  });

  it('writes strings only, as the router expects', () => {
    for (const value of Object.values(stateToQueryParams(full))) expect(typeof value).toBe('string');
  });
});

describe('stateToApiQuery', () => {
  it('always sends paging and sort, and only the filters that are set', () => {
    expect(stateToApiQuery(DEFAULT_LIST_PARAMS)).toEqual({
      page: 1,
      pageSize: 50,
      sort: '-issueDate,pageSort',
    });
    expect(stateToApiQuery(full)).toEqual({ ...full });
  });

  it('asks for relevance with a search in the default order, and never without one', () => {
    const searching = { ...DEFAULT_LIST_PARAMS, q: '鱼台' };
    expect(stateToApiQuery(searching).sort).toBe('relevance');
    expect(stateToApiQuery({ ...searching, sort: 'title' }).sort).toBe('title');
    expect(stateToApiQuery({ ...DEFAULT_LIST_PARAMS, sort: 'relevance' }).sort).toBe('-issueDate,pageSort');
    expect(queryParamsToState({ q: '鱼台', sort: 'relevance' }).sort).toBe('relevance');
    // A column click leaves relevance for that column.
    expect(toggleSort('relevance', 'title')).toBe('title');
    expect(toggleSort('relevance', 'issueDate')).toBe('issueDate,pageSort');
  });
});

describe('withFilters / toggleSort / helpers', () => {
  it('resets to page 1 when a filter changes', () => {
    const next = withFilters({ ...DEFAULT_LIST_PARAMS, page: 9 }, { kind: 'ad' });
    expect(next.page).toBe(1);
    expect(next.kind).toBe('ad');
  });

  it('toggles direction on the current column and picks a natural first direction otherwise', () => {
    expect(toggleSort('-issueDate,pageSort', 'issueDate')).toBe('issueDate,pageSort');
    expect(toggleSort('issueDate,pageSort', 'issueDate')).toBe('-issueDate,pageSort');
    expect(toggleSort('-issueDate', 'issueDate')).toBe('issueDate');
    expect(toggleSort('issueDate', 'issueDate')).toBe('-issueDate');
    expect(toggleSort('-issueDate', 'title')).toBe('title');
    expect(toggleSort('title', 'updatedAt')).toBe('-updatedAt');
  });

  it('reports the sort direction of a column', () => {
    expect(sortDirection('-issueDate,pageSort', 'issueDate')).toBe('descending');
    expect(sortDirection('-issueDate,pageSort', 'pageSort')).toBeNull();
    expect(sortDirection('title', 'title')).toBe('ascending');
    expect(sortDirection('title', 'issueDate')).toBeNull();
  });

  it('counts pages and detects active filters', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(101, 50)).toBe(3);
    expect(hasFilters(DEFAULT_LIST_PARAMS)).toBe(false);
    expect(hasFilters({ ...DEFAULT_LIST_PARAMS, page: 4, sort: 'title' })).toBe(false);
    expect(hasFilters({ ...DEFAULT_LIST_PARAMS, q: 'x' })).toBe(true);
  });

  it('shows a count that stopped as "N+" and pages through the N it reaches', () => {
    expect(totalText({ total: 37, totalExact: true })).toBe('37');
    expect(totalText({ total: 12345 })).toBe('12345');
    expect(totalText({ total: 10_001, totalExact: false })).toBe('10,000+');
    expect(listedCount({ total: 10_001, totalExact: false })).toBe(10_000);
    expect(listedCount({ total: 37, totalExact: true })).toBe(37);
    expect(pageCount(listedCount({ total: 10_001, totalExact: false }), 20)).toBe(500);
  });
});
