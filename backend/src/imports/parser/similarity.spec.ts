import { gramOf, gramText, headingBigrams, headingOverlap, wordIndex } from './similarity';

describe('headingOverlap', () => {
  it('is high for the body a headline names and low for an unrelated one', () => {
    const head = '全国秋收秋种稳步推进';
    expect(headingOverlap(head, '目前，全国秋收秋种正稳步推进。截至10月20日')).toBeGreaterThan(0.8);
    expect(headingOverlap(head, '10月21日，潍烟高铁复兴号G9227首发列车驶入莱州站。')).toBe(0);
  });

  it('ignores punctuation and spaces when forming bigrams', () => {
    expect([...headingBigrams('向“新”而进 聚力前行')].map(gramText)).toEqual([
      '而进',
      '进聚',
      '聚力',
      '力前',
      '前行',
    ]);
    expect(headingOverlap('', '任何文字')).toBe(0);
  });
});

describe('grams as small integers', () => {
  it('numbers every letter, digit and Han character apart, and nothing else', () => {
    const words = ['0', '9', 'A', 'Z', 'a', 'z', '\u3400', '一', '\u9fff', '\uf900', '\ufaff'];
    const idx = words.map((c) => wordIndex(c.charCodeAt(0)));
    expect(new Set(idx).size).toBe(words.length);
    expect(Math.min(...idx)).toBe(0);
    expect(Math.max(...idx)).toBeLessThan(0x8000);
    for (const c of ['/', ':', '@', '[', '`', '{', '\u33ff', '\ua000', '\uf8ff', '\ufb00', '，', ' ']) {
      expect([c, wordIndex(c.charCodeAt(0))]).toEqual([c, -1]);
    }
  });

  it('reads each pair back, and every gram stays below 2^30', () => {
    for (const pair of ['09', 'Az', '一\u9fff', '\ufaffA', '\u3400\uf900']) {
      const g = gramOf(wordIndex(pair.charCodeAt(0)), wordIndex(pair.charCodeAt(1)));
      expect(g).toBeLessThan(2 ** 30);
      expect(gramText(g)).toBe(pair);
    }
  });
});
