import type { DashboardBucket } from '@jianbao/contracts';

const DAY_MS = 86_400_000;

function utc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The first day of a `days`-day window ending on `last` (both inclusive). */
export function windowStart(last: string, days: number): string {
  return isoDate(utc(last) - (days - 1) * DAY_MS);
}

/** The Monday of the week `date` falls in. */
export function weekStart(date: string): string {
  const ms = utc(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return isoDate(ms - weekday * DAY_MS);
}

/** Day counts folded into weeks (Monday first), in date order; the label is the Monday. */
export function perWeek(days: readonly { date: string; count: number }[]): DashboardBucket[] {
  const weeks = new Map<string, number>();
  for (const d of days) {
    const key = weekStart(d.date);
    weeks.set(key, (weeks.get(key) ?? 0) + d.count);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, count]) => ({ key, label: key, count }));
}
