import { isIsoCalendarDate } from './is-iso-date';

describe('isIsoCalendarDate', () => {
  it.each(['2024-01-31', '2024-02-29', '1949-10-01', '2000-12-31'])('accepts %s', (value) => {
    expect(isIsoCalendarDate(value)).toBe(true);
  });

  it.each([
    '2024-13-45',
    '2023-02-29',
    '2024-04-31',
    '2024-1-5',
    '20240105',
    '2024-01-05T00:00',
    '',
    20240105,
    null,
  ])('rejects %p', (value) => {
    expect(isIsoCalendarDate(value)).toBe(false);
  });
});
