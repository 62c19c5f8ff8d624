import { pageFileText } from './page-file';

const bytes = (values: number[]): ArrayBuffer => new Uint8Array(values).buffer;

describe('pageFileText', () => {
  it('reads UTF-8 and drops a BOM', () => {
    const utf8 = new TextEncoder().encode('\uFEFF汶上：廉洁教育\n第二行');
    expect(pageFileText(utf8.buffer.slice(utf8.byteOffset, utf8.byteOffset + utf8.byteLength))).toBe(
      '汶上：廉洁教育\n第二行',
    );
  });

  it('refuses GBK and binary files instead of filling the box with replacement characters', () => {
    expect(pageFileText(bytes([0xe3, 0xeb, 0xc9, 0xcf]))).toBeNull(); // 汶上 in GBK
    expect(pageFileText(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull(); // a PNG
    expect(pageFileText(bytes([0x61, 0x00, 0x62]))).toBeNull();
  });
});
