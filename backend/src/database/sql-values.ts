import type { DataSource, EntityManager } from 'typeorm';

/** Bound parameters per statement: SQLite's historical default limit (older builds refuse more). */
export const MAX_SQL_PARAMS = 999;

/** `(?, ?), (?, ?)` on SQLite, `($1, $2), ($3, $4)` on PostgreSQL: the VALUES list of a multi-row INSERT. */
export function valuesList(manager: EntityManager, rows: number, columns: number): string {
  const postgres = manager.connection.options.type === 'postgres';
  const groups: string[] = [];
  for (let r = 0; r < rows; r += 1) {
    const cells = Array.from({ length: columns }, (_, c) => (postgres ? `$${r * columns + c + 1}` : '?'));
    groups.push(`(${cells.join(', ')})`);
  }
  return groups.join(', ');
}

/** `?, ?, ?` on SQLite, `$1, $2, $3` on PostgreSQL: the list of an `IN (…)`. */
export function inList(manager: EntityManager, count: number): string {
  const postgres = manager.connection.options.type === 'postgres';
  return Array.from({ length: count }, (_, i) => (postgres ? `$${i + 1}` : '?')).join(', ');
}

/** The `n`-th (1-based) parameter: `?` on SQLite, `$n` on PostgreSQL. */
export function placeholder(manager: EntityManager, n: number): string {
  return manager.connection.options.type === 'postgres' ? `$${n}` : '?';
}

/** Rows per multi-row statement so that `columns` parameters each stay under {@link MAX_SQL_PARAMS}. */
export function rowsPerStatement(columns: number): number {
  return Math.floor(MAX_SQL_PARAMS / columns);
}

/** Splits `items` into chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The case-insensitive LIKE: SQLite's `LIKE` already ignores ASCII case, PostgreSQL's does not (`ILIKE`
 * does). Chinese has no case; Latin words in titles (`APEC`, `iPhone`) should match either way.
 */
export function likeOperator(db: Pick<DataSource, 'options'>): 'LIKE' | 'ILIKE' {
  return db.options.type === 'postgres' ? 'ILIKE' : 'LIKE';
}

/**
 * Runs independent statements of a transaction at once where the driver allows it — SQLite, where every
 * round trip of a write transaction holds up the writes queued behind it (each statement's callback
 * waits for the busy event loop: n statements at once wait once) — and one after another, in the order
 * given, on PostgreSQL, whose transaction is one client (pg deprecates overlapping queries on a client).
 * The statements must not depend on each other's effects (reads, or writes of different rows). On a
 * failure it still waits for every statement to end before rejecting (with the first failure), so no
 * statement of a failed write can reach the connection after its rollback.
 */
export function atOnce<A, B>(
  manager: EntityManager,
  a: () => Promise<A>,
  b: () => Promise<B>,
): Promise<[A, B]>;
export function atOnce<A, B, C>(
  manager: EntityManager,
  a: () => Promise<A>,
  b: () => Promise<B>,
  c: () => Promise<C>,
): Promise<[A, B, C]>;
export function atOnce<A, B, C, D>(
  manager: EntityManager,
  a: () => Promise<A>,
  b: () => Promise<B>,
  c: () => Promise<C>,
  d: () => Promise<D>,
): Promise<[A, B, C, D]>;
export function atOnce<T>(manager: EntityManager, ...steps: Array<() => Promise<T>>): Promise<T[]>;
export async function atOnce(
  manager: EntityManager,
  ...steps: Array<() => Promise<unknown>>
): Promise<unknown[]> {
  if (manager.connection.options.type === 'postgres') {
    const out: unknown[] = [];
    for (const step of steps) out.push(await step());
    return out;
  }
  const settled = await Promise.allSettled(steps.map(async (step) => step()));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s.status === 'fulfilled' ? s.value : undefined));
}

/**
 * Resolves on the event loop's next turn, after the promise jobs queued before it: a statement just
 * called through TypeORM reaches the driver in those jobs, so work done after this overlaps the
 * statement running on SQLite's thread (a kept prepared statement starts when called).
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A stored timestamp (ISO text on SQLite, a Date from PostgreSQL) as ISO 8601 UTC. */
export function isoTime(value: string | Date): string {
  if (value instanceof Date) return value.toISOString();
  const text = value.includes('T') ? value : `${value.replace(' ', 'T')}Z`;
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString();
}
