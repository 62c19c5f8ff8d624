/**
 * SQLite's FTS rowid for a clipping: its issue day × 2^32 + its id. FTS5 walks rowids in order and stops
 * at a LIMIT, so a date-sorted page of a term found in most clippings reads a few dozen entries instead
 * of sorting them all (at 200,000 clippings: 0.5 ms instead of 143 ms). Pure.
 */

/** Ids are below 2^32. */
export const ID_BITS = 2 ** 32;
/** Days are below 2^21 (year 5741), so that every key stays below 2^53 and exact in JavaScript. */
const MAX_DAY = 2 ** 21 - 1;

/** Days from 0000-03-01 to a `YYYY-MM-DD` date (proleptic Gregorian), clamped to [0, 2^21 − 1]. */
export function dayNumber(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return 0;
  let y = Number(m[1]);
  const month = Number(m[2]);
  const d = Number(m[3]);
  y -= month <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146097 + doe;
  return Math.min(MAX_DAY, Math.max(0, days));
}

/** The key of a clipping. Monotonic in the issue date (clamped dates share the first or last day). */
export function searchKey(isoDate: string, id: number): number {
  if (!Number.isInteger(id) || id < 1 || id >= ID_BITS)
    throw new RangeError(`clipping id out of range: ${id}`);
  return dayNumber(isoDate) * ID_BITS + id;
}

/** The (clamped) issue day of a key. */
export function keyDay(key: number): number {
  return Math.floor(key / ID_BITS);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The keys of clippings issued from `from` to `to`: every such clipping's key lies in [lo, hi], so an
 * FTS walk over a date range can be bounded by its rowids instead of reading every match of the term
 * and dropping those outside. A bound that is not given or not a `YYYY-MM-DD` date is null (left open,
 * not written as a bound: search.repository.ts, `keyBounds`).
 */
export function keyBoundsOf(
  from: string | undefined,
  to: string | undefined,
): { lo: number | null; hi: number | null } {
  return {
    lo: from !== undefined && ISO_DATE.test(from) ? dayNumber(from) * ID_BITS : null,
    hi: to !== undefined && ISO_DATE.test(to) ? dayNumber(to) * ID_BITS + (ID_BITS - 1) : null,
  };
}
