import { jaccard } from './compare';
import { DEFAULT_BANDING, bandKeys, candidateProbability } from './lsh';
import { estimateContainment, estimateJaccard, minhashSignature } from './minhash';
import { loadSampleClippings } from './sample-pages.testing';
import { shingles } from './shingles';

function range(from: number, to: number): Uint32Array {
  const out = new Uint32Array(to - from);
  for (let i = 0; i < out.length; i++) out[i] = (Math.imul(from + i, 0x9e3779b1) >>> 0) | 1;
  return out.sort();
}

describe('minhashSignature', () => {
  it('is deterministic and has the requested length', () => {
    const s = shingles('产业工人是工人阶级的主体力量，是创造社会财富的中坚力量');
    const a = minhashSignature(s, 64);
    expect(a.length).toBe(64);
    expect(Array.from(minhashSignature(s, 64))).toEqual(Array.from(a));
    expect(Array.from(minhashSignature(s, 64, 7))).not.toEqual(Array.from(a));
  });

  it('identical sets have identical signatures, the empty set all-max', () => {
    const s = range(0, 500);
    expect(estimateJaccard(minhashSignature(s), minhashSignature(s.slice()))).toBe(1);
    expect(Array.from(minhashSignature(new Uint32Array(0), 4))).toEqual([
      0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
    ]);
  });

  it('estimates Jaccard within a few standard errors', () => {
    for (const [overlapEnd, expected] of [
      [1000, 1],
      [750, 0.6],
      [500, 1 / 3],
      [200, 0.111],
    ] as const) {
      const a = range(0, 1000);
      const b = range(1000 - overlapEnd, 2000 - overlapEnd);
      expect(jaccard(a, b)).toBeCloseTo(expected, 2);
      const est = estimateJaccard(minhashSignature(a, 256), minhashSignature(b, 256));
      expect(Math.abs(est - expected)).toBeLessThan(0.1);
    }
  });

  it('rejects mismatched signatures and bad sizes', () => {
    expect(() => estimateJaccard(new Uint32Array(2), new Uint32Array(3))).toThrow(RangeError);
    expect(() => minhashSignature(new Uint32Array(0), 0)).toThrow(RangeError);
  });
});

describe('estimateContainment', () => {
  it('recovers containment of a subset from Jaccard and sizes', () => {
    // A ⊂ B, |A| = 100, |B| = 300: J = 1/3, containment of A in B = 1.
    expect(estimateContainment(1 / 3, 100, 300)).toBeCloseTo(1);
    expect(estimateContainment(0, 100, 300)).toBe(0);
    expect(estimateContainment(0.5, 0, 10)).toBe(0);
  });

  it('estimates the sample tail-only copy as contained', () => {
    const c = loadSampleClippings();
    const whole = shingles(c.find((x) => x.ref === '000-policy')!.body);
    const tail = shingles(c.find((x) => x.ref === '004-policy')!.body);
    const j = estimateJaccard(minhashSignature(whole), minhashSignature(tail));
    expect(estimateContainment(j, whole.length, tail.length)).toBeGreaterThan(0.8);
  });
});

describe('LSH banding', () => {
  it('has a low threshold so that tail-only copies become candidates', () => {
    expect(candidateProbability(1 / 3)).toBeGreaterThan(0.99);
    expect(candidateProbability(0.2)).toBeGreaterThan(0.9);
    expect(candidateProbability(0.01)).toBeLessThan(0.01);
  });

  it('gives one key per band; equal bands give equal keys', () => {
    const s1 = minhashSignature(range(0, 300));
    const s2 = s1.slice();
    s2[0] = 12345; // changes band 0 only
    const k1 = bandKeys(s1);
    const k2 = bandKeys(s2);
    expect(k1.length).toBe(DEFAULT_BANDING.bands);
    expect(k1[0]).not.toBe(k2[0]);
    expect(Array.from(k1.subarray(1))).toEqual(Array.from(k2.subarray(1)));
  });

  it('rejects a banding that does not cover the signature', () => {
    expect(() => bandKeys(new Uint32Array(100), { bands: 64, rows: 2 })).toThrow(RangeError);
  });
});
