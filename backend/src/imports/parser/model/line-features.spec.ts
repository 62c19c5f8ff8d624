import { LINE_FEATURES, cohesion, isTitleCandidate, lineFeatures, localWidths } from './line-features';
import { tokenise } from '../tokenise';

describe('what the headline model sees of a line', () => {
  const atoms = tokenise(
    '全国秋收秋种稳步推进\n\n目前，全国秋收秋种正稳步推进。截至\n10月20日，全国秋粮已收获76.5%，进\n度同比快1.2个百分点。\n',
  ).atoms;

  it('asks only about lines that could print a headline', () => {
    expect(atoms.map((a) => isTitleCandidate(a))).toEqual([true, false, false, false]);
  });

  it('one vector per candidate, in the declared order, null for the rest', () => {
    const xs = lineFeatures(
      atoms,
      atoms.map(() => false),
    );
    expect(xs[0]).toHaveLength(LINE_FEATURES.length);
    expect(xs.slice(1)).toEqual([null, null, null]);
    const f = Object.fromEntries(LINE_FEATURES.map((n, i) => [n, xs[0]?.[i]]));
    expect(f).toMatchObject({ bias: 1, gapAfter: 1, endsSentence: 0, first: 1, overlapBefore: 0 });
    expect(f['overlapAfter']).toBeGreaterThan(0.5);
  });

  it('estimates the column width around a line from its neighbours', () => {
    expect(localWidths(atoms)[2]).toBeGreaterThanOrEqual(17);
  });

  it('cohesion: text that goes on shares vocabulary, another story does not', () => {
    expect(
      cohesion('全国秋粮已收获76.5%，秋收秋种稳步推进', '秋种进展顺利，全国秋粮收获过半'),
    ).toBeGreaterThan(0.2);
    expect(cohesion('全国秋粮已收获76.5%', '潍烟高铁首发列车驶入莱州站')).toBe(0);
  });
});
