import { cutBody, scorePageRegions } from './evaluate-regions';
import type { GoldClipping, GoldPage } from './score-preview';

const clipping = (c: Partial<GoldClipping> & Pick<GoldClipping, 'ref' | 'bodyStarts' | 'bodyEnds'>) => ({
  titles: [null],
  regions: [],
  regionsAlso: [],
  ...c,
});

describe('regions-only evaluation', () => {
  it('cuts a reference body out of the page, whitespace ignored', () => {
    const page = '标题今天梁山县召开会议会议要求抓好落实。下一篇';
    expect(cutBody(page, { bodyStarts: '今天 梁山', bodyEnds: '抓好\n落实。' })).toBe(
      '今天梁山县召开会议会议要求抓好落实。',
    );
    expect(cutBody(page, { bodyStarts: '明天', bodyEnds: '落实。' })).toBeNull();
  });

  it('scores found, missing, wrong and unjudged places like the preview scorer', () => {
    const text = [
      '梁山县开展文明实践活动。梁山县志愿者走进社区。',
      '泗水县15万亩地瓜陆续成熟。泗水县将甘薯产业做大。',
      '鱼台县交警改造校园周边道路。鱼台县交警大队表示。',
      '鱼台县交警改造校园周边道路。',
    ].join('\n');
    const page: GoldPage = {
      file: 'p.txt',
      clippings: [
        clipping({ ref: 'a', bodyStarts: '梁山县开展', bodyEnds: '走进社区。', regions: ['梁山县'] }),
        clipping({ ref: 'b', bodyStarts: '泗水县15万', bodyEnds: '做大。', regions: ['金乡县'] }),
        clipping({ ref: 'c', bodyStarts: '鱼台县交警改造', bodyEnds: '大队表示。', regionsAlso: null }),
        clipping({ ref: 'd', bodyStarts: '没有这段', bodyEnds: '表示。', regions: ['鱼台县'] }),
      ],
    };
    const s = scorePageRegions(page, text, '');
    expect(s.counts).toMatchObject({ regTP: 1, regFN: 2, regFP: 1, regUnjudged: 1 });
    expect(s.misses).toEqual([
      'd: cannot cut its body out of the page',
      'b: region 泗水县 is not what it is about',
      'b: region 金乡 missing',
      'c: region 鱼台县 not judged (regionsAlso null), not among its regions',
    ]);
  });
});
