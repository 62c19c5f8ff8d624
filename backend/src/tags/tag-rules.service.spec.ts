import { ruleText } from './clipping-text';
import { compileOrFail, ruleValidationFailed } from './tag-rules.service';

describe('rule validation for the API', () => {
  it('prefixes field errors with rule. and groups them per field', () => {
    const error = ruleValidationFailed([
      { field: 'pattern', code: 'invalid_regex', message: 'bad' },
      { field: 'pattern', code: 'unsafe_regex', message: 'worse' },
      { field: '', code: 'invalid_type', message: 'rule must be an object' },
    ]);
    expect((error.getResponse() as { details: unknown }).details).toEqual([
      { field: 'rule.pattern', errors: ['bad', 'worse'] },
      { field: 'rule', errors: ['rule must be an object'] },
    ]);
  });

  it('compiles a valid rule and refuses an invalid one', () => {
    expect(compileOrFail({ mode: 'any', terms: ['梁山县'] })('济宁市梁山县人民政府').matched).toBe(true);
    expect(() => compileOrFail({ mode: 'regex', terms: [], pattern: '(a+)+$' })).toThrow('Validation failed');
  });
});

describe('ruleText', () => {
  it('joins kicker, title, subtitle and body, skipping empty fields', () => {
    expect(ruleText({ kicker: '民生', title: null, subtitle: '副题', body: '正文' })).toBe(
      '民生\n副题\n正文',
    );
  });
});
