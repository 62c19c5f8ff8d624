import type { ClippingFilter } from '../clipping-filter';

/** An ISO calendar date, `YYYY-MM-DD` (how `clipping.issue_date` is stored and `from`/`to` arrive). */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAY_MS = 86_400_000;

/** The day as milliseconds at UTC midnight, or null when it is not a real calendar date. */
function dayValue(day: string): number | null {
  const m = ISO_DAY.exec(day);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === day ? t : null;
}

/**
 * The calendar days from `from` to `to`, both included, in order (pure); null when either is not a
 * real date, `to` is before `from`, or there are more than `max` of them.
 */
export function daysBetween(from: string, to: string, max: number): string[] | null {
  const a = dayValue(from);
  const b = dayValue(to);
  if (a === null || b === null || b < a) return null;
  const n = (b - a) / DAY_MS + 1;
  if (n > max) return null;
  return Array.from({ length: n }, (_, i) => new Date(a + i * DAY_MS).toISOString().slice(0, 10));
}

/**
 * A filter that bounds the issue date on both sides, split into that range and the rest of the filter,
 * when the rest filters only on the clipping's own columns (publication, kind, status, page); null
 * otherwise (an open range, no range, or a tag, region or "without" filter, which a day-by-day read
 * would check once per day).
 */
export function closedDateRange(
  filter: ClippingFilter,
): { from: string; to: string; rest: ClippingFilter } | null {
  const froms: string[] = [];
  const tos: string[] = [];
  const rest: ClippingFilter = [];
  for (const f of filter) {
    if (f.kind !== 'column') return null;
    if (f.column === 'c.issue_date' && f.op !== '=') {
      if (typeof f.value !== 'string') return null;
      (f.op === '>=' ? froms : tos).push(f.value);
    } else rest.push(f);
  }
  if (froms.length === 0 || tos.length === 0) return null;
  // The latest start and the earliest end, should a filter bound a side twice.
  return { from: [...froms].sort().at(-1) as string, to: [...tos].sort()[0] as string, rest };
}
