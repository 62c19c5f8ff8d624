import { joinParagraphs, joinWrapped } from './line-join';

const lines = (...texts: Array<string | null>) => {
  const out: Array<{ text: string; gapBefore: boolean }> = [];
  let gap = false;
  for (const t of texts) {
    if (t === null) gap = true;
    else {
      out.push({ text: t, gapBefore: gap });
      gap = false;
    }
  }
  return out;
};

describe('joinWrapped', () => {
  it('glues CJK without a space, even mid-word', () => {
    expect(joinWrapped('其中在AEO认', '证培育方面')).toBe('其中在AEO认证培育方面');
    expect(joinWrapped('副关长崔', '建刚介绍')).toBe('副关长崔建刚介绍');
  });

  it('never glues two Latin words together', () => {
    expect(joinWrapped('open the', 'door')).toBe('open the door');
  });

  it('keeps numbers and codes intact', () => {
    expect(joinWrapped('复兴号G92', '27首发')).toBe('复兴号G9227首发');
    expect(joinWrapped('出口超 9000 万元，同比增长超过', '300%。')).toBe(
      '出口超 9000 万元，同比增长超过300%。',
    );
  });
});

describe('joinParagraphs', () => {
  it('rejoins narrow columns and survives a blank line inside a sentence', () => {
    const text = joinParagraphs(
      lines('“近年来，我们相继出台多项助力', null, '民营企业发展的措施，其中在AEO认', '证培育方面开展工作。'),
    );
    expect(text).toBe('“近年来，我们相继出台多项助力民营企业发展的措施，其中在AEO认证培育方面开展工作。');
  });

  it('keeps a paragraph break after a short sentence-final line', () => {
    const text = joinParagraphs(
      lines(
        '推动产业工人队伍建设改革走深走实，现提',
        '出如下意见。',
        '坚持以习近平新时代中国特色社会主',
        '义思想为指导。',
      ),
    );
    expect(text).toBe(
      '推动产业工人队伍建设改革走深走实，现提出如下意见。\n坚持以习近平新时代中国特色社会主义思想为指导。',
    );
  });

  it('keeps a paragraph break at a blank line after a finished sentence', () => {
    expect(joinParagraphs(lines('第一段结束了。', null, '第二段开始。'))).toBe(
      '第一段结束了。\n第二段开始。',
    );
  });

  it('does not break when a full-width line happens to end a sentence', () => {
    const text = joinParagraphs(
      lines('这是一行恰好排满一栏的文字到这里结束。', '下一行继续同一段落的内容，直到段落结束。'),
    );
    expect(text).not.toContain('\n');
  });
});
