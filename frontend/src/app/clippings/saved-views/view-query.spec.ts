import type { ApiError } from '@jianbao/contracts';
import { DEFAULT_LIST_PARAMS, queryParamsToState } from '../clipping-list-state';
import { describeViewError, viewQuery, viewQueryParams } from './view-query';

describe('viewQuery', () => {
  it('keeps the filters in the table’s order and the sort, never the page or page size', () => {
    const state = queryParamsToState({
      sort: 'title',
      page: '4',
      pageSize: '100',
      kind: 'article',
      q: '梁山 学校',
      publicationId: '3',
    });
    expect(viewQuery(state)).toBe(
      'publicationId=3&kind=article&q=%E6%A2%81%E5%B1%B1+%E5%AD%A6%E6%A0%A1&sort=title',
    );
  });

  it('is empty for the whole list in its default order', () => {
    expect(viewQuery(DEFAULT_LIST_PARAMS)).toBe('');
  });

  it('round-trips: the params a view opens give back the same query', () => {
    const query = viewQuery(
      queryParamsToState({ tagId: '7', from: '2024-10-01', q: '鱼台', sort: '-updatedAt' }),
    );
    expect(viewQuery(queryParamsToState(viewQueryParams(query)))).toBe(query);
    expect(viewQueryParams(query)).toEqual({ from: '2024-10-01', tagId: '7', q: '鱼台', sort: '-updatedAt' });
  });
});

describe('describeViewError', () => {
  const error = (statusCode: number, details?: unknown): ApiError => ({
    statusCode,
    error: 'x',
    message: 'y',
    ...(details === undefined ? {} : { details }),
  });

  it('names the cause: a taken name, a refused share, a bad query field, a bad name', () => {
    expect(describeViewError(error(409), '甲')).toEqual({
      key: 'views.error.nameTaken',
      params: { name: '甲' },
    });
    expect(describeViewError(error(403), '甲').key).toBe('views.error.forbidden');
    expect(
      describeViewError(
        error(400, [
          { field: 'query.kind', errors: [] },
          { field: 'query.to', errors: [] },
        ]),
        '甲',
      ),
    ).toEqual({ key: 'views.error.query', params: { fields: 'kind, to' } });
    expect(describeViewError(error(400, [{ field: 'name', errors: [] }]), '甲').key).toBe('views.error.name');
    expect(describeViewError(error(0), '甲').key).toBe('error.network');
  });
});
