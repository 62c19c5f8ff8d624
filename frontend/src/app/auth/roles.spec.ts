import { isRole, readCookie, retryAfterMinutes, roleAtLeast, safeReturnUrl } from './roles';

describe('roles', () => {
  it('ranks viewer < editor < admin, and nobody reaches anything', () => {
    expect(roleAtLeast('admin', 'editor')).toBe(true);
    expect(roleAtLeast('editor', 'editor')).toBe(true);
    expect(roleAtLeast('viewer', 'editor')).toBe(false);
    expect(roleAtLeast('editor', 'admin')).toBe(false);
    expect(roleAtLeast(null, 'viewer')).toBe(false);
    expect(isRole('editor')).toBe(true);
    expect(isRole('root')).toBe(false);
  });

  it('only returns to same-origin paths after login', () => {
    expect(safeReturnUrl('/clippings?kind=brief')).toBe('/clippings?kind=brief');
    expect(safeReturnUrl(undefined)).toBe('/');
    expect(safeReturnUrl('https://evil.example/')).toBe('/');
    expect(safeReturnUrl('//evil.example/')).toBe('/');
    expect(safeReturnUrl('/\\evil.example')).toBe('/');
    expect(safeReturnUrl('/login?returnUrl=/x')).toBe('/');
  });

  it('turns Retry-After (seconds or a date) into whole minutes, at least one', () => {
    expect(retryAfterMinutes('900')).toBe(15);
    expect(retryAfterMinutes('61')).toBe(2);
    expect(retryAfterMinutes('0')).toBe(1);
    const now = Date.parse('2024-03-05T08:00:00Z');
    expect(retryAfterMinutes('Tue, 05 Mar 2024 08:10:00 GMT', now)).toBe(10);
    expect(retryAfterMinutes(null)).toBeNull();
    expect(retryAfterMinutes('soon')).toBeNull();
  });

  it('reads one cookie out of document.cookie', () => {
    expect(readCookie('a=1; jb_csrf=abc%3D; b=2', 'jb_csrf')).toBe('abc=');
    expect(readCookie('xjb_csrf=1', 'jb_csrf')).toBeNull();
    expect(readCookie('', 'jb_csrf')).toBeNull();
  });
});
