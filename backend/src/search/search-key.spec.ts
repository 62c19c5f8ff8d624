import fc from 'fast-check';
import { dayNumber, ID_BITS, keyBoundsOf, keyDay, searchKey } from './search-key';

describe('search keys', () => {
  it('counts days in order across months, leap years and centuries', () => {
    expect(dayNumber('1970-01-01')).toBe(719468);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(dayNumber('1900-03-01') - dayNumber('1900-02-28')).toBe(1);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2);
    const dates = ['1605-01-01', '1999-12-31', '2000-01-01', '2024-10-22', '2024-10-23', '9999-12-31'];
    const days = dates.map(dayNumber);
    expect([...days].sort((a, b) => a - b)).toEqual(days);
  });

  it('orders keys by day, then id, and finds a key’s day', () => {
    const a = searchKey('2024-10-22', 5);
    const b = searchKey('2024-10-22', 9);
    const c = searchKey('2024-10-23', 1);
    expect(a < b && b < c).toBe(true);
    expect(a % ID_BITS).toBe(5);
    expect(keyDay(b)).toBe(dayNumber('2024-10-22'));
    expect(keyDay(c)).toBe(keyDay(b) + 1);
    expect(Number.isSafeInteger(searchKey('9999-12-31', ID_BITS - 1))).toBe(true);
    expect(() => searchKey('2024-10-22', 0)).toThrow(RangeError);
  });
});

describe('key ranges of issue dates', () => {
  const dates = [
    '1605-01-01',
    '1999-12-31',
    '2000-01-01',
    '2024-02-29',
    '2024-10-22',
    '2024-10-23',
    '9999-12-31',
  ];

  it('holds the key of every clipping issued within the dates, and none outside', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...dates),
        fc.constantFrom(...dates),
        fc.constantFrom(...dates),
        fc.integer({ min: 1, max: ID_BITS - 1 }),
        (from, to, issued, id) => {
          const { lo, hi } = keyBoundsOf(from, to);
          const key = searchKey(issued, id);
          const inside = issued >= from && issued <= to;
          expect(lo !== null && hi !== null && key >= lo && key <= hi).toBe(inside);
        },
      ),
    );
  });

  it('leaves a missing or malformed bound open (null)', () => {
    const key = searchKey('2024-10-22', 7);
    const from = keyBoundsOf('2024-10-22', undefined);
    expect(from.hi).toBeNull();
    expect(from.lo !== null && key >= from.lo && searchKey('2024-10-21', 7) < from.lo).toBe(true);
    const to = keyBoundsOf(undefined, '2024-10-22');
    expect(to.lo).toBeNull();
    expect(to.hi !== null && key <= to.hi && searchKey('2024-10-23', 1) > to.hi).toBe(true);
    expect(Number.isSafeInteger(to.hi)).toBe(true);
    expect(keyBoundsOf('2024年10月', '不是日期')).toEqual({ lo: null, hi: null });
    expect(keyBoundsOf(undefined, undefined)).toEqual({ lo: null, hi: null });
  });
});
