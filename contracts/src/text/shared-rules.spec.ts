import {
  PARAGRAPH_LINE_SHARE,
  endsSentence,
  isNumberedHeading,
  joinParagraphs,
  stripJumpMarkers,
  stripLeadingMarker,
  stripTrailingMarker,
  toHalfWidth,
  visibleLength,
} from './index';

describe('sentence ends', () => {
  it('sees 。！？… also before closing quotes and brackets', () => {
    expect(endsSentence('提供有力人才保障和技能支撑。')).toBe(true);
    expect(endsSentence('很深。”')).toBe(true);
    expect(endsSentence('（据新华社电）。')).toBe(true);
    expect(endsSentence('真的吗？ ')).toBe(true);
    expect(endsSentence('是创')).toBe(false);
    expect(endsSentence('习近平强调：')).toBe(false);
    expect(endsSentence('')).toBe(false);
  });
});

describe('width', () => {
  it('folds full-width ASCII and the ideographic space', () => {
    expect(toHalfWidth('Ａ３版　２０２４')).toBe('A3版 2024');
  });
  it('counts visible characters, a surrogate pair once', () => {
    expect(visibleLength('本报记者  常  钦')).toBe(6);
    expect(visibleLength('𠮷野家')).toBe(3);
  });
});

describe('numbered subheads', () => {
  it('knows 一、 （三） 第二部分 and 3．', () => {
    for (const t of ['一、总体要求', '（三）大力弘扬劳模精神', '第二部分 现状', '3．提高收入'])
      expect(isNumberedHeading(t)).toBe(true);
    expect(isNumberedHeading('一个人的坚守')).toBe(false);
  });
});

describe('stripping jump markers with the one grammar', () => {
  it('removes a leading 上接 and a trailing 下转, whatever brackets and numerals', () => {
    expect(stripLeadingMarker('（上接第一版）严防死守保安全')).toBe('严防死守保安全');
    expect(stripLeadingMarker('(上接第1版)今年3月')).toBe('今年3月');
    expect(stripLeadingMarker('（承接第二版）文字')).toBe('文字');
    expect(stripTrailingMarker('公平高效。（下转第四版）')).toBe('公平高效。');
    expect(stripTrailingMarker('文字(下转第15版)')).toBe('文字');
    // a 下转 marker is not removed from the start, nor a 上接 from the end
    expect(stripLeadingMarker('（下转第四版）文字')).toBe('（下转第四版）文字');
    expect(stripTrailingMarker('文字（上接第一版）')).toBe('文字（上接第一版）');
  });
  it('removes markers anywhere and keeps ordinary brackets', () => {
    expect(stripJumpMarkers('（上接1版A）清风扬帆')).toBe('清风扬帆');
    expect(stripJumpMarkers('让城市更有温度（下转A4版）')).toBe('让城市更有温度');
    expect(stripJumpMarkers('职业学校（含技工院校）')).toBe('职业学校（含技工院校）');
  });
});

describe('paragraph breaks', () => {
  it('break after a finished line shorter than the shared share of the column', () => {
    expect(PARAGRAPH_LINE_SHARE).toBeGreaterThan(0.5);
    const text = joinParagraphs([
      { text: '近年来，梁山县积极创新移风易俗', gapBefore: false },
      { text: '工作方法。', gapBefore: false },
      { text: '下一步，梁山县还将继续加强群众', gapBefore: false },
      { text: '教育。', gapBefore: false },
    ]);
    expect(text.split('\n')).toEqual([
      '近年来，梁山县积极创新移风易俗工作方法。',
      '下一步，梁山县还将继续加强群众教育。',
    ]);
  });
});
