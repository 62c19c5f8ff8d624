import { clippingHeadline } from './clipping-headline';

describe('clippingHeadline', () => {
  it('prefers the title', () => {
    expect(clippingHeadline({ title: ' 梁山小小明信片倡树大文明 ', body: '正文' })).toBe(
      '梁山小小明信片倡树大文明',
    );
  });

  it('falls back to the first characters of the body, whitespace collapsed', () => {
    expect(clippingHeadline({ title: null, body: '本报讯\n  近日，梁山县' }, 6)).toBe('本报讯 近日…');
    expect(clippingHeadline({ title: '  ', body: '短讯' })).toBe('短讯');
  });

  it('counts code points, not UTF-16 units', () => {
    expect(clippingHeadline({ title: null, body: '𠀀𠀁𠀂' }, 2)).toBe('𠀀𠀁…');
  });
});
