import type { ClippingFilter } from '../clipping-filter';
import { closedDateRange, daysBetween } from './day-range';

describe('daysBetween', () => {
  it('lists every calendar day of a range, both ends included, across month and leap-day ends', () => {
    expect(daysBetween('2024-02-27', '2024-03-02', 10)).toEqual([
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
      '2024-03-02',
    ]);
    expect(daysBetween('2023-12-31', '2024-01-01', 10)).toEqual(['2023-12-31', '2024-01-01']);
    expect(daysBetween('2024-10-22', '2024-10-22', 1)).toEqual(['2024-10-22']);
  });

  it('refuses more days than the limit, a range the wrong way round and what is not a date', () => {
    expect(daysBetween('2024-01-01', '2024-01-31', 30)).toBeNull();
    expect(daysBetween('2024-01-01', '2024-01-31', 31)).toHaveLength(31);
    expect(daysBetween('2024-03-02', '2024-03-01', 10)).toBeNull();
    expect(daysBetween('2023-02-29', '2023-03-01', 10)).toBeNull();
    expect(daysBetween('2024-3-1', '2024-03-02', 10)).toBeNull();
    expect(daysBetween('二〇二四年', '2024-03-02', 10)).toBeNull();
  });
});

describe('closedDateRange', () => {
  const from = { kind: 'column', column: 'c.issue_date', op: '>=', value: '2024-03-01' } as const;
  const to = { kind: 'column', column: 'c.issue_date', op: '<=', value: '2024-03-31' } as const;
  const pub = { kind: 'column', column: 'c.publication_id', op: '=', value: 3 } as const;

  it('splits a range closed on both sides from the column filters beside it', () => {
    expect(closedDateRange([pub, from, to])).toEqual({ from: '2024-03-01', to: '2024-03-31', rest: [pub] });
    expect(closedDateRange([from, to])).toEqual({ from: '2024-03-01', to: '2024-03-31', rest: [] });
  });

  it('is null for an open range, no range, or a link filter beside it', () => {
    expect(closedDateRange([pub, from])).toBeNull();
    expect(closedDateRange([to])).toBeNull();
    expect(closedDateRange([pub])).toBeNull();
    const region: ClippingFilter[number] = {
      kind: 'link',
      table: 'clipping_region',
      column: 'region_id',
      ids: [1, 2],
    };
    expect(closedDateRange([from, to, region])).toBeNull();
    expect(closedDateRange([from, to, { kind: 'without', table: 'clipping_tag' }])).toBeNull();
  });
});
