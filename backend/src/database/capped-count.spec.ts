import { cappedCountSql, cappedTotal, countLimit } from './capped-count';

describe('capped counts', () => {
  it('is exact up to the limit and marked inexact past it', () => {
    expect(cappedTotal(0, 10)).toEqual({ total: 0, totalExact: true });
    expect(cappedTotal(10, 10)).toEqual({ total: 10, totalExact: true });
    expect(cappedTotal(11, 10)).toEqual({ total: 11, totalExact: false });
  });

  it('reads one row past the limit, so that "exactly the limit" and "more" differ', () => {
    expect(countLimit(10_000)).toBe(10_001);
    expect(cappedCountSql('SELECT 1 FROM clipping c WHERE c.kind = ?')).toBe(
      'SELECT COUNT(*) AS n FROM (SELECT 1 FROM clipping c WHERE c.kind = ? LIMIT ?) capped',
    );
  });

  it('refuses a limit that is not a count', () => {
    expect(() => countLimit(-1)).toThrow('not a count');
    expect(() => countLimit(Infinity)).toThrow('not a count');
    expect(() => countLimit(1.5)).toThrow('not a count');
  });
});
