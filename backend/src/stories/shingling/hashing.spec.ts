import { combine32, fmix32, imul32, seededRandom32 } from './hashing';

describe('hashing helpers', () => {
  it('imul32 equals Math.imul', () => {
    const rnd = seededRandom32(1);
    for (let i = 0; i < 20000; i++) {
      const a = rnd() | 0;
      const b = i % 2 ? rnd() : rnd() | 0;
      expect(imul32(a, b)).toBe(Math.imul(a, b));
    }
    expect(imul32(-1, -1)).toBe(1);
    expect(imul32(0xffffffff, 2)).toBe(-2);
  });

  it('fmix32 and combine32 return unsigned 32-bit values deterministically', () => {
    for (const x of [0, 1, 0x7fffffff, 0xffffffff]) {
      const h = fmix32(x);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThanOrEqual(0xffffffff);
      expect(fmix32(x)).toBe(h);
    }
    expect(combine32(1, 2)).not.toBe(combine32(2, 1));
  });

  it('seededRandom32 is reproducible', () => {
    const a = seededRandom32(42);
    const b = seededRandom32(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});
