import { continuationState, csvField, csvHeader, csvRecord } from './clipping-csv';

describe('CSV writing (RFC 4180)', () => {
  it('leaves plain Chinese text alone and quotes commas, quotes and line breaks', () => {
    expect(csvField('鱼台县第二实验中学')).toBe('鱼台县第二实验中学');
    expect(csvField('甲，乙')).toBe('甲，乙');
    expect(csvField('甲,乙')).toBe('"甲,乙"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('第一段\n第二段')).toBe('"第一段\n第二段"');
    expect(csvField(' 前后空格 ')).toBe('" 前后空格 "');
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('-3℃')).toBe("'-3℃");
    expect(csvField('——本报讯')).toBe('——本报讯');
  });

  it('ends every record with CRLF, the header in the chosen language', () => {
    expect(csvRecord(['a', 'b,c'])).toBe('a,"b,c"\r\n');
    expect(csvHeader('zh-CN').startsWith('编号,报纸,出版日期,版面,')).toBe(true);
    expect(csvHeader('en').startsWith('id,publication,issue date,page,')).toBe(true);
  });

  it('says where a clipping stands in a continued article', () => {
    const jump = { page: '2', label: null, marker: '（下转第二版）' };
    const none = {
      articleId: null,
      continuesFrom: null,
      continuesTo: null,
      previousPartId: null,
      nextPartId: null,
    };
    expect(continuationState(none)).toBe('none');
    expect(continuationState({ ...none, continuesTo: jump })).toBe('waiting-tail');
    expect(continuationState({ ...none, continuesFrom: jump })).toBe('waiting-head');
    expect(continuationState({ ...none, continuesTo: jump, nextPartId: 4, articleId: 9 })).toBe('linked');
  });
});
