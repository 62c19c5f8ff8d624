import { DEFAULT_SHINGLE_SIZE, shingles } from './shingles';

/** A sorted, de-duplicated shingle set as produced by {@link shingles}. */
export type ShingleSet = Uint32Array;

/** |A ∩ B| of two sorted, de-duplicated sets, by a linear merge. */
export function intersectionSize(a: ShingleSet, b: ShingleSet): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Containment of A in B: |A ∩ B| / |A| (0 when A is empty). Not symmetric. */
export function containment(a: ShingleSet, b: ShingleSet): number {
  return a.length === 0 ? 0 : intersectionSize(a, b) / a.length;
}

/** Jaccard similarity |A ∩ B| / |A ∪ B| (0 when both are empty). */
export function jaccard(a: ShingleSet, b: ShingleSet): number {
  const inter = intersectionSize(a, b);
  const union = a.length + b.length - inter;
  return union === 0 ? 0 : inter / union;
}

/**
 * Thresholds of {@link compareStories}.
 *
 * - `minContainment` 0.5: the smaller text must share at least half of its 5-gram shingles with the
 *   larger. Re-typed wire copies score far above it (the Xinhua tail in the sample paper: 0.93, with
 *   a dozen edited characters), unrelated articles far below (≤ 0.015 on the sample pages, the
 *   shared bits being datelines such as `新华社北京10月21日电`). 0.5 leaves a wide margin on both
 *   sides and still accepts a copy whose every other sentence was edited.
 * - `minShingles` 20: the smaller text needs at least 20 distinct shingles (about 24 characters after
 *   normalisation). Below that a caption or a dateline would "contain" itself in anything that quotes
 *   it; such pairs are never called the same story.
 */
export interface StoryCompareOptions {
  k?: number;
  minContainment?: number;
  minShingles?: number;
}

export const DEFAULT_MIN_CONTAINMENT = 0.5;
export const DEFAULT_MIN_SHINGLES = 20;

export interface StoryComparison {
  /** True when the smaller text is (mostly) contained in the larger: same wire story, whole or part. */
  sameStory: boolean;
  /** Containment of the smaller shingle set in the larger one, 0..1. */
  containment: number;
  /** Jaccard similarity, 0..1 (low for a tail-only copy even when it is the same story). */
  jaccard: number;
  /** Shingle counts of a and b, for display and debugging. */
  sizeA: number;
  sizeB: number;
}

/** Compares two texts, or two precomputed shingle sets (made with the same k). */
export function compareStories(
  a: string | ShingleSet,
  b: string | ShingleSet,
  opts: StoryCompareOptions = {},
): StoryComparison {
  const k = opts.k ?? DEFAULT_SHINGLE_SIZE;
  const sa = typeof a === 'string' ? shingles(a, k) : a;
  const sb = typeof b === 'string' ? shingles(b, k) : b;
  return judge(sa.length, sb.length, intersectionSize(sa, sb), opts);
}

/** The decision of {@link compareStories} from set sizes and the intersection size alone. */
export function judge(
  sizeA: number,
  sizeB: number,
  inter: number,
  opts: StoryCompareOptions = {},
): StoryComparison {
  const minContainment = opts.minContainment ?? DEFAULT_MIN_CONTAINMENT;
  const minShingles = opts.minShingles ?? DEFAULT_MIN_SHINGLES;
  const small = Math.min(sizeA, sizeB);
  const union = sizeA + sizeB - inter;
  const cont = small === 0 ? 0 : inter / small;
  const jac = union === 0 ? 0 : inter / union;
  return {
    sameStory: small >= minShingles && cont >= minContainment,
    containment: cont,
    jaccard: jac,
    sizeA,
    sizeB,
  };
}
