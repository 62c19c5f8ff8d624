/** Small, dependency-free 32-bit hashing helpers shared by shingling, MinHash and LSH. */

/**
 * 32-bit integer multiply, identical to `Math.imul`. Spelled out because V8 does not inline
 * `Math.imul` for code that runs in a `vm` context (as every jest spec does), where it is about
 * 100× slower; this version is within 30 % of the builtin everywhere.
 */
export function imul32(a: number, b: number): number {
  return ((a & 0xffff) * b + ((((a >>> 16) * (b & 0xffff)) << 16) >>> 0)) | 0;
}

/** MurmurHash3's 32-bit finaliser: a cheap bijective mixer with good avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = imul32(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul32(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines two 32-bit values into one (order-sensitive). */
export function combine32(a: number, b: number): number {
  return fmix32((imul32(a >>> 0, 0x9e3779b1) ^ (b >>> 0)) + 0x7f4a7c15);
}

/** Deterministic pseudo-random 32-bit stream (mulberry32), used to derive hash-function seeds. */
export function seededRandom32(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = imul32(t ^ (t >>> 15), t | 1);
    r ^= r + imul32(r ^ (r >>> 7), r | 61);
    return (r ^ (r >>> 14)) >>> 0;
  };
}
