import { hashToken, newToken, readBearer, readCookie, sameSecret } from './session-tokens';

describe('session tokens', () => {
  it('makes 43-character random tokens and stores only their SHA-256', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(a);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).not.toContain(a);
  });

  it('reads cookies and bearer tokens, ignoring garbage', () => {
    expect(readCookie('a=1; jb_session=abc%2D; jb_csrf=x', 'jb_session')).toBe('abc-');
    expect(readCookie('jb_session=%E0%A4%A', 'jb_session')).toBeNull();
    expect(readCookie(undefined, 'jb_session')).toBeNull();
    expect(readBearer('Bearer abcdefghijklmnopqrstu')).toBe('abcdefghijklmnopqrstu');
    expect(readBearer('Basic abcdefghijklmnopqrstu')).toBeNull();
    expect(readBearer("Bearer ' OR 1=1 --")).toBeNull();
  });

  it('compares secrets of different lengths without throwing', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abcd')).toBe(false);
  });
});
