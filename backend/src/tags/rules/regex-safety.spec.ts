import fc from 'fast-check';
import { unsafeRegexReason } from './regex-safety';
import { compileRule } from './rule-matcher';

describe('unsafeRegexReason', () => {
  it.each([
    '(a+)+$',
    '(a*)*b',
    '(a|a)*$',
    '(a|aa)+$',
    '(\\d|\\w)+x',
    '(.*a){20}',
    '([a-z]+)*$',
    '(\\w+\\s?)*$',
    '(x+x+)+y',
    '(?:a{1,50}){2,}',
    '.*.*.*x',
    '\\d+\\d*',
    '(a)\\1',
    '(?<n>a)\\k<n>',
    'a+b+c+d+e+f+',
    '(?:(ab|a)?a{2})+c',
    '.*梁山',
    '梁山[^，]+县',
    '\\p{Script=Han}+县',
    'a*b?a*c',
    '.{0,5000}x',
  ])('rejects %s', (pattern) => {
    expect(unsafeRegexReason(pattern)).not.toBeNull();
  });

  it.each([
    '梁山',
    '梁山.{0,10}文明',
    '(高铁|动车)开通',
    '(高铁|动车)+开通',
    '\\d{4}年\\d{1,2}月',
    '同比增长\\d+(?:\\.\\d+)?%',
    '[\\u4e00-\\u9fa5]{2,4}县',
    '^新华社',
    '乡村振兴|共同富裕',
    '\\p{Script=Han}{1,10}县',
    '\\d+万亩',
    '[0-9]+(万|亿)元',
  ])('accepts %s', (pattern) => {
    expect(unsafeRegexReason(pattern)).toBeNull();
  });

  it('accepted patterns stay fast on adversarial input (property)', () => {
    const atoms = ['a', 'b', '.', '\\d', '\\w', '[ab]', '(a|b)', '(ab|a)', '(?:a+)', '(a|aa)'];
    const quants = ['', '*', '+', '?', '{2}', '{1,3}', '{2,}'];
    const piece = fc.tuple(fc.constantFrom(...atoms), fc.constantFrom(...quants)).map(([a, q]) => a + q);
    const patternArb = fc.array(piece, { minLength: 1, maxLength: 5 }).map((ps) => `(?:${ps.join('')})+c`);
    fc.assert(
      fc.property(patternArb, (pattern) => {
        const result = compileRule({ mode: 'regex', terms: [], pattern });
        if (!result.ok) return; // rejected: fine
        const evil = 'a'.repeat(2000) + 'b'.repeat(2000) + 'ab'.repeat(1000);
        const t0 = Date.now();
        result.match(evil);
        // a hang guard, not a speed target: catastrophic backtracking on 6,000 characters takes minutes
        expect(Date.now() - t0).toBeLessThan(3000);
      }),
      { numRuns: 300 },
    );
  });
});
