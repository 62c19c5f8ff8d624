/** Same-story detection: pure shingling, MinHash, LSH and containment (no framework imports). */
export { normaliseForShingles } from './normalise';
export { DEFAULT_SHINGLE_SIZE, shingles, shinglesOfNormalised, sortUnique } from './shingles';
export {
  DEFAULT_MIN_CONTAINMENT,
  DEFAULT_MIN_SHINGLES,
  compareStories,
  containment,
  intersectionSize,
  jaccard,
  judge,
  type ShingleSet,
  type StoryCompareOptions,
  type StoryComparison,
} from './compare';
export {
  DEFAULT_MINHASH_SEED,
  DEFAULT_NUM_HASHES,
  estimateContainment,
  estimateJaccard,
  minhashSignature,
} from './minhash';
export { DEFAULT_BANDING, assertBanding, bandKeys, candidateProbability, type BandingOptions } from './lsh';
export { StoryIndex, type StoryCandidate, type StoryIndexOptions, type StorySignature } from './story-index';
export {
  chooseMain,
  defaultMain,
  orderedPair,
  pairsBetween,
  pairsWithin,
  type MainCandidate,
} from './story-groups';
