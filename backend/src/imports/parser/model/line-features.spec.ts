import {
  LINE_FEATURES,
  cohesion,
  endsInWord,
  FEATURE_INDEX,
  hasInnerSpace,
  innerCommas,
  isTitleCandidate,
  lineFeatureRows,
  lineFeatures,
  localWidths,
} from './line-features';
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

describe('the line model’s character tests read as the regular expressions they replace', () => {
  const samples = [
    '',
    ' ',
    '全国 秋收',
    '全国\u3000\u3000秋收',
    ' 全国',
    '全国 ',
    '全国 \t秋收',
    '全国\t 秋收',
    'a \u00a0b',
    '全国，秋收。进度；快;',
    '，，，，',
    '稳步推进2',
    '稳步推进Z',
    '稳步推进）',
    '\ud840\udc00',
    '豈',
  ];
  it('innerSpace, innerCommas, noFinalPunct', () => {
    for (const t of samples) {
      expect([t, hasInnerSpace(t)]).toEqual([t, /\S[ \u3000]{1,}\S/.test(t)]);
      expect([t, innerCommas(t)]).toEqual([t, Math.min(3, (t.match(/[，,。；;]/g) ?? []).length)]);
      expect([t, endsInWord(t)]).toEqual([t, /[\u3400-\u9fffA-Za-z0-9]$/.test(t)]);
    }
  });

  it('writes each feature in the column the weights were trained on', () => {
    expect(LINE_FEATURES.map((n) => FEATURE_INDEX[n])).toEqual(LINE_FEATURES.map((_, i) => i));
  });

  it('rows: one per candidate in a wider stride, the extra columns left to the caller', () => {
    const page = tokenise('标题一行\n\n正文第一句话写在这里。\n第二行的正文\n短标题\n本报记者 张三\n').atoms;
    const rule = page.map(() => false);
    const rows = lineFeatureRows(page, rule, undefined, LINE_FEATURES.length + 2);
    const xs = lineFeatures(page, rule);
    for (let k = 0; k < page.length; k++) {
      const r = rows.rowOf[k] ?? -1;
      if (xs[k] === null) expect(r).toBe(-1);
      else {
        const row = Array.from(rows.values.subarray(r * rows.stride, (r + 1) * rows.stride));
        expect(row).toEqual([...(xs[k] ?? []), 0, 0]);
      }
    }
    expect(rows.rowOf.filter((r) => r >= 0).length).toBeGreaterThan(1);
  });
});
