/**
 * Counts that stop: a list, a search or a facet counts its matches only up to a limit, so the work of a
 * count is bounded by that limit and not by the size of the archive (docs/architecture.md, "Counts").
 * The count reads at most `upTo + 1` rows; when it reaches `upTo + 1`, the total is that number and is
 * marked inexact ("10,000+" in the UI: more than `total - 1` match).
 */

/** Injection token: how deep lists count and page (AppConfig.listDepth, LIST_DEPTH). */
export const LIST_DEPTH = Symbol('LIST_DEPTH');

/** A total that may have stopped counting. */
export interface CappedTotal {
  /** How many match; when `totalExact` is false, more than `total - 1` do (counting stopped there). */
  total: number;
  totalExact: boolean;
}

/** The total of a count that read `counted` rows with a limit of `upTo + 1`. */
export function cappedTotal(counted: number, upTo: number): CappedTotal {
  return { total: counted, totalExact: counted <= upTo };
}

/**
 * `SELECT COUNT(*) AS n` over the rows of `rowsSql` (a SELECT without LIMIT), reading at most
 * `upTo + 1` of them: the statement ends with a `LIMIT ?` whose parameter is {@link countLimit}.
 */
export function cappedCountSql(rowsSql: string): string {
  return `SELECT COUNT(*) AS n FROM (${rowsSql} LIMIT ?) capped`;
}

/** The LIMIT parameter of {@link cappedCountSql} for a count up to `upTo`. */
export function countLimit(upTo: number): number {
  if (!Number.isSafeInteger(upTo) || upTo < 0) throw new Error(`countLimit: ${upTo} is not a count`);
  return upTo + 1;
}
