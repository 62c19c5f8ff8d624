import { linkEnd, missingEnds } from './link-ends';

describe('filing result link ends', () => {
  it('names a clipping by its headline and page', () => {
    expect(linkEnd({ id: 3, title: '鱼台“脚步作风”护航学生上学路', body: '正文', pageLabel: '1' })).toEqual({
      id: 3,
      headline: '鱼台“脚步作风”护航学生上学路',
      pageLabel: '1',
    });
    expect(
      linkEnd({
        id: 4,
        title: null,
        body: '身着鲜亮红色护学马甲的县第二实验中学小学部主任闫兵深有感触地说',
        pageLabel: '2',
      }).headline,
    ).toBe('身着鲜亮红色护学马甲的县第二实验中学小学部主任闫兵深有感触地…');
  });

  it('lists the ends filed elsewhere once each', () => {
    const known = new Map([[1, linkEnd({ id: 1, title: '甲', body: '', pageLabel: '1' })]]);
    expect(
      missingEnds(
        [
          { headId: 1, tailId: 7 },
          { headId: 2, tailId: 7 },
        ],
        known,
      ),
    ).toEqual([2, 7]);
  });
});
