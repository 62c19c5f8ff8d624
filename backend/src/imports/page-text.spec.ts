import { MAX_PAGE_BYTES, normalizePageText, pageLines, rawTextOf, sha256Hex } from './page-text';

describe('page text', () => {
  it('drops a BOM and Windows line ends, keeping the line count', () => {
    const text = '\uFEFF第一行\r\n第二行\r\n\r\n第四行';
    expect(normalizePageText(text)).toBe('第一行\n第二行\n\n第四行');
    expect(pageLines(normalizePageText(text))).toHaveLength(pageLines(text).length);
  });

  it('hashes the UTF-8 bytes', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('剪报')).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256Hex('剪报')).not.toBe(sha256Hex('剪 报'));
  });

  it('raw text: the given lines in page order, once each; null when none', () => {
    const lines = pageLines('a\nb\r\nc\nd');
    expect(rawTextOf([2, 0, 2, 1], lines)).toBe('a\nb\nc');
    expect(rawTextOf([99, -1], lines)).toBeNull();
    expect(rawTextOf([], lines)).toBeNull();
  });

  it('allows 2 MB', () => {
    expect(MAX_PAGE_BYTES).toBe(2_097_152);
  });
});
