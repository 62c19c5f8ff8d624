import type sqlite3 from 'sqlite3';

/** Prepared statements kept on the connection (the app's writes use a few hundred distinct SQL texts). */
export const CACHED_STATEMENTS = 256;

type Callback = (this: sqlite3.Statement, error: Error | null, rows?: unknown) => void;
type Operation = (statement: sqlite3.Statement) => void;

interface Entry {
  statement: sqlite3.Statement;
  /** Operations waiting for the statement's preparation; null once it is prepared. */
  waiting: Array<{ run: Operation; fail: (error: Error) => void }> | null;
}

type Method = (...args: unknown[]) => unknown;
/** The connection's methods as plain functions, to be replaced. */
type Connection = Record<'all' | 'run', Method> & {
  close: (callback?: (error: Error | null) => void) => unknown;
  prepare: sqlite3.Database['prepare'];
};
const installed = new WeakSet<object>();

/** SQL whose statement may be kept: one statement that runs to its end (no `RETURNING` row left pending). */
function cacheable(sql: unknown): sql is string {
  // Not a query plan: a kept EXPLAIN statement counts as active until it is reset, so the connection's
  // read transaction would not end after it (see sqlite-read-pool.ts).
  return typeof sql === 'string' && !/returning/i.test(sql) && !/^\s*EXPLAIN\b/i.test(sql);
}

/**
 * Makes `Database#all` and `Database#run` of TypeORM's SQLite connection reuse prepared statements.
 *
 * node-sqlite3 runs `db.all(sql, params, cb)` as three steps: prepare the statement on the thread pool,
 * run it on the thread pool, finalise it. Each thread-pool step is a round trip through the event
 * loop, which under load waits for the busy JavaScript thread (1–5 ms), and a write transaction holds
 * the write queue for every round trip of every statement. With the statement kept (per SQL text,
 * least recently used evicted past {@link CACHED_STATEMENTS}), a statement seen before costs one
 * round trip and no parsing. Results, errors (a statement that fails to prepare reports its own error
 * and is not kept), `this.lastID`/`this.changes` in `run`'s callback and the connection's parallel
 * mode are as before; `close` finalises the kept statements first (SQLite refuses to close a
 * connection with statements open). Statements are reset by their next use; one that ran to its end
 * holds no lock or snapshot in between (SQLite halts it), so commits and WAL checkpoints are not held.
 */
export function reusePreparedStatements(db: sqlite3.Database, capacity = CACHED_STATEMENTS): void {
  const connection = db as unknown as Connection;
  if (installed.has(connection)) return;
  installed.add(connection);
  const cache = new Map<string, Entry>();
  const original = {
    all: connection.all.bind(connection),
    run: connection.run.bind(connection),
    close: connection.close.bind(connection),
  };

  const evict = (): void => {
    for (const [sql, entry] of cache) {
      if (cache.size <= capacity) return;
      if (entry.waiting) continue;
      cache.delete(sql);
      entry.statement.finalize();
    }
  };

  /** Runs `operation` on the kept statement of `sql` (prepared first if new); `fail` gets a preparation error. */
  const withStatement = (sql: string, operation: Operation, fail: (error: Error) => void): void => {
    const kept = cache.get(sql);
    if (kept) {
      cache.delete(sql); // most recently used last
      cache.set(sql, kept);
      if (kept.waiting) kept.waiting.push({ run: operation, fail });
      else operation(kept.statement);
      return;
    }
    const entry: Entry = {
      statement: undefined as unknown as sqlite3.Statement,
      waiting: [{ run: operation, fail }],
    };
    cache.set(sql, entry);
    entry.statement = connection.prepare.call(db, sql, (error: Error | null) => {
      const waiting = entry.waiting ?? [];
      entry.waiting = null;
      if (error) {
        if (cache.get(sql) === entry) cache.delete(sql);
        for (const w of waiting) w.fail(error);
        return;
      }
      for (const w of waiting) w.run(entry.statement);
      evict();
    });
  };

  const replace = (method: 'all' | 'run'): void => {
    connection[method] = function cached(this: unknown, sql: unknown, ...rest: unknown[]): unknown {
      const callback = rest[rest.length - 1];
      if (!cacheable(sql) || typeof callback !== 'function') return original[method](sql, ...rest);
      withStatement(
        sql,
        // the bind values and the callback exactly as `Database#all`/`#run` hand them to the statement
        (statement) => (statement[method] as (...args: unknown[]) => unknown).apply(statement, rest),
        (error) => (callback as Callback).call(undefined as unknown as sqlite3.Statement, error),
      );
      return connection;
    };
  };
  replace('all');
  replace('run');

  connection.close = function close(callback?: (error: Error | null) => void): unknown {
    const entries = [...cache.values()];
    cache.clear();
    const finalised = entries.map(
      (entry) =>
        new Promise<void>((resolve) => {
          const finalise = (): void => void entry.statement.finalize(() => resolve());
          if (entry.waiting) entry.waiting.push({ run: finalise, fail: () => resolve() });
          else finalise();
        }),
    );
    void Promise.all(finalised).then(() => original.close(callback));
    return connection;
  };
}
