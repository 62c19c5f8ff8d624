import { isParagraphBreak, joinParagraphs, joinWrapped } from './line-join';
import { visibleLength } from './width';

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

describe('joinParagraphs against the line-by-line joinWrapped it replaced', () => {
  // the earlier definition: each line glued onto the paragraph so far
  const reference = (input: ReadonlyArray<{ text: string; gapBefore: boolean }>): string => {
    const out: string[] = [];
    let current = '';
    let prevLine = '';
    let width = 0;
    for (let i = 0; i < input.length; i++) {
      const line = input[i];
      if (line === undefined) continue;
      const text = line.text.trim();
      if (text.length === 0) continue;
      const len = visibleLength(text);
      if (current.length === 0) {
        current = text;
        prevLine = text;
        width = len;
        continue;
      }
      const columnWidth = Math.max(width, len, visibleLength(input[i + 1]?.text ?? ''));
      if (isParagraphBreak(prevLine, line, columnWidth)) {
        out.push(current);
        current = text;
        width = len;
      } else {
        current = joinWrapped(current, text);
        width = Math.max(width, len);
      }
      prevLine = text;
    }
    if (current.length > 0) out.push(current);
    return out.join('\n');
  };
  const pieces = [
    '全国秋粮',
    '已收获',
    '76.5%',
    'AEO',
    'the',
    'quick',
    '。',
    '，',
    '！',
    ' ',
    '\u3000',
    '“',
    '（一）',
    '1.',
    '■',
    'x',
    '\t',
  ];

  it('gives the same text on 3,000 random wrapped pages', () => {
    let seed = 11;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let n = 0; n < 3000; n++) {
      const input: Array<{ text: string; gapBefore: boolean }> = [];
      for (let k = next() % 12; k > 0; k--) {
        let text = '';
        for (let j = next() % 6; j > 0; j--) text += pieces[next() % pieces.length];
        input.push({ text, gapBefore: next() % 5 === 0 });
      }
      expect([input, joinParagraphs(input)]).toEqual([input, reference(input)]);
    }
  });
});
