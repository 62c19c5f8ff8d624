import { markHeadings } from './headings';
import { tokenise } from './tokenise';

/** The lines taken for headline lines. */
const headlines = (text: string): string[] =>
  markHeadings(tokenise(text).atoms).flatMap((a) => (a.t === 'heading' ? a.lines.map((l) => l.text) : []));

describe('which lines print a headline', () => {
  it('a title above its credit and body, and one set after its body', () => {
    expect(
      headlines('青山县秋粮收储工作有序推进\n本报讯（通讯员 刘海）\n连日来，青山县抢抓晴好天气收购秋粮。\n'),
    ).toEqual(['青山县秋粮收储工作有序推进']);
    expect(
      headlines(
        '目前，全国秋收秋种正稳步推进。截至10月20日，全国秋粮已收获76.5%。\n\n全国秋收秋种稳步推进\n',
      ),
    ).toEqual(['全国秋收秋种稳步推进']);
  });

  it('never a line that stops on a preposition, nor the line that goes on from it', () => {
    const h = headlines(
      '习近平对协作工作作出重要指示\n\n■ 东西部协作开展30年来，在\n助力脱贫攻坚、促进区域协调发展\n\n等方面发挥了重要作用。\n',
    );
    expect(h).not.toContain('■ 东西部协作开展30年来，在');
    expect(h).not.toContain('助力脱贫攻坚、促进区域协调发展');
  });

  it('never a number cut by the column, nor one character alone', () => {
    const h = headlines(
      '本报记者\n《京津冀协同创新指数（20\n26）》报告显示，2013\n年至2024年，京津冀协同\n\n创新指数从100增长到388。\n',
    );
    expect(h).toEqual([]);
    expect(headlines('上一段结束了。\n\n风\n\n下一段开始了，内容很多很多。\n')).toEqual([]);
  });

  it('a short line set apart above a credit is a title even ending in ！', () => {
    expect(
      headlines(
        '上一篇结束了。\n\n阅读马拉松，开赛！\n本报通讯员  许丛军\n7月25日上午10时，大赛在上海开赛。\n',
      ),
    ).toEqual(['阅读马拉松，开赛！']);
  });

  it('a kicker ending in —— pulls its title in', () => {
    expect(
      headlines(
        '上一篇结束了。\n\n“两优一先”典型、中关村科学城企业党委——\n把“红色引擎”装到科创最前沿\n\n(上接第1版)这一重要思想彰显了坚定的理想信念。\n',
      ),
    ).toEqual(['“两优一先”典型、中关村科学城企业党委——', '把“红色引擎”装到科创最前沿']);
  });
});
