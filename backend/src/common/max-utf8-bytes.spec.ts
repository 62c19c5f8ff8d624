import { fitsUtf8Bytes } from './max-utf8-bytes';

describe('fitsUtf8Bytes', () => {
  it('counts UTF-8 bytes, not characters', () => {
    expect(fitsUtf8Bytes('长'.repeat(3), 9)).toBe(true);
    expect(fitsUtf8Bytes('长'.repeat(4), 9)).toBe(false);
    expect(fitsUtf8Bytes('a'.repeat(9), 9)).toBe(true);
  });

  it('leaves non-strings to the type validators', () => {
    expect(fitsUtf8Bytes(42, 1)).toBe(true);
  });
});
