import {
  GramTable,
  gramOf,
  gramText,
  headingBigrams,
  headingOverlap,
  sharedBigrams,
  textBigrams,
  wordIndex,
} from './similarity';

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

describe('a text’s bigrams in a typed table', () => {
  it('holds the same grams as a Set of them, each once', () => {
    const text = '目前，全国秋收秋种正稳步推进。截至10月20日，全国秋粮已收获76.5%，秋收秋种稳步推进';
    const table = textBigrams(text);
    const set = headingBigrams(text);
    expect(table.size).toBe(set.size);
    for (const g of set) expect(table.has(g)).toBe(true);
    expect(table.has(gramOf(wordIndex('潍'.charCodeAt(0)), wordIndex('烟'.charCodeAt(0))))).toBe(false);
    expect(table.countIn(set)).toBe(set.size);
    expect(table.countIn(headingBigrams('全国秋粮 潍烟高铁'))).toBe(3);
  });

  it('stops at the window and fills to capacity without losing a gram', () => {
    expect(textBigrams('秋收秋种', 2).size).toBe(1);
    const many = new GramTable(3000);
    for (let g = 0; g < 3000; g++) many.add(g * 40_000);
    for (let g = 0; g < 3000; g++) many.add(g * 40_000);
    expect(many.size).toBe(3000);
    expect(many.has(2999 * 40_000)).toBe(true);
    expect(many.has(1)).toBe(false);
  });
});

describe('sharedBigrams', () => {
  const texts = [
    '',
    '全国秋粮已收获76.5%，秋收秋种稳步推进',
    '秋种进展顺利，全国秋粮收获过半',
    '潍烟高铁首发列车驶入莱州站',
    'G9227 首发 列车 ABC abc abc',
    '进 聚\u3000力量　秋收秋收秋收',
  ];
  it.each(texts.flatMap((a) => texts.map((b) => [a, b])))('counts %j and %j as two GramTables do', (a, b) => {
    const ga = textBigrams(a, a.length);
    const gb = textBigrams(b, b.length);
    expect(sharedBigrams(a, b)).toEqual({ a: ga.size, b: gb.size, both: ga.countIn(gb) });
  });

  it('gives the same counts after a longer pair grew its table', () => {
    const long =
      '秋收秋种稳步推进'.repeat(400) +
      Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x4e00 + i)).join('');
    const before = sharedBigrams('全国秋粮', '秋粮收获');
    expect(sharedBigrams(long, long).both).toBe(textBigrams(long, long.length).size);
    expect(sharedBigrams('全国秋粮', '秋粮收获')).toEqual(before);
  });
});
