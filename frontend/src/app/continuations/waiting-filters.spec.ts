import { waitingParams, waitingQueryOf } from './waiting-filters';

describe('waiting list filters ↔ URL', () => {
  it('reads valid filters from the query string', () => {
    expect(waitingQueryOf({ publicationId: '3', from: '2024-10-01', to: '2024-10-31' })).toEqual({
      publicationId: 3,
      from: '2024-10-01',
      to: '2024-10-31',
    });
  });

  it('ignores malformed or missing ones', () => {
    expect(waitingQueryOf({ publicationId: 'x', from: '10/01/2024' })).toEqual({
      publicationId: null,
      from: null,
      to: null,
    });
    expect(waitingQueryOf({ publicationId: '-1', to: '' })).toEqual({
      publicationId: null,
      from: null,
      to: null,
    });
  });

  it('writes unset filters as null so the router drops them', () => {
    expect(waitingParams({ publicationId: 2, from: '', to: null })).toEqual({
      publicationId: 2,
      from: null,
      to: null,
    });
  });
});
