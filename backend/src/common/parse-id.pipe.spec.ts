import { BadRequestException } from '@nestjs/common';
import { ParseIdPipe } from './parse-id.pipe';

describe('ParseIdPipe', () => {
  const pipe = new ParseIdPipe('id');

  it.each([
    ['1', 1],
    ['42', 42],
    ['2147483647', 2147483647],
  ])('parses %s', (raw, id) => {
    expect(pipe.transform(raw)).toBe(id);
  });

  it.each(['abc', '0', '-1', '1.5', '01', '1e3', '', ' 1', '2147483648', '99999999999'])(
    'refuses %p with a 400',
    (raw) => {
      expect(() => pipe.transform(raw)).toThrow(BadRequestException);
    },
  );
});
