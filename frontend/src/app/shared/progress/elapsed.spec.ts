import { countText, elapsedText } from './elapsed';

describe('elapsedText', () => {
  it('says seconds under a minute, minutes and two-digit seconds after', () => {
    expect(elapsedText(0)).toEqual({ key: 'progress.seconds', params: { seconds: 0 } });
    expect(elapsedText(12_999)).toEqual({ key: 'progress.seconds', params: { seconds: 12 } });
    expect(elapsedText(125_000)).toEqual({ key: 'progress.minutes', params: { minutes: 2, seconds: '05' } });
    expect(elapsedText(-5)).toEqual({ key: 'progress.seconds', params: { seconds: 0 } });
  });
});

describe('countText', () => {
  it('groups thousands as the list does', () => {
    expect(countText(3400)).toBe('3,400');
    expect(countText(120)).toBe('120');
  });
});
