import fc from 'fast-check';
import {
  compileRule,
  compileRuleOrThrow,
  foldForFuzzy,
  validateRule,
  type RuleMatcherFn,
  type TagRule,
} from './rule-matcher';

const compile = (rule: TagRule): RuleMatcherFn => compileRuleOrThrow(rule);

describe('compileRule', () => {
  describe('any', () => {
    it('matches Chinese terms with no word boundaries', () => {
      const m = compile({ mode: 'any', terms: ['梁山县'] });
      expect(m('济宁市梁山县人民政府')).toEqual({ matched: true, hits: ['梁山县'] });
      expect(m('鱼台县人民政府')).toEqual({ matched: false, hits: [] });
    });

    it('lists every term found, once, in term order', () => {
      const m = compile({ mode: 'any', terms: ['移风易俗', '文明', '婚俗'] });
      expect(m('文明新风，移风易俗，文明实践')).toEqual({ matched: true, hits: ['移风易俗', '文明'] });
    });

    it('matches Latin terms case-insensitively and never inside a longer Latin word', () => {
      const m = compile({ mode: 'any', terms: ['AI'] });
      expect(m('AI赋能千行百业').matched).toBe(true);
      expect(m('用ai写稿').matched).toBe(true);
      expect(m('新技术（AI）').matched).toBe(true);
      expect(m('PAIR编程').matched).toBe(false);
      expect(m('MAIL').matched).toBe(false);
      expect(m('AI2大会').matched).toBe(false);
    });

    it('honours caseSensitive', () => {
      const m = compile({ mode: 'any', terms: ['AEO'], caseSensitive: true });
      expect(m('AEO认证').matched).toBe(true);
      expect(m('aeo认证').matched).toBe(false);
    });

    it('treats full-width Latin like half-width', () => {
      expect(compile({ mode: 'any', terms: ['AEO'] })('ＡＥＯ认证').matched).toBe(true);
      expect(compile({ mode: 'any', terms: ['ＡＩ'] })('AI赋能').matched).toBe(true);
    });

    it('ignores blank terms and trims terms', () => {
      expect(compile({ mode: 'any', terms: ['  ', ' 高铁 '] })('潍烟高铁开通')).toEqual({
        matched: true,
        hits: ['高铁'],
      });
    });
  });

  describe('all', () => {
    const m = (): RuleMatcherFn => compile({ mode: 'all', terms: ['高铁', '开通', '烟台'] });
    it('needs every term, in any order', () => {
      expect(m()('烟台至潍坊高铁今日开通')).toEqual({ matched: true, hits: ['高铁', '开通', '烟台'] });
    });
    it('reports partial hits when not matched', () => {
      expect(m()('高铁开通运营')).toEqual({ matched: false, hits: ['高铁', '开通'] });
    });
  });

  describe('phrase', () => {
    it('needs the terms adjacent and in order, allowing whitespace between them', () => {
      const m = compile({ mode: 'phrase', terms: ['交通', '安全'] });
      expect(m('学生交通安全提升行动')).toEqual({ matched: true, hits: ['交通安全'] });
      expect(m('学生交通\n安全').matched).toBe(true);
      expect(m('安全交通').matched).toBe(false);
      expect(m('交通秩序与安全').matched).toBe(false);
    });

    it('keeps the Latin boundary rule at the phrase edges', () => {
      const m = compile({ mode: 'phrase', terms: ['AI', '赋能'] });
      expect(m('以AI赋能产业').matched).toBe(true);
      expect(m('PAI赋能').matched).toBe(false);
    });

    it('treats regex metacharacters literally', () => {
      expect(compile({ mode: 'phrase', terms: ['1+1'] })('1+1=2').matched).toBe(true);
      expect(compile({ mode: 'phrase', terms: ['(上接'] })('（上接1版A）').matched).toBe(true);
    });
  });

  describe('regex', () => {
    it('matches and reports distinct hits', () => {
      const m = compile({ mode: 'regex', terms: [], pattern: '\\d+万亩' });
      expect(m('泗水县15万亩地瓜，另有3万亩，再有15万亩')).toEqual({
        matched: true,
        hits: ['15万亩', '3万亩'],
      });
    });

    it('is case-insensitive unless caseSensitive', () => {
      expect(compile({ mode: 'regex', terms: [], pattern: 'aeo认证' })('AEO认证').matched).toBe(true);
      expect(
        compile({ mode: 'regex', terms: [], pattern: 'aeo认证', caseSensitive: true })('AEO认证').matched,
      ).toBe(false);
    });

    it('is reusable (no lastIndex leaking between calls)', () => {
      const m = compile({ mode: 'regex', terms: [], pattern: '梁山' });
      expect(m('梁山县').matched).toBe(true);
      expect(m('梁山').matched).toBe(true);
    });
  });

  describe('fuzzy', () => {
    const m = (terms: string[]): RuleMatcherFn => compile({ mode: 'fuzzy', terms });

    it('tolerates whitespace, line breaks and punctuation between characters', () => {
      expect(m(['梁山县'])('梁 山\n县红旗社区')).toEqual({ matched: true, hits: ['梁 山\n县'] });
      expect(m(['移风易俗'])('移风、易俗').matched).toBe(true);
    });

    it('tolerates full-width vs half-width and case', () => {
      expect(m(['AEO认证'])('ａｅｏ 认证').matched).toBe(true);
      expect(m(['G9227'])('Ｇ９２２７次列车').matched).toBe(true);
    });

    it('allows one edit for terms of ≥ 4 characters', () => {
      expect(m(['乡村振兴'])('推进乡村振興').matched).toBe(true); // substitution
      expect(m(['乡村振兴'])('乡村的振兴').matched).toBe(true); // insertion
      expect(m(['移风易俗'])('深化移风易工作').matched).toBe(true); // deletion
      expect(m(['乡村振兴'])('乡村全面振兴').matched).toBe(false); // two edits
    });

    it('requires exact matches for shorter terms', () => {
      expect(m(['梁山县'])('梁山镇').matched).toBe(false);
      expect(m(['梁山县'])('梁山').matched).toBe(false);
    });

    it('keeps the Latin word boundary (checked on the original text)', () => {
      expect(m(['AI'])('PAIR').matched).toBe(false);
      expect(m(['AI'])('AI model').matched).toBe(true);
      expect(m(['AI'])('A I赋能').matched).toBe(true);
    });

    it('folds text with offsets back into the original', () => {
      expect(foldForFuzzy('Ａ，b c')).toEqual({ text: 'abc', offsets: [0, 2, 4] });
    });
  });

  it('never throws on arbitrary text for any valid rule (property)', () => {
    const rules: TagRule[] = [
      { mode: 'any', terms: ['梁山', 'AI'] },
      { mode: 'all', terms: ['高铁', '开通'] },
      { mode: 'phrase', terms: ['交通', '安全'] },
      { mode: 'regex', terms: [], pattern: '梁山.{0,5}县' },
      { mode: 'fuzzy', terms: ['乡村振兴', 'AEO'] },
    ];
    const matchers = rules.map(compile);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        for (const match of matchers) {
          const r = match(text);
          expect(typeof r.matched).toBe('boolean');
          expect(r.matched).toBe(r.hits.length > 0 || r.matched);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('any: a term inserted into CJK text is always found (property)', () => {
    const cjk = fc.string({
      unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
      maxLength: 50,
    });
    fc.assert(
      fc.property(
        cjk,
        cjk,
        fc.string({
          unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
          minLength: 1,
          maxLength: 6,
        }),
        (a, b, term) => {
          expect(compile({ mode: 'any', terms: [term] })(a + term + b).matched).toBe(true);
          expect(compile({ mode: 'fuzzy', terms: [term] })(a + [...term].join(' ') + b).matched).toBe(true);
        },
      ),
    );
  });
});

describe('validateRule', () => {
  it('accepts valid rules', () => {
    expect(validateRule({ mode: 'any', terms: ['梁山'] })).toEqual([]);
    expect(validateRule({ mode: 'regex', terms: [], pattern: '梁山.{0,10}文明' })).toEqual([]);
    expect(validateRule({ mode: 'regex', pattern: '(高铁|动车)+开通' })).toEqual([]);
    expect(validateRule({ mode: 'fuzzy', terms: ['移风易俗'], caseSensitive: false })).toEqual([]);
  });

  it.each([
    [null, ''],
    ['any', ''],
    [[], ''],
    [{ terms: ['a'] }, 'mode'],
    [{ mode: 'fancy', terms: ['a'] }, 'mode'],
    [{ mode: 'any' }, 'terms'],
    [{ mode: 'any', terms: [] }, 'terms'],
    [{ mode: 'any', terms: ['  '] }, 'terms'],
    [{ mode: 'any', terms: 'a' }, 'terms'],
    [{ mode: 'any', terms: ['a', 3] }, 'terms[1]'],
    [{ mode: 'any', terms: ['长'.repeat(101)] }, 'terms[0]'],
    [{ mode: 'any', terms: Array.from({ length: 201 }, (_, i) => `词${i}`) }, 'terms'],
    [{ mode: 'fuzzy', terms: ['，。！'] }, 'terms[0]'],
    [{ mode: 'any', terms: ['a'], caseSensitive: 'yes' }, 'caseSensitive'],
    [{ mode: 'regex', terms: [] }, 'pattern'],
    [{ mode: 'regex', pattern: 42 }, 'pattern'],
    [{ mode: 'regex', pattern: '(梁山' }, 'pattern'],
    [{ mode: 'regex', pattern: '[z-a]' }, 'pattern'],
    [{ mode: 'regex', pattern: '.*' }, 'pattern'],
    [{ mode: 'regex', pattern: '(a+)+$' }, 'pattern'],
    [{ mode: 'regex', pattern: 'x'.repeat(501) }, 'pattern'],
  ])('rejects %p with an error on %p', (rule, field) => {
    const errors = validateRule(rule);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => e.field)).toContain(field);
    for (const e of errors) expect(e.message).toEqual(expect.any(String));
  });

  it('compileRule returns the errors instead of throwing', () => {
    const r = compileRule({ mode: 'regex', terms: [], pattern: '(a|a)*$' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ field: 'pattern', code: 'unsafe_regex' });
    expect(() => compileRuleOrThrow({ mode: 'regex', terms: [], pattern: '(' })).toThrow(/invalid tag rule/);
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(Array.isArray(validateRule(input))).toBe(true);
        expect(typeof compileRule(input).ok).toBe('boolean');
      }),
    );
  });
});

describe('validateRule, unknown fields', () => {
  it('refuses fields a rule does not have instead of storing them', () => {
    expect(validateRule({ mode: 'any', terms: ['梁山县'], weight: 3 })).toEqual([
      { field: 'weight', code: 'invalid_value', message: 'weight is not a rule field' },
    ]);
  });
});
