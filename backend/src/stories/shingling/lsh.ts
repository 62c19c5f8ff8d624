import { combine32 } from './hashing';

/**
 * LSH banding over MinHash signatures: the signature is cut into `bands` bands of `rows` values; two
 * texts become candidates when any band is identical. The probability that two sets with Jaccard s
 * collide in at least one band is 1 − (1 − s^rows)^bands.
 *
 * The default 64 bands × 2 rows (128 hashes) put the 50 % point near s ≈ 0.10, because a tail-only
 * copy of a wire story has a low Jaccard with the whole text (a last third that is fully contained
 * has s ≈ 0.33, a last sixth s ≈ 0.17) and must still be found: P(candidate) is 0.998 at s = 0.33,
 * 0.91 at s = 0.19 and 0.0064 at s = 0.01 (typical for unrelated articles).
 */
export interface BandingOptions {
  bands: number;
  rows: number;
}

export const DEFAULT_BANDING: BandingOptions = { bands: 64, rows: 2 };

/** Probability that two sets of Jaccard similarity `s` share at least one band. */
export function candidateProbability(s: number, banding: BandingOptions = DEFAULT_BANDING): number {
  return 1 - Math.pow(1 - Math.pow(s, banding.rows), banding.bands);
}

/** Checks that the banding covers the signature exactly. */
export function assertBanding(numHashes: number, banding: BandingOptions): void {
  const { bands, rows } = banding;
  if (
    !Number.isInteger(bands) ||
    !Number.isInteger(rows) ||
    bands < 1 ||
    rows < 1 ||
    bands * rows !== numHashes
  ) {
    throw new RangeError(`banding ${bands}×${rows} does not cover a signature of ${numHashes} hashes`);
  }
}

/**
 * One 32-bit key per band; the band index is mixed in, so keys of different bands never need to be
 * kept apart (a cross-band collision only adds a candidate, which is verified afterwards).
 */
export function bandKeys(signature: Uint32Array, banding: BandingOptions = DEFAULT_BANDING): Uint32Array {
  assertBanding(signature.length, banding);
  const { bands, rows } = banding;
  const keys = new Uint32Array(bands);
  for (let band = 0; band < bands; band++) {
    let h = combine32(0x3c6ef372, band);
    const off = band * rows;
    for (let r = 0; r < rows; r++) h = combine32(h, signature[off + r]!);
    keys[band] = h;
  }
  return keys;
}
