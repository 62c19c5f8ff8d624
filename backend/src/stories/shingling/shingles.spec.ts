import fc from 'fast-check';
import { normaliseForShingles } from './normalise';
import { DEFAULT_SHINGLE_SIZE, shingles, shinglesOfNormalised } from './shingles';

describe('normaliseForShingles', () => {
  it('removes whitespace, line breaks and punctuation, folds width, keeps digits', () => {
    expect(normaliseForShingles('（一）持续强化\n产业工人， 队伍\u3000建设。２０２４年60%')).toBe(
      '一持续强化产业工人队伍建设2024年60',
    );
    expect(normaliseForShingles('(一)持续强化产业工人,队伍建设.2024年60%')).toBe(
      '一持续强化产业工人队伍建设2024年60',
    );
  });

  it('lower-cases Latin letters and folds full-width ones', () => {
    expect(normaliseForShingles('ＡＥＯ认证 AEO')).toBe('aeo认证aeo');
  });

  it('makes two different line wrappings of the same text identical', () => {
    const a = '力争到2035年，\n培养造就2000名左右大国工匠、10000名\n左右省级工匠';
    const b = '力争到2035年，培养造就2000名左右大国\n工匠、10000名左右省级工匠';
    expect(normaliseForShingles(a)).toBe(normaliseForShingles(b));
  });
});

describe('shingles', () => {
  it('hashes every k-gram of the normalised text, sorted and unique', () => {
    const s = shingles('产业工人队伍建设改革', 5);
    expect(s.length).toBe(6);
    for (let i = 1; i < s.length; i++) expect(s[i]!).toBeGreaterThan(s[i - 1]!);
  });

  it('is insensitive to line breaks and punctuation', () => {
    expect(Array.from(shingles('产业工人，队伍\n建设改革。'))).toEqual(
      Array.from(shingles('产业工人队伍建设改革')),
    );
  });

  it('counts a repeated k-gram once', () => {
    expect(shingles('哈哈哈哈哈哈哈哈哈哈', 5).length).toBe(1);
  });

  it('gives one shingle for a text shorter than k and none for an empty text', () => {
    expect(shingles('工匠', 5).length).toBe(1);
    expect(shingles('  。，\n', 5).length).toBe(0);
  });

  it('defaults to k = 5 and distinguishes k', () => {
    const text = '坚持以习近平新时代中国特色社会主义思想为指导';
    expect(Array.from(shingles(text))).toEqual(Array.from(shingles(text, DEFAULT_SHINGLE_SIZE)));
    expect(Array.from(shingles(text, 6))).not.toEqual(Array.from(shingles(text, 5)));
  });

  it('rejects a non-positive k', () => {
    expect(() => shingles('文本', 0)).toThrow(RangeError);
  });

  it('agrees with hashing every substring separately (rolling hash is exact)', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'产业工人大国工匠改革建设发展12AB'),
          minLength: 0,
          maxLength: 60,
        }),
        fc.integer({ min: 1, max: 8 }),
        (text, k) => {
          const norm = normaliseForShingles(text);
          const whole = Array.from(shinglesOfNormalised(norm, k));
          if (norm.length < k) return whole.length === (norm.length === 0 ? 0 : 1);
          const grams = new Set<string>();
          for (let i = 0; i + k <= norm.length; i++) grams.add(norm.slice(i, i + k));
          const separately = new Set<number>();
          for (const g of grams) separately.add(shinglesOfNormalised(g, k)[0]!);
          return whole.length === separately.size && whole.every((h) => separately.has(h));
        },
      ),
    );
  });

  it('shingles 1 MB of text (its speed is in the stories and filing benches)', () => {
    const unit = '产业工人是工人阶级的主体力量，是创造社会财富的中坚力量。2024年10月21日，新华社北京电。';
    let text = '';
    let i = 0;
    while (text.length < 1_000_000) text += unit.slice(i % 7) + String(i++);
    const s = shingles(text);
    expect(s.length).toBeGreaterThan(1000);
    expect(shingles(text)).toEqual(s);
  });
});
