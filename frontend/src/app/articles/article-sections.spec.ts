import { articleSections, downloadName } from './article-sections';

describe('articleSections', () => {
  const body =
    '鱼台县交警大队牵头实施整治工程，全县31所中小学校的48个校区已全部改造完毕。\n“现在学校周边的交通环境令人放心了。”';
  const cut = body.indexOf('已全部');

  it('cuts the body at the page boundaries and marks page changes', () => {
    const sections = articleSections({
      body,
      boundaries: [
        { clippingId: 8, pageLabel: '2', start: cut, end: body.length },
        { clippingId: 7, pageLabel: '1', start: 0, end: cut },
      ],
    });
    expect(sections).toEqual([
      { clippingId: 7, pageLabel: '1', paragraphs: [body.slice(0, cut)], newPage: false },
      {
        clippingId: 8,
        pageLabel: '2',
        paragraphs: ['已全部改造完毕。', '“现在学校周边的交通环境令人放心了。”'],
        newPage: true,
      },
    ]);
  });

  it('puts no divider between two parts of one page', () => {
    const sections = articleSections({
      body: '甲乙丙丁',
      boundaries: [
        { clippingId: 1, pageLabel: '2', start: 0, end: 2 },
        { clippingId: 2, pageLabel: '2', start: 2, end: 4 },
      ],
    });
    expect(sections.map((s) => s.newPage)).toEqual([false, false]);
  });

  it('shows the whole body when there are no boundaries', () => {
    expect(articleSections({ body: '一段。\n\n二段。', boundaries: [] })).toEqual([
      { clippingId: null, pageLabel: '', paragraphs: ['一段。', '二段。'], newPage: false },
    ]);
  });
});

describe('downloadName', () => {
  it('prefers the UTF-8 file name, then the plain one, then a default', () => {
    expect(
      downloadName('attachment; filename="a.md"; filename*=UTF-8\'\'%E9%B1%BC%E5%8F%B0.md', 3, 'md'),
    ).toBe('鱼台.md');
    expect(downloadName('attachment; filename="article-3.txt"', 3, 'txt')).toBe('article-3.txt');
    expect(downloadName(null, 3, 'md')).toBe('article-3.md');
    expect(downloadName("attachment; filename*=UTF-8''%E0%A4", 3, 'md')).toBe('article-3.md');
  });
});
