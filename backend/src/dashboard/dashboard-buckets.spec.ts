import { perWeek, weekStart, windowStart } from './dashboard-buckets';

describe('dashboard buckets', () => {
  it('starts a window days − 1 before its last day, across months and leap days', () => {
    expect(windowStart('2024-10-22', 1)).toBe('2024-10-22');
    expect(windowStart('2024-03-01', 2)).toBe('2024-02-29');
    expect(windowStart('2024-10-22', 90)).toBe('2024-07-25');
  });

  it('finds the Monday of a week (a Sunday belongs to the week before)', () => {
    expect(weekStart('2024-10-21')).toBe('2024-10-21'); // Monday
    expect(weekStart('2024-10-22')).toBe('2024-10-21');
    expect(weekStart('2024-10-27')).toBe('2024-10-21'); // Sunday
    expect(weekStart('2024-10-28')).toBe('2024-10-28');
    expect(weekStart('2025-01-01')).toBe('2024-12-30'); // across the year
  });

  it('folds days into weeks in date order', () => {
    const weeks = perWeek([
      { date: '2024-10-28', count: 4 },
      { date: '2024-10-22', count: 2 },
      { date: '2024-10-27', count: 3 },
    ]);
    expect(weeks).toEqual([
      { key: '2024-10-21', label: '2024-10-21', count: 5 },
      { key: '2024-10-28', label: '2024-10-28', count: 4 },
    ]);
    expect(perWeek([])).toEqual([]);
  });
});
