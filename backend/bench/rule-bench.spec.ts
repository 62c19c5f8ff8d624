import { benchRuleApply, syntheticClippings } from './rule-bench';

describe('benchRuleApply', () => {
  it('generates deterministic ~1,000-character clippings', () => {
    const a = syntheticClippings(3);
    expect(a).toEqual(syntheticClippings(3));
    for (const t of a) expect(t.length).toBeGreaterThanOrEqual(1000);
  });

  it('reports one result per mode, fast enough to extrapolate well under 10 s per 100,000', () => {
    const results = benchRuleApply(2000);
    expect(results.map((r) => r.mode)).toEqual(['any', 'all', 'phrase', 'regex', 'fuzzy']);
    for (const r of results) {
      expect(r.clippings).toBe(2000);
      expect(r.matched).toBeGreaterThan(0);
      // 100 µs per clipping would be 10 s per 100,000; generous bound so a loaded CI machine does not flake.
      expect(r.usPerClipping).toBeLessThan(250);
    }
  });
});
