import { benchRuleApply, syntheticClippings } from './rule-bench';

describe('benchRuleApply', () => {
  it('generates deterministic ~1,000-character clippings', () => {
    const a = syntheticClippings(3);
    expect(a).toEqual(syntheticClippings(3));
    for (const t of a) expect(t.length).toBeGreaterThanOrEqual(1000);
  });

  it("reports one result per mode with its time per clipping (the 10 s per 100,000 target is the bench's)", () => {
    const results = benchRuleApply(2000);
    expect(results.map((r) => r.mode)).toEqual(['any', 'all', 'phrase', 'regex', 'fuzzy']);
    for (const r of results) {
      expect(r.clippings).toBe(2000);
      expect(r.matched).toBeGreaterThan(0);
      expect(r.usPerClipping).toBeGreaterThan(0);
    }
  });
});
