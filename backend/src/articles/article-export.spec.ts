import { contentDisposition, exportFileName, isExportFormat } from './article-export';

describe('article export helpers', () => {
  it('accepts md and txt only', () => {
    expect(isExportFormat('md')).toBe(true);
    expect(isExportFormat('txt')).toBe(true);
    expect(isExportFormat('pdf')).toBe(false);
    expect(isExportFormat(undefined)).toBe(false);
    expect(isExportFormat(['md'])).toBe(false);
  });

  it('keeps a Chinese title in the file name and drops characters unsafe in file names', () => {
    expect(exportFileName(7, '向“新”而进/聚力前行?', 'md')).toBe('article-7-向“新”而进聚力前行.md');
    expect(exportFileName(7, null, 'txt')).toBe('article-7.txt');
  });

  it('writes an ASCII fallback and the UTF-8 name', () => {
    const header = contentDisposition('article-7-宁陕.txt');
    expect(header).toBe(
      `attachment; filename="article-7-__.txt"; filename*=UTF-8''article-7-%E5%AE%81%E9%99%95.txt`,
    );
  });
});
