export {
  compileRule,
  compileRuleOrThrow,
  foldForFuzzy,
  MAX_TERM_LENGTH,
  MAX_TERMS,
  RULE_MODES,
  validateRule,
  type CompileResult,
  type RuleFieldError,
  type RuleMatch,
  type RuleMatcherFn,
  type RuleMode,
  type TagRule,
} from './rule-matcher';
export { MAX_PATTERN_LENGTH, MAX_REGEX_TEXT_LENGTH, unsafeRegexReason } from './regex-safety';
export { suggestKeywords, type KeywordSuggestion, type SuggestKeywordsOptions } from './keyword-suggester';
