import { gramText, headingBigrams, headingOverlap } from './similarity';

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
