import { formatSummary, progressLine } from './import-dir';

describe('import-dir output', () => {
  it('draws a plain-text progress bar', () => {
    expect(progressLine(0, 4, 'A1.txt', 8)).toBe('[........] 0/4 A1.txt');
    expect(progressLine(2, 4, 'A2.txt', 8)).toBe('[####....] 2/4 A2.txt');
    expect(progressLine(4, 4, 'done', 8)).toBe('[########] 4/4 done');
  });

  it('summarises filed, skipped and failed pages with reasons', () => {
    expect(
      formatSummary([
        { file: 'A1.txt', status: 'filed', detail: 'import #1', clippings: 8 },
        { file: 'A2.txt', status: 'filed', detail: 'import #2', clippings: 4 },
        { file: 'A3.txt', status: 'duplicate', detail: '这一版已于 … 导入 (import #1)', clippings: 0 },
        { file: 'x.txt', status: 'failed', detail: 'empty file', clippings: 0 },
      ]),
    ).toBe(
      'filed 2 page(s) (12 clippings), skipped 1 duplicate(s), failed 1\n' +
        '  skipped A3.txt: 这一版已于 … 导入 (import #1)\n' +
        '  failed  x.txt: empty file\n',
    );
  });
});
