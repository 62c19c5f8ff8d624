import { compactText, matchOneToOne, sameClipping } from './clipping-match';

const side = (body: string, title: string | null = null) => ({ bodies: [body], titles: [title] });

describe('compactText', () => {
  it('drops every kind of whitespace and folds full-width forms', () => {
    expect(compactText(' 梁山县\u3000召开\n会议 ')).toBe('梁山县召开会议');
    expect(compactText('ＡＢ１２')).toBe('AB12');
    expect(compactText(null)).toBe('');
  });
});

describe('sameClipping', () => {
  it('matches by body first, whitespace ignored', () => {
    expect(sameClipping(side('正文 一段', '甲'), side('正文一段\n', '乙'))).toBe('body');
  });

  it('falls back to a non-empty title', () => {
    expect(sameClipping(side('旧正文', ' 标题 '), side('新正文', '标题'))).toBe('title');
    expect(sameClipping(side('旧正文', null), side('新正文', ''))).toBeNull();
  });

  it('uses every version given (as filed and as now)', () => {
    expect(sameClipping({ bodies: ['改过的', '原文'], titles: [] }, side('原文'))).toBe('body');
  });
});

describe('matchOneToOne', () => {
  it('pairs by body, then by a title unique on both sides', () => {
    const earlier = [side('一', '甲'), side('二改', '乙'), side('三', '丙')];
    const fresh = [side('三'), side('二', '乙'), side('一')];
    const m = matchOneToOne(earlier, fresh);
    expect(m.get(0)).toEqual({ index: 2, by: 'body' });
    expect(m.get(1)).toEqual({ index: 1, by: 'title' });
    expect(m.get(2)).toEqual({ index: 0, by: 'body' });
  });

  it('never gives one new clipping to two earlier ones', () => {
    const m = matchOneToOne([side('同'), side('同')], [side('同')]);
    expect(m.get(0)).toEqual({ index: 0, by: 'body' });
    expect(m.has(1)).toBe(false);
  });

  it('leaves a title shared by two clippings unpaired rather than guessing', () => {
    const m = matchOneToOne([side('a', '简讯'), side('b', '简讯')], [side('x', '简讯'), side('y', '简讯')]);
    expect(m.size).toBe(0);
    const one = matchOneToOne([side('a', '简讯')], [side('x', '简讯'), side('y', '简讯')]);
    expect(one.size).toBe(0);
  });
});
