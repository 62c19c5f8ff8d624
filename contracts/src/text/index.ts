/**
 * The text rules the page parser, continuation matching, tag rules and the import wizard share: one
 * home for each (jump-marker grammar, page labels, sentence ends, line joining, width folding, the page label of a file name), so that
 * an edit to one changes it everywhere. Pure, no dependencies.
 */
export {
  findJumpMarkers,
  jumpTargetPage,
  parseJumpMarker,
  stripJumpMarkers,
  stripLeadingMarker,
  stripTrailingMarker,
  type JumpDirection,
  type JumpMarkerMatch,
} from './jump-marker';
export {
  PARAGRAPH_LINE_SHARE,
  isParagraphBreak,
  joinParagraphs,
  joinWrapped,
  type WrappedLine,
} from './line-join';
export { pageLabelFromFileName } from './file-name-label';
export { isNumberedHeading } from './numbering';
export {
  chineseNumeralToNumber,
  comparePageLabels,
  normalizePageLabel,
  pageSortKey,
  parseNumber,
} from './page-label';
export { SENTENCE_CLOSERS, SENTENCE_TERMINALS, endsSentence } from './sentence';
export { toHalfWidth, visibleLength } from './width';
export { isJsSpace } from './whitespace';
