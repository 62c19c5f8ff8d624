import { parsePage } from './page-parser';
import { modalLength } from './segments';

const bodies = (text: string): string[] => parsePage(text).clippings.map((c) => c.body.replace(/\n/g, ''));

describe('where one article ends and the next begins (without a headline between)', () => {
  it('two blank lines after a finished sentence part two articles; one is a column break', () => {
    const a = '今年以来，青山县抢抓晴好天气，\n组织收储企业开足马力收购秋粮。';
    const b = '当地时间6月9日至10日，第二届世界\n古典学大会在希腊雅典隆重举办。';
    expect(bodies(`${a}\n\n\n${b}\n`)).toHaveLength(2);
    expect(bodies(`${a}\n\n${b}\n`)).toHaveLength(1);
  });

  it('a note in brackets closes its article, wrapped over lines or not', () => {
    const next = '\n\n白河镇把全镇划分为68个网格，\n推动矛盾纠纷就地化解。\n';
    const note = parsePage(`新大众诗歌真切书写了人生。\n（作者为上海交通大学\n人文学院教授）${next}`);
    expect(note.clippings).toHaveLength(2);
    expect(note.clippings[0]?.body).toContain('（作者为上海交通大学人文学院教授）');
    expect(note.clippings[1]?.title).toBeNull();
    // a credit in brackets closes it too, as its byline
    const credit = parsePage(`青山县确保农民售粮不排队。\n（本报记者何昭宇、姚雪青\n、刘军国）${next}`);
    expect(credit.clippings).toHaveLength(2);
    expect(credit.clippings[0]?.byline).toContain('何昭宇');
  });

  it('■ summary points between a headline and its lead stay with the article', () => {
    const p = parsePage(
      '习近平对东西部协作工作作出重要指示\n\n■ 东西部协作开展30年来，在\n助力脱贫攻坚等方面发挥了重要作用\n■ 要总结运用闽宁协作等有益经验。\n新华社北京6月17日电  中共中央总书记\n习近平近日作出重要指示。\n',
    );
    expect(p.clippings).toHaveLength(1);
    expect(p.clippings[0]).toMatchObject({
      title: '习近平对东西部协作工作作出重要指示',
      dateline: '新华社北京6月17日电',
    });
  });

  it('a photo caption and its credit right after an article’s byline stay in the article', () => {
    const p = parsePage(
      '全国首支交管机器人中队亮相杭州\n\n本报记者  窦瀚洋\n交管机器人参与马拉松交通保障。\n　　沈静瑜摄\n下班晚高峰，浙江省杭州市拱墅区体育场路和\n延安路路口，一台交管机器人正在指挥交通。\n',
    );
    expect(p.clippings).toHaveLength(1);
    expect(p.clippings[0]?.byline).toBe('本报记者  窦瀚洋');
    expect(p.clippings[0]?.lines).toEqual(expect.arrayContaining([{ line: 3, role: 'caption' }]));
  });

  it('a lead alone on its line opens the body as printed', () => {
    const [c] = parsePage(
      '云南完善生育医疗保障体系\n本报昆明7月14日电  （记者叶传增）\n云南省医保局近日联合印发通知。\n',
    ).clippings;
    expect(c?.body.startsWith('本报昆明7月14日电')).toBe(true);
    expect(c).toMatchObject({
      dateline: '本报昆明7月14日电',
      byline: '记者叶传增',
      title: '云南完善生育医疗保障体系',
    });
  });
});

describe('continuation tails and credits cut by the column (kinds of misses seen on other papers)', () => {
  it('a subhead glued to the 上接 marker stays a subhead of the tail; a continued sentence stays body', () => {
    const [tail] = parsePage(
      '（上接第一版）严防死守保安全\n各地加强巡查，全县共排查隐患120处，\n整改完成率达到95%以上。\n',
    ).clippings;
    expect(tail).toMatchObject({ title: null, subheads: ['严防死守保安全'] });
    expect(tail?.continuesFrom?.page).toBe('1');
    const [goesOn] = parsePage(
      '（上接1版C）身着鲜亮红色护学马甲的县\n第二实验中学小学部主任闫兵深有感触。\n',
    ).clippings;
    expect(goesOn?.subheads).toEqual([]);
    expect(goesOn?.body).toBe('身着鲜亮红色护学马甲的县第二实验中学小学部主任闫兵深有感触。');
  });

  it('a byline whose role word the column broke, names run together', () => {
    const [c] = parsePage(
      '白河镇小网格撑起大格局\n本报通讯 员 张三李四\n今年以来，白河镇把全镇划分为68个网格。\n',
    ).clippings;
    expect(c).toMatchObject({ title: '白河镇小网格撑起大格局', byline: '本报通讯 员 张三李四' });
  });
});

describe('briefs whose headline is printed on the line of their lead', () => {
  it('split the headline off the 本报讯 lead, one clipping each', () => {
    const p = parsePage(
      '青山镇开展消防演练 本报讯（记者 王芳）10月18日，青山镇组织消防演练。\n\n白水镇召开森林防火推进会 本报讯 近日，白水镇召开推进会。\n',
    );
    expect(p.clippings.map((c) => [c.title, c.dateline, c.byline])).toEqual([
      ['青山镇开展消防演练', '本报讯', '记者 王芳'],
      ['白水镇召开森林防火推进会', '本报讯', null],
    ]);
  });
});

describe('the common line length on one side of a blank line', () => {
  it('is the length found most often, the longer on a tie, and 0 when no length occurs twice', () => {
    expect(modalLength([18, 18, 17, 18, 9])).toBe(18);
    expect(modalLength([12, 18, 12, 18, 5])).toBe(18);
    expect(modalLength([18, 17, 16, 15])).toBe(0);
    expect(modalLength([])).toBe(0);
  });
});
