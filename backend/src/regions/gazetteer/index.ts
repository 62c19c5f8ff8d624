export {
  countByLevel,
  loadGazetteer,
  provinceCityChinaDataDir,
  type GazetteerEntry,
  type LoadGazetteerOptions,
  type RegionLevel,
} from './load-gazetteer';
export { nameAliases, shortName } from './short-name';
export {
  normalizeForRegions,
  RegionMatcher,
  type DetectedRegion,
  type DetectOptions,
  type RegionMatcherOptions,
  type Segmenter,
  type Tagger,
  type TaggedToken,
} from './region-matcher';
export { defaultRegionMatcher } from './default-matcher';
export { PUBLICATION_HOMES } from './publication-homes';
