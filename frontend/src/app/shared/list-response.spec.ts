import { blankToNull, compactParams, itemsOf } from './list-response';

describe('list-response helpers', () => {
  it('itemsOf accepts a bare array or a Page', () => {
    expect(itemsOf([1, 2])).toEqual([1, 2]);
    expect(itemsOf({ items: [3], total: 1, page: 1, pageSize: 50 })).toEqual([3]);
  });

  it('compactParams drops empty strings, null, undefined and NaN', () => {
    expect(compactParams({ a: '', b: null, c: undefined, d: 0, e: 'x', f: Number.NaN })).toEqual({
      d: 0,
      e: 'x',
    });
  });

  it('blankToNull trims and nulls blanks', () => {
    expect(blankToNull('  ')).toBeNull();
    expect(blankToNull(' 本报讯 ')).toBe('本报讯');
  });
});
