/**
 * The input rules both sides state: the API enforces them (class-validator DTOs), the UI shows them as
 * hints before they bite and checks them as the user types. One home, so the hint never drifts from the
 * rule. Runtime code, imported by the backend and the Angular app alike.
 */

/** kicker, title, subtitle, byline, dateline and each subhead: at most this many UTF-16 units. */
export const TEXT_LINE_MAX_LENGTH = 500;
/** A page label (`2`, `A3`, `第二版`). */
export const PAGE_LABEL_MAX_LENGTH = 50;

/** Shortest password accepted anywhere (CLI, setup, user admin, password change). */
export const PASSWORD_MIN_LENGTH = 8;
/** Longest: the hash input stays bounded. */
export const PASSWORD_MAX_LENGTH = 256;

export const USERNAME_MIN_LENGTH = 2;
export const USERNAME_MAX_LENGTH = 64;
/** A user name: 2–64 letters of any script (Chinese included), digits, dots, underscores or hyphens. */
export const USERNAME_PATTERN = /^[\p{L}\p{N}._-]{2,64}$/u;

/** Issue dates before this are unusual (old papers exist, so they are accepted with a warning). */
export const ISSUE_DATE_USUAL_FROM = '1900-01-01';
/** How far ahead of today an issue date may lie: further is a typo, refused by the API. */
export const ISSUE_DATE_MAX_YEARS_AHEAD = 1;

/** `YYYY-MM-DD` of `date` in UTC. */
function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The latest issue date accepted at `now`: one year after today, where "today" is the latest calendar
 * date anywhere on Earth (UTC+14), so no client's today is refused for being ahead of the server's.
 */
export function latestIssueDate(now: Date): string {
  const latestToday = new Date(now.getTime() + 14 * 3_600_000);
  const d = new Date(
    Date.UTC(
      latestToday.getUTCFullYear() + ISSUE_DATE_MAX_YEARS_AHEAD,
      latestToday.getUTCMonth(),
      latestToday.getUTCDate(),
    ),
  );
  // 29 February + 1 year rolls into March; keep it on 28 February instead.
  if (d.getUTCMonth() !== latestToday.getUTCMonth()) d.setUTCDate(0);
  return isoDay(d);
}

/** Why an issue date deserves a second look: `early` (before 1900), `late` (beyond the accepted range), else null. */
export function issueDateWarning(date: string, now: Date): 'early' | 'late' | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  if (date < ISSUE_DATE_USUAL_FROM) return 'early';
  if (date > latestIssueDate(now)) return 'late';
  return null;
}
