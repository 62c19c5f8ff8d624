/** Continuation matching: pure domain core (no framework imports). */
export type {
  ChainLink,
  ContinuationDecision,
  MarkerAgreement,
  MatchOptions,
  PartId,
  PartSummary,
} from './types';
export { DEFAULT_MATCH_OPTIONS, matchContinuations } from './match-continuations';
export { markerCompatibility, normalisePageLabel, resolveMarkerPage, type Compatibility } from './page-refs';
export { WEIGHTS, contentSimilarity, titleEvidence } from './evidence';
export {
  sentenceEnd,
  stripLeadingMarker,
  stripTrailingMarker,
  tailStart,
  type SentenceEnd,
  type TailStart,
} from './text-features';
export { assignmentMargins, maxWeightAssignment } from './assignment';
export {
  buildChains,
  canAddLink,
  nextPageOf,
  validateChain,
  validateLinks,
  type ChainIssue,
  type ChainIssueKind,
  type ChainsResult,
} from './chains';
export {
  reassemble,
  toMarkdown,
  toPlainText,
  type ArticleMeta,
  type PageBoundary,
  type ReassembledArticle,
  type ReassemblyPart,
} from './reassemble';
