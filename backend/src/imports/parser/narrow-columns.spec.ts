import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePage } from './page-parser';
import { cutKeyValueBlock } from './rejoin';
import { hasHeadingShape } from './text-rules';
import {
  type GoldRef,
  type RewrapMode,
  f1,
  rewrapLine,
  rewrapPage,
  scoreSegmentation,
} from './rewrap.testing';

const FIXTURES = join(__dirname, '../../../../tests/fixtures/pages');
const gold = JSON.parse(readFileSync(join(FIXTURES, 'gold.json'), 'utf8')) as {
  pages: Array<{ file: string; clippings: GoldRef[] }>;
};
const pages = gold.pages.map((p) => ({ ...p, text: readFileSync(join(FIXTURES, p.file), 'utf8') }));

function scoreAt(width: number, mode: RewrapMode) {
  let matched = 0;
  let total = 0;
  let proposed = 0;
  const missed: string[] = [];
  const continuationsMissing: string[] = [];
  const lost: string[] = [];
  for (const page of pages) {
    const text = rewrapPage(page.text, width, mode);
    const s = scoreSegmentation(page.clippings, parsePage(text), text);
    matched += s.matched;
    total += s.gold;
    proposed += s.proposed;
    missed.push(...s.missed);
    continuationsMissing.push(...s.continuationsMissing.map((c) => `${page.file}: ${c}`));
    lost.push(...s.lost);
  }
  return { f1: f1(matched, total, proposed), matched, total, proposed, missed, continuationsMissing, lost };
}

describe('rewrap helper', () => {
  it('cuts lines to the width and keeps blank lines', () => {
    expect(rewrapLine('新华社北京10月21日电', 5)).toEqual(['新华社北京', '10月21', '日电']);
    expect(rewrapPage('一二三四五六七\n\n甲乙', 3)).toBe('一二三\n四五六\n七\n\n甲乙');
  });

  it('in paragraph mode glues wrapped lines first, keeping headlines and short last lines apart', () => {
    const page = '标题\n一二三四五六七八九十\n甲乙丙丁。\n下一段\n\n末行';
    expect(rewrapPage(page, 6, 'paragraph')).toBe('标题\n一二三四五六\n七八九十甲乙\n丙丁。\n下一段\n\n末行');
  });
});

/**
 * The two sample pages re-wrapped to narrow columns and scored against their gold, with the reference
 * scorer's matching rule. Floors are the scores reached so far (a ratchet: raise them, never lower them).
 */
describe('narrow columns: the sample pages re-wrapped', () => {
  const floors: Record<RewrapMode, Record<number, number>> = {
    line: { 9: 0.96, 12: 0.96, 14: 0.87, 18: 1 },
    paragraph: { 9: 0.92, 12: 1, 14: 1, 18: 0.96 },
  };
  for (const mode of ['line', 'paragraph'] as const) {
    for (const width of [9, 12, 14, 18]) {
      it(`${mode} mode, ${width} characters: nothing lost, every continuation found, F1 ≥ ${floors[mode][width]}`, () => {
        const s = scoreAt(width, mode);
        expect(s.lost).toEqual([]);
        expect(s.continuationsMissing).toEqual([]);
        expect(s.f1).toBeGreaterThanOrEqual(floors[mode][width] ?? 1);
      });
    }
  }
});

describe('narrow columns: signals cut at a wrap point (examples)', () => {
  it('a jump marker cut across lines still opens the continuation', () => {
    const p = parsePage('（上接1\n版A）清风扬帆，锻造忠诚廉洁\n的青年干部队伍。\n');
    expect(p.clippings).toHaveLength(1);
    expect(p.clippings[0]?.continuesFrom).toMatchObject({ page: '1', label: 'A' });
    expect(p.clippings[0]?.body).toBe('清风扬帆，锻造忠诚廉洁的青年干部队伍。');
  });

  it('a closing 下转 marker cut across three lines', () => {
    const p = parsePage('今年以来，全县新建\n道路三十公里。（下\n转第\n二版）\n');
    expect(p.clippings[0]?.continuesTo).toMatchObject({ page: '2' });
    expect(p.clippings[0]?.body).toBe('今年以来，全县新建道路三十公里。');
  });

  it('a closing dateline cut across lines', () => {
    const p = parsePage('加强课题研究。 新华\n社北京10月21日电\n');
    expect(p.clippings[0]).toMatchObject({ dateline: '新华社北京10月21日电', body: '加强课题研究。' });
  });

  it('a lead dateline with its bracketed byline cut across three lines', () => {
    const p = parsePage('新华社北京10月2\n1日电（记者 于文\n静）目前，全国秋收\n秋种正稳步推进。\n');
    expect(p.clippings[0]).toMatchObject({ dateline: '新华社北京10月21日电', byline: '记者 于文静' });
  });

  it('a photo credit cut after a finished sentence', () => {
    const p = parsePage('新建潍坊至烟台高铁开通运营。\n■新华社记者 郭\n绪雷 摄\n');
    expect(p.clippings[0]?.byline).toBe('新华社记者 郭绪雷 摄');
  });

  it('an ad whose keys were cut by the column stays one ad', () => {
    const p = parsePage(
      '“确保圆满完成任务。”局长李璐说。\n\n消费促进年 以旧换新展销活\n动 时间：10月23日 主办\n单位：市商务局 承办单位：融媒公司\n',
    );
    expect(p.clippings.map((c) => c.kind)).toEqual(['article', 'ad']);
  });

  it('a key cut across lines is glued only in a paragraph with colons (the pre-check before gluing)', () => {
    const ad = [
      '消费促进年 以旧换新展销活',
      '动 时间：10月23日 主办',
      '单位：市商务局 承办单位：融媒公司',
      '',
    ];
    expect(cutKeyValueBlock(ad, 0)).toBe(2);
    // the same lines with their colons gone: no key, nothing glued
    expect(
      cutKeyValueBlock(
        ad.map((t) => t.replace(/：/g, '')),
        0,
      ),
    ).toBe(0);
    // a colon in the paragraph's last line is found too
    const late = ['活动时间 10月23日 主办', '单位 市商务局 承办单位：融媒公司', ''];
    expect(cutKeyValueBlock(late, 0)).toBe(0);
    expect(cutKeyValueBlock(['时间：10月23日 主办', '单位：市商务局', ''], 0)).toBe(1);
  });

  it('a marker whole on its line is left as printed', () => {
    const p = parsePage('（上接1版B）\n“近年来，我们相继出台多项措施。”\n');
    expect(p.clippings[0]?.continuesFrom).toMatchObject({ page: '1', label: 'B' });
  });

  it('a short wrapped line opened by a month (`今年3月，…`) is a lead sentence, not a headline', () => {
    expect(hasHeadingShape('今年3月，鱼台县开始实施')).toBe(false);
    expect(hasHeadingShape('2023年5月份，全县')).toBe(false);
    expect(hasHeadingShape('三月春风')).toBe(true);
  });
});
