import { chooseRunSplit, closesHeadline, hangsOn, leadsOn, runGaps, scoreRunSplit } from './heading-runs';
import { textBigrams } from './similarity';
import { makeHeading } from './tokenise';

const block = (line: number, ...texts: string[]) =>
  makeHeading(texts.map((text, i) => ({ line: line + i, text, gapBefore: i === 0 })));
const side = (text: string, prior = 0) => ({ grams: textBigrams(text), prior });

describe('a run of headline blocks between two bodies', () => {
  const before = side('全国秋粮已收获76.5%，秋收秋种正稳步推进，农业农村部介绍。');
  const after = side('潍烟高铁复兴号首发列车驶入莱州站，新建潍坊至烟台高铁开通运营。');

  it('gives each block to the body it shares vocabulary with', () => {
    const run = [block(10, '全国秋收秋种稳步推进'), block(12, '潍烟高铁开通运营')];
    expect(chooseRunSplit(run, before, after)).toBe(1);
  });

  it('never cuts between a kicker ending in —— and its title, nor before a —— subtitle', () => {
    const kicker = block(10, '江西吉安市大力弘扬井冈山精神——');
    const title = block(12, '潍烟高铁开通运营');
    const sub = block(14, '——写在首发之际');
    expect(leadsOn(kicker)).toBe(true);
    expect(hangsOn(sub)).toBe(true);
    expect(closesHeadline(block(1, '向阳生长  逐梦前行（今日谈）'))).toBe(true);
    expect(chooseRunSplit([kicker, title], before, after)).not.toBe(1);
    expect(chooseRunSplit([title, sub], before, after)).not.toBe(1);
  });

  it('counts a side’s prior once, however many blocks go to it', () => {
    const run = [block(10, '全国秋收秋种稳步推进'), block(12, '潍烟高铁开通运营')];
    const withPrior = scoreRunSplit(run, before, side('潍烟高铁复兴号首发列车驶入莱州站', 0.3));
    expect(withPrior.at).toBe(1);
  });

  it('prefers the cut where the page leaves the most blank lines', () => {
    const run = [block(10, '小小明信片倡树大文明')];
    const neutral = side('与标题无关的文字。');
    expect(runGaps(run, 8, 13)).toEqual([1, 2]);
    expect(chooseRunSplit(run, neutral, { ...neutral }, runGaps(run, 8, 13))).toBe(1);
    expect(chooseRunSplit(run, neutral, { ...neutral }, runGaps(run, 7, 12))).toBe(0);
  });

  it('with one side missing, gives the whole run to the other', () => {
    const run = [block(1, '甲乙丙丁'), block(3, '戊己庚辛')];
    expect(chooseRunSplit(run, null, after)).toBe(0);
    expect(chooseRunSplit(run, before, null)).toBe(2);
  });
});
