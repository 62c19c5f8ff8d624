import type { ApiError } from '@jianbao/contracts';
import { EMPTY_RULE_DRAFT, draftToRule, parseTerms, ruleErrorsOf, ruleToDraft, sameRule } from './tag-rule';

describe('parseTerms', () => {
  it('splits on lines and list punctuation, trims, drops blanks and repeats', () => {
    expect(parseTerms(' 明信片 \n\n文明，志愿者、明信片;义工')).toEqual(['明信片', '文明', '志愿者', '义工']);
    expect(parseTerms('   \n ')).toEqual([]);
  });
});

describe('draftToRule / ruleToDraft', () => {
  it('is null until there is something to match', () => {
    expect(draftToRule(EMPTY_RULE_DRAFT)).toBeNull();
    expect(draftToRule({ ...EMPTY_RULE_DRAFT, mode: 'regex', termsText: '明信片' })).toBeNull();
  });

  it('sends terms for word modes and only the pattern for regex', () => {
    expect(draftToRule({ ...EMPTY_RULE_DRAFT, termsText: '明信片\n文明' })).toEqual({
      mode: 'any',
      terms: ['明信片', '文明'],
      caseSensitive: false,
    });
    expect(
      draftToRule({ mode: 'regex', termsText: 'x', pattern: ' 梁山.{0,4}明信片 ', caseSensitive: true }),
    ).toEqual({ mode: 'regex', terms: [], pattern: '梁山.{0,4}明信片', caseSensitive: true });
  });

  it('round-trips a saved rule', () => {
    const rule = { mode: 'all' as const, terms: ['梁山', '文明'], caseSensitive: false };
    expect(draftToRule(ruleToDraft(rule))).toEqual(rule);
    expect(ruleToDraft(null)).toEqual(EMPTY_RULE_DRAFT);
    expect(ruleToDraft({ mode: 'regex', terms: [], pattern: 'a+' }).pattern).toBe('a+');
  });
});

describe('sameRule', () => {
  it('compares mode, terms, pattern (regex only) and case', () => {
    const a = { mode: 'any' as const, terms: ['a'] };
    expect(sameRule(a, { ...a, caseSensitive: false })).toBe(true);
    expect(sameRule(a, { ...a, caseSensitive: true })).toBe(false);
    expect(sameRule(a, { ...a, pattern: 'ignored' })).toBe(true);
    expect(sameRule(a, null)).toBe(false);
    expect(sameRule(null, undefined)).toBe(true);
  });
});

describe('ruleErrorsOf', () => {
  const bad = (details: unknown, message = 'Bad Request'): ApiError => ({
    statusCode: 400,
    error: 'Bad Request',
    message,
    details,
  });

  it('puts the regex message beside the pattern field', () => {
    const errors = ruleErrorsOf(
      bad([
        { field: 'rule.pattern', errors: ['Invalid regular expression: missing )'] },
        { field: 'rule.terms.0', errors: ['must not be empty'] },
        { field: 'rule.mode', errors: ['must be one of any, all'] },
        { field: 'rule', errors: ['too long'] },
        { field: 'name', errors: ['taken'] },
      ]),
    );
    expect(errors).toEqual({
      pattern: ['Invalid regular expression: missing )'],
      terms: ['must not be empty'],
      other: ['must be one of any, all', 'too long', 'name: taken'],
    });
  });

  it('falls back to the message for a 400 without details and ignores junk', () => {
    expect(ruleErrorsOf(bad(undefined, 'rule is invalid')).other).toEqual(['rule is invalid']);
    expect(ruleErrorsOf(bad([null, 3, { field: 1 }], 'x')).other).toEqual(['x']);
    expect(ruleErrorsOf({ statusCode: 500, error: 'E', message: 'boom' })).toEqual({
      pattern: [],
      terms: [],
      other: [],
    });
  });
});
