import { linesToList } from './clipping-text';

describe('linesToList', () => {
  it('splits on newlines and drops blank lines', () => {
    expect(linesToList('一、起步\n\n  二、推广 \n')).toEqual(['一、起步', '二、推广']);
    expect(linesToList('')).toEqual([]);
  });
});
