import { pageLabelFromFileName } from './file-name-label';

describe('pageLabelFromFileName', () => {
  it.each([
    ['A3.txt', 'A3'],
    ['第三版.txt', '3'],
    ['page-2.txt', '2'],
    ['page2.txt', '2'],
    ['p12.txt', '12'],
    ['02.txt', '2'],
    ['2024-10-22_A03.txt', 'A3'],
    ['20241022_第五版.txt', '5'],
    ['济宁日报 2024-10-22 A3版.txt', 'A3'],
    ['/some/dir/B12.TXT', 'B12'],
  ])('%s → %s', (name, label) => {
    expect(pageLabelFromFileName(name)).toBe(label);
  });

  it.each(['notes.txt', '2024-10-22.txt', '.txt', '第版.txt'])('%s → null', (name) => {
    expect(pageLabelFromFileName(name)).toBeNull();
  });
});
