import { isEmptyQuery, parseSearchQuery, positiveAtoms } from './query';

const texts = (q: string): { groups: string[][]; exclusions: string[] } => {
  const p = parseSearchQuery(q);
  return { groups: p.groups.map((g) => g.map((a) => a.text)), exclusions: p.exclusions.map((a) => a.text) };
};

describe('parseSearchQuery', () => {
  it('reads words as terms that must all match', () => {
    expect(texts('梁山  鱼台')).toEqual({ groups: [['梁山'], ['鱼台']], exclusions: [] });
  });

  it('reads quoted phrases in ASCII, Chinese and corner quotes, spaces inside ignored', () => {
    expect(texts('"明信片"').groups).toEqual([['明信片']]);
    expect(texts('“乡村 振兴”').groups).toEqual([['乡村振兴']]);
    expect(texts('「鱼台」 『金乡』').groups).toEqual([['鱼台'], ['金乡']]);
    expect(texts('＂明信片＂').groups).toEqual([['明信片']]);
  });

  it('runs an unclosed quote to the end', () => {
    expect(texts('鱼台 "县城 学校').groups).toEqual([['鱼台'], ['县城学校']]);
  });

  it('reads -term and -"phrase" as exclusions, a lone - as the character', () => {
    expect(texts('梁山 -鱼台 -"金 乡"')).toEqual({ groups: [['梁山']], exclusions: ['鱼台', '金乡'] });
    expect(texts('梁山 - 鱼台').groups).toEqual([['梁山'], ['-'], ['鱼台']]);
    expect(texts('－鱼台').exclusions).toEqual(['鱼台']);
  });

  it('reads OR and | between two terms as either; OR anywhere else is ignored', () => {
    expect(texts('梁山 鱼台 OR 金乡').groups).toEqual([['梁山'], ['鱼台', '金乡']]);
    expect(texts('鱼台 OR 金乡 OR 嘉祥').groups).toEqual([['鱼台', '金乡', '嘉祥']]);
    expect(texts('鱼台 | 金乡').groups).toEqual([['鱼台', '金乡']]);
    expect(texts('鱼台 OR').groups).toEqual([['鱼台']]);
    expect(texts('OR 鱼台').groups).toEqual([['鱼台']]);
    expect(texts('鱼台 OR -金乡')).toEqual({ groups: [['鱼台']], exclusions: ['金乡'] });
    expect(texts('鱼台 or 金乡').groups).toEqual([['鱼台'], ['or'], ['金乡']]);
    expect(texts('"OR"').groups).toEqual([['or']]);
  });

  it('normalises terms as the index does', () => {
    expect(texts('鄉村 ＡＰＥＣ').groups).toEqual([['乡村'], ['apec']]);
  });

  it('treats engine syntax and punctuation as text, and never throws', () => {
    for (const q of [
      '"',
      '*',
      'NEAR(',
      ')',
      "'",
      '\\',
      '-',
      '--',
      '-"',
      '""',
      '(a OR b)',
      '：'.repeat(200),
    ]) {
      expect(() => parseSearchQuery(q)).not.toThrow();
    }
    expect(texts('NEAR(鱼台').groups).toEqual([['near(鱼台']]);
    expect(texts('--鱼台').exclusions).toEqual(['-鱼台']);
  });

  it('drops terms that normalise to nothing; a query without terms is empty', () => {
    expect(isEmptyQuery(parseSearchQuery(''))).toBe(true);
    expect(isEmptyQuery(parseSearchQuery('  " "  \u200b'))).toBe(true);
    expect(isEmptyQuery(parseSearchQuery('"'))).toBe(true);
    expect(isEmptyQuery(parseSearchQuery('-'))).toBe(false);
  });

  it('lists the positive atoms for highlighting', () => {
    expect(positiveAtoms(parseSearchQuery('梁山 鱼台 OR 金乡 -嘉祥')).map((a) => a.text)).toEqual([
      '梁山',
      '鱼台',
      '金乡',
    ]);
  });
});
