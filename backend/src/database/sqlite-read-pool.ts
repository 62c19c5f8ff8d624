import sqlite3 from 'sqlite3';
import { SQLITE_MMAP_BYTES } from './sqlite-pragmas';

/** Prepared statements kept per connection (the hot reads use a few dozen distinct SQL texts). */
const STATEMENTS_PER_CONNECTION = 128;

interface Reader {
  db: sqlite3.Database;
  statements: Map<string, sqlite3.Statement>;
  /** The tail of this connection's queue: one statement at a time. */
  tail: Promise<unknown>;
  queued: number;
}

function call<T>(run: (done: (error: Error | null, value: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value))));
}

/**
 * Read-only connections to a SQLite file in WAL mode, for the reads that run outside a transaction.
 *
 * TypeORM's sqlite driver has one connection for everything. node-sqlite3 runs a connection's
 * statements on the thread pool, several at once, serialised by the connection's mutex, and finalises
 * each statement on the JavaScript thread — which then waits for that mutex while another statement
 * scans. Under concurrent requests the JavaScript thread spent about half its time blocked there.
 * Here each connection runs one statement at a time (so nothing waits on its mutex), statements are
 * prepared once and reused (no finalisation per query), and a read never waits for a write: in WAL
 * mode a reader sees the last committed state, whatever the writer is doing.
 */
export class SqliteReadPool {
  private closed = false;

  private constructor(private readonly readers: Reader[]) {}

  /** Opens `size` read-only connections to `path` (which must exist, in WAL mode). */
  static async open(path: string, size: number, busyTimeoutMs = 5000): Promise<SqliteReadPool> {
    const readers: Reader[] = [];
    try {
      for (let i = 0; i < size; i += 1) {
        const db = await call<sqlite3.Database>((done) => {
          const opened: sqlite3.Database = new sqlite3.Database(path, sqlite3.OPEN_READONLY, (error) =>
            done(error, opened),
          );
        });
        db.configure('busyTimeout', busyTimeoutMs);
        readers.push({ db, statements: new Map(), tail: Promise.resolve(), queued: 0 });
        await call<void>((done) =>
          db.exec(`PRAGMA mmap_size = ${SQLITE_MMAP_BYTES}`, (e) => done(e, undefined)),
        );
      }
    } catch (error) {
      await Promise.all(readers.map((r) => call<void>((done) => r.db.close((e) => done(e, undefined)))));
      throw error;
    }
    return new SqliteReadPool(readers);
  }

  get size(): number {
    return this.readers.length;
  }

  /** Runs one SELECT (`?` placeholders) on the least busy connection and returns its rows. */
  all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    if (this.closed) return Promise.reject(new Error('The read pool is closed'));
    let reader = this.readers[0] as Reader;
    for (const r of this.readers) if (r.queued < reader.queued) reader = r;
    reader.queued += 1;
    const run = reader.tail.then(() => this.run<T>(reader, sql, params));
    reader.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run.finally(() => {
      reader.queued -= 1;
    });
  }

  private async run<T>(reader: Reader, sql: string, params: readonly unknown[]): Promise<T[]> {
    let statement = reader.statements.get(sql);
    if (statement) {
      // Most recently used last, so that the first entry is the one to evict.
      reader.statements.delete(sql);
      reader.statements.set(sql, statement);
    } else {
      statement = await call<sqlite3.Statement>((done) => {
        const prepared: sqlite3.Statement = reader.db.prepare(sql, (error: Error | null) =>
          done(error, prepared),
        );
      });
      reader.statements.set(sql, statement);
      if (reader.statements.size > STATEMENTS_PER_CONNECTION) {
        const [oldestSql, oldest] = reader.statements.entries().next().value as [string, sqlite3.Statement];
        reader.statements.delete(oldestSql);
        oldest.finalize();
      }
    }
    const prepared = statement;
    return call<T[]>((done) =>
      prepared.all([...params], (error: Error | null, rows: T[]) => done(error, rows)),
    );
  }

  /** Waits for the queued statements, then finalises them and closes every connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(
      this.readers.map(async (reader) => {
        await reader.tail;
        for (const statement of reader.statements.values())
          await call<void>((done) => statement.finalize((error) => done(error ?? null, undefined)));
        reader.statements.clear();
        await call<void>((done) => reader.db.close((error) => done(error, undefined)));
      }),
    );
  }
}
