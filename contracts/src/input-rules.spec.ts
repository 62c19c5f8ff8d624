import { USERNAME_PATTERN, issueDateWarning, latestIssueDate } from './input-rules';

describe('latestIssueDate', () => {
  it('is one year after the latest calendar date on Earth (UTC+14)', () => {
    expect(latestIssueDate(new Date('2026-12-05T09:00:00Z'))).toBe('2027-12-05');
    expect(latestIssueDate(new Date('2026-12-05T10:00:00Z'))).toBe('2027-12-06');
  });

  it('keeps 29 February on 28 February of the next year', () => {
    expect(latestIssueDate(new Date('2028-02-29T00:00:00Z'))).toBe('2029-02-28');
  });
});

describe('issueDateWarning', () => {
  const now = new Date('2026-12-05T00:00:00Z');
  it('warns before 1900 and beyond a year ahead, not in between', () => {
    expect(issueDateWarning('1899-12-31', now)).toBe('early');
    expect(issueDateWarning('1900-01-01', now)).toBeNull();
    expect(issueDateWarning('2027-12-05', now)).toBeNull();
    expect(issueDateWarning('2027-12-06', now)).toBe('late');
    expect(issueDateWarning('', now)).toBeNull();
  });
});

describe('USERNAME_PATTERN', () => {
  it('allows Chinese names, refuses spaces and one character', () => {
    expect(USERNAME_PATTERN.test('王编辑')).toBe(true);
    expect(USERNAME_PATTERN.test('li.ming_2')).toBe(true);
    expect(USERNAME_PATTERN.test('王 编辑')).toBe(false);
    expect(USERNAME_PATTERN.test('王')).toBe(false);
  });
});
