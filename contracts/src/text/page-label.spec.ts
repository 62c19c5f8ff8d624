import { chineseNumeralToNumber, comparePageLabels, normalizePageLabel, pageSortKey } from './page-label';

describe('chineseNumeralToNumber', () => {
  it.each([
    ['一', 1],
    ['三', 3],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
    ['一百零五', 105],
    ['两', 2],
  ])('%s → %d', (text, n) => expect(chineseNumeralToNumber(text)).toBe(n));

  it('rejects non-numerals', () => {
    expect(chineseNumeralToNumber('版')).toBeNull();
    expect(chineseNumeralToNumber('')).toBeNull();
  });
});

describe('normalizePageLabel', () => {
  it.each([
    ['第三版', '3'],
    ['三版', '3'],
    ['一版', '1'],
    ['第1版', '1'],
    ['A3版', 'A3'],
    ['第A3版', 'A3'],
    ['Ａ３', 'A3'],
    ['a03', 'A3'],
    ['2', '2'],
    ['第十二版', '12'],
    ['3A版', '3A'],
    ['第 2 版', '2'],
  ])('%s → %s', (raw, want) => expect(normalizePageLabel(raw)).toBe(want));

  it.each(['', '版', '第零版', 'abc', '要闻', '0'])('%s is not a page label', (raw) => {
    expect(normalizePageLabel(raw)).toBeNull();
  });
});

describe('pageSortKey / comparePageLabels', () => {
  it('orders numbers numerically, then editions A, B…', () => {
    const labels = ['A2', '10', 'B1', '2', '第一版', 'A10', 'A1'];
    expect([...labels].sort(comparePageLabels)).toEqual(['第一版', '2', '10', 'A1', 'A2', 'A10', 'B1']);
  });

  it('treats differently printed labels of one page alike', () => {
    expect(pageSortKey('第三版')).toBe(pageSortKey('3'));
    expect(pageSortKey('A3版')).toBe(pageSortKey('Ａ３'));
  });
});
