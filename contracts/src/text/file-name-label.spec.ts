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

describe('pageLabelFromFileName on names that are not page names', () => {
  it('reads no label from a hash-like export name or a PDF name without a page token', () => {
    expect(pageLabelFromFileName('scan.pdf')).toBeNull();
    expect(pageLabelFromFileName('7bc5541b3fe100b2.txt')).toBeNull();
  });

  it('reads the label of a non-.txt name too (the caller decides what to file)', () => {
    expect(pageLabelFromFileName('A5.pdf')).toBe('A5');
  });

  it('the sample exports: `004_…` is page 4; `000_…` has no page (0 is not a page number)', () => {
    expect(pageLabelFromFileName('004_425bbb1547604c11.txt')).toBe('4');
    expect(pageLabelFromFileName('000_7bc5541b3fe100b2.txt')).toBeNull();
  });
});
