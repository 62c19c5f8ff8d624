import { endsSentence, joinLines, joinParagraphs, stripJumpMarkers } from './line-text';

describe('joinLines', () => {
  it('rejoins CJK wrapped lines without spaces', () => {
    expect(joinLines(['产业工人是工人阶级的主体力量，是创', '造社会财富的中坚力量。'])).toBe(
      '产业工人是工人阶级的主体力量，是创造社会财富的中坚力量。',
    );
  });

  it('keeps one space only between two Latin letters, as the parser does', () => {
    expect(joinLines(['reported by', 'Xinhua'])).toBe('reported by Xinhua');
    expect(joinLines(['出口超 9000', '万元'])).toBe('出口超 9000万元');
    expect(joinLines(['培养造就2000', '名'])).toBe('培养造就2000名');
    expect(joinLines(['AEO认', '证培育'])).toBe('AEO认证培育');
    expect(joinLines(['同比增长超过', '300%。'])).toBe('同比增长超过300%。');
    // a train number or a figure cut by the column is one word: `G92` / `27` → `G9227`
    expect(joinLines(['G92', '27'])).toBe('G9227');
  });

  it('trims lines and skips blank ones', () => {
    expect(joinLines(['  小小明信片 ', '', '\t倡树大文明'])).toBe('小小明信片倡树大文明');
    expect(joinLines([])).toBe('');
    expect(joinLines(['', '  '])).toBe('');
  });
});

describe('endsSentence', () => {
  it('sees sentence ends, also before closing quotes', () => {
    expect(endsSentence('提供有力人才保障和技能支撑。')).toBe(true);
    expect(endsSentence('很深。”')).toBe(true);
    expect(endsSentence('真的吗？ ')).toBe(true);
    expect(endsSentence('是创')).toBe(false);
    expect(endsSentence('')).toBe(false);
  });
});

describe('stripJumpMarkers', () => {
  it('removes printed jump markers in either bracket style', () => {
    expect(stripJumpMarkers('（上接1版A）清风扬帆')).toBe('清风扬帆');
    expect(stripJumpMarkers('(上接一版)代表作用')).toBe('代表作用');
    expect(stripJumpMarkers('让城市更有温度（下转A4版）')).toBe('让城市更有温度');
    expect(stripJumpMarkers('（上接1版B）')).toBe('');
    expect(stripJumpMarkers('职业学校（含技工院校）')).toBe('职业学校（含技工院校）');
  });
});

describe('joinParagraphs', () => {
  const n = (index: number, text: string) => ({ index, text });

  it('joins a wrapped paragraph and breaks after a sentence end followed by a gap', () => {
    expect(
      joinParagraphs([
        n(0, '近年来，梁山县积极创新移风'),
        n(1, '易俗工作方法。'),
        n(3, '下一步，梁山县还将继续。'),
      ]),
    ).toBe('近年来，梁山县积极创新移风易俗工作方法。\n下一步，梁山县还将继续。');
  });

  it('does not break at a gap in mid-sentence (a column break)', () => {
    expect(joinParagraphs([n(0, '“近年来，我们相继出台多项助力'), n(2, '民营企业发展的措施。')])).toBe(
      '“近年来，我们相继出台多项助力民营企业发展的措施。',
    );
  });

  it('breaks after a short sentence-final line and before an indented one', () => {
    const lines = [
      n(0, '鱼台县交警大队还根据不同区位学校'),
      n(1, '的道路特点。'),
      n(2, '干部实干，群众认可。以交警为代表的'),
      n(3, '作风。'),
      n(4, '  今年3月，鱼台县开始实施校园周边'),
    ];
    expect(joinParagraphs(lines).split('\n')).toEqual([
      '鱼台县交警大队还根据不同区位学校的道路特点。',
      '干部实干，群众认可。以交警为代表的作风。',
      '今年3月，鱼台县开始实施校园周边',
    ]);
  });

  it('is empty for no lines or blank lines only', () => {
    expect(joinParagraphs([])).toBe('');
    expect(joinParagraphs([n(0, ' ')])).toBe('');
  });
});
