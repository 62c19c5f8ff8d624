import { jump } from './fixtures.testing';
import { reassemble, toMarkdown, toPlainText, type ReassemblyPart } from './reassemble';

const p = (
  id: string,
  pageLabel: string,
  body: string,
  from: string | null,
  to: string | null,
): ReassemblyPart => ({
  id,
  pageLabel,
  body,
  continuesFrom: from ? jump(from.replace(/\D/g, '') || '1', null, from) : null,
  continuesTo: to ? jump(to.replace(/\D/g, '') || '2', null, to) : null,
});

describe('reassemble', () => {
  it('joins a mid-sentence seam without break, space or lost characters', () => {
    const a = reassemble([
      p('h', '1', '全县31所中小学校的48个校区（下转第二版）', null, '（下转第二版）'),
      p('t', '2', '（上接第一版）已全部改造完毕。', '（上接第一版）', null),
    ]);
    expect(a.body).toBe('全县31所中小学校的48个校区已全部改造完毕。');
    expect(a.seams).toEqual(['inline']);
    expect(a.boundaries).toEqual([
      { partId: 'h', pageLabel: '1', start: 0, end: 15 },
      { partId: 't', pageLabel: '2', start: 15, end: a.body.length },
    ]);
    expect(a.body.slice(a.boundaries[1]!.start)).toBe('已全部改造完毕。');
  });

  it('removes wrap whitespace at the seam and keeps markers out even if bodies are pre-stripped', () => {
    const a = reassemble([
      p('h', '1', '培养造就\n', null, '（下转第二版）'),
      p('t', '2', '\n2000名左右大国工匠', '（上接第一版）', null),
    ]);
    expect(a.body).toBe('培养造就2000名左右大国工匠');
  });

  it('starts a new paragraph when the head ends a sentence', () => {
    const a = reassemble([
      p('h', '1', '会议部署了下一阶段工作。（下转2版）', null, '（下转2版）'),
      p('t', '2', '（上接1版）\n“近年来，我们相继出台多项措施。”', '（上接1版）', null),
    ]);
    expect(a.body).toBe('会议部署了下一阶段工作。\n“近年来，我们相继出台多项措施。”');
    expect(a.seams).toEqual(['paragraph']);
    expect(a.body.slice(a.boundaries[1]!.start)).toBe('“近年来，我们相继出台多项措施。”');
  });

  it('prints a separator doubled across the seam once', () => {
    const a = reassemble([
      p('h', '1', '要持续推进乡村振兴，（下转2版）', null, '（下转2版）'),
      p('t', '2', '（上接1版），带动农民增收。', '（上接1版）', null),
    ]);
    expect(a.body).toBe('要持续推进乡村振兴，带动农民增收。');
  });

  it('puts a space only between Latin letters', () => {
    const a = reassemble([
      p('h', '1', 'Made in（下转2版）', null, '（下转2版）'),
      p('t', '2', '（上接1版）China 制造', '（上接1版）', null),
    ]);
    expect(a.body).toBe('Made in China 制造');
  });

  it('handles three pages and keeps paragraph breaks inside parts', () => {
    const a = reassemble([
      p('p1', '1', '第一段。\n第二段的前半（下转第二版）', null, '（下转第二版）'),
      p('p2', '2', '（上接第一版）后半。\n第三段前半（下转第三版）', '（上接第一版）', '（下转第三版）'),
      p('p3', '3', '（上接第二版）后半。', '（上接第二版）', null),
    ]);
    expect(a.body).toBe('第一段。\n第二段的前半后半。\n第三段前半后半。');
    expect(a.boundaries.map((b) => [b.pageLabel, a.body.slice(b.start, b.end)])).toEqual([
      ['1', '第一段。\n第二段的前半'],
      ['2', '后半。\n第三段前半'],
      ['3', '后半。'],
    ]);
  });

  it('loses no character other than markers and seam whitespace', () => {
    const head = '产业工人是工人阶级的主体力量，是创造社会财富的中坚力量';
    const tail = '，是实施创新驱动发展战略的骨干力量。';
    const a = reassemble([
      p('h', '1', head + '（下转2版）', null, '（下转2版）'),
      p('t', '2', '（上接1版）' + tail, '（上接1版）', null),
    ]);
    expect(a.body).toBe(head + tail);
  });
});

describe('toPlainText / toMarkdown', () => {
  const article = reassemble(
    [
      p('h', '1', '全县31所中小学校的48个校区（下转第二版）', null, '（下转第二版）'),
      p('t', '2', '（上接第一版）已全部改造完毕。\n家长们交口称赞。', '（上接第一版）', null),
    ],
    { title: '鱼台：护学岗守护上学路', kicker: '校园安全', publication: '济宁日报', issueDate: '2024-10-22' },
  );

  it('plain text has title, meta line and a page marker', () => {
    expect(toPlainText(article)).toBe(
      '校园安全\n鱼台：护学岗守护上学路\n济宁日报 · 2024-10-22 · 第1、2版\n\n全县31所中小学校的48个校区\n——第2版——\n已全部改造完毕。\n家长们交口称赞。\n',
    );
  });

  it('markdown has a heading, italic meta, paragraphs and an italic page line', () => {
    expect(toMarkdown(article)).toBe(
      '*校园安全*\n\n# 鱼台：护学岗守护上学路\n\n*济宁日报 · 2024-10-22 · 第1、2版*\n\n全县31所中小学校的48个校区\n\n*（第2版）*\n\n已全部改造完毕。\n\n家长们交口称赞。\n',
    );
  });

  it('markdown escapes characters Markdown would interpret', () => {
    const a = reassemble([p('x', '1', '# 不是标题\n*强调*与[链接]', null, null)]);
    expect(toMarkdown(a)).toBe('*第1版*\n\n\\# 不是标题\n\n\\*强调\\*与\\[链接\\]\n');
  });

  it('the byline follows the meta line, the dateline opens the first paragraph', () => {
    const a = reassemble([p('x', '3', '一段文字。', null, null)], {
      title: '标题',
      byline: '本报记者 王小明',
      dateline: '本报济宁10月21日讯',
    });
    expect(toPlainText(a)).toBe('标题\n第3版\n本报记者 王小明\n\n本报济宁10月21日讯 一段文字。\n');
    expect(toMarkdown(a)).toBe('# 标题\n\n*第3版*\n\n本报记者 王小明\n\n**本报济宁10月21日讯** 一段文字。\n');
  });

  it('an article on one page has no page marker', () => {
    const a = reassemble([p('x', '3', '一段文字。', null, null)], { title: '标题' });
    expect(toPlainText(a)).toBe('标题\n第3版\n\n一段文字。\n');
  });
});
