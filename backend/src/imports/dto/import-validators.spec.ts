import { linesWithinPage } from './import-validators';

describe('linesWithinPage', () => {
  const text = 'a\nb\r\nc';

  it('accepts lines of the page and clippings without lines', () => {
    expect(linesWithinPage([{ lines: [0, 2] }, {}], text)).toBe(true);
  });

  it('refuses a line past the end of the page', () => {
    expect(linesWithinPage([{ lines: [0] }, { lines: [3] }], text)).toBe(false);
  });

  it('leaves wrong types to the other validators', () => {
    expect(linesWithinPage('x', text)).toBe(true);
    expect(linesWithinPage([{ lines: [9] }], 42)).toBe(true);
  });
});
