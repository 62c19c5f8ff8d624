import { Worker } from 'node:worker_threads';
import { SQLITE_MMAP_BYTES } from './sqlite-pragmas';

/** Prepared statements kept per connection (the hot reads use a few dozen distinct SQL texts). */
const STATEMENTS_PER_CONNECTION = 128;

/** What the pool's thread is told to do. */
type Request = { type: 'all'; id: number; sql: string; params: unknown[] } | { type: 'close' };

/** What the pool's thread answers. */
type Reply =
  | { type: 'opened' }
  | { type: 'open-failed'; error: ErrorShape }
  | { type: 'rows'; id: number; rows: unknown[] }
  | { type: 'failed'; id: number; error: ErrorShape }
  | { type: 'closed' };

/** A driver error as it crosses the thread boundary (node-sqlite3 sets `code` and `errno`). */
interface ErrorShape {
  message: string;
  code?: unknown;
  errno?: unknown;
}

interface Options {
  /** The `sqlite3` package's entry, resolved here (the thread's code is evaluated, not loaded from a file). */
  sqlite3: string;
  path: string;
  size: number;
  busyTimeoutMs: number;
  mmapBytes: number;
  statementsPerConnection: number;
}

/**
 * The pool's thread: `size` read-only connections, each running one statement at a time (the least
 * busy one takes the next statement), statements prepared once per connection and reused (least
 * recently used finalised past `statementsPerConnection`). Self-contained — it runs as the source of a
 * worker (`eval`), so it uses nothing from this module's scope.
 */
function readerThread(): void {
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const options = workerData as Options;
  const sqlite = require(options.sqlite3) as typeof import('sqlite3');
  type Job = { id: number; sql: string; params: unknown[] };
  interface Reader {
    db: import('sqlite3').Database;
    statements: Map<string, import('sqlite3').Statement>;
    queue: Job[];
    busy: boolean;
  }
  const port = parentPort as import('node:worker_threads').MessagePort;
  const shape = (error: unknown): ErrorShape => {
    const e = error as { message?: unknown; code?: unknown; errno?: unknown };
    return { message: String(e?.message ?? error), code: e?.code, errno: e?.errno };
  };
  const readers: Reader[] = [];
  let closing = false;

  const next = (reader: Reader): void => {
    const job = reader.queue.shift();
    if (!job) {
      reader.busy = false;
      if (closing && readers.every((r) => !r.busy)) close();
      return;
    }
    reader.busy = true;
    const fail = (error: unknown): void => {
      port.postMessage({ type: 'failed', id: job.id, error: shape(error) } satisfies Reply);
      next(reader);
    };
    const answer = (error: Error | null, rows: unknown[]): void => {
      if (error) fail(error);
      else {
        port.postMessage({ type: 'rows', id: job.id, rows } satisfies Reply);
        next(reader);
      }
    };
    const run = (statement: import('sqlite3').Statement): void => {
      statement.all(job.params, answer);
    };
    // A query plan (`EXPLAIN …`) is prepared, run and finalised each time, never kept: SQLite ends an
    // EXPLAIN statement's run only when it is reset, and until then counts it as active, so the next
    // statement's read transaction on that connection never ended — every read after it saw the
    // database as it was then (a list page that asked its plan stopped seeing new filings).
    if (/^\s*EXPLAIN\b/i.test(job.sql)) {
      reader.db.all(job.sql, job.params, answer);
      return;
    }
    const kept = reader.statements.get(job.sql);
    if (kept) {
      // Most recently used last, so that the first entry is the one to evict.
      reader.statements.delete(job.sql);
      reader.statements.set(job.sql, kept);
      run(kept);
      return;
    }
    const prepared: import('sqlite3').Statement = reader.db.prepare(job.sql, (error: Error | null) => {
      if (error) {
        fail(error);
        return;
      }
      reader.statements.set(job.sql, prepared);
      if (reader.statements.size > options.statementsPerConnection) {
        const [oldestSql, oldest] = reader.statements.entries().next().value as [
          string,
          import('sqlite3').Statement,
        ];
        reader.statements.delete(oldestSql);
        oldest.finalize();
      }
      run(prepared);
    });
  };

  const close = (): void => {
    let left = readers.length;
    const done = (): void => {
      left -= 1;
      if (left > 0) return;
      port.postMessage({ type: 'closed' } satisfies Reply);
      // Nothing left to wait for: the thread ends by itself. (Terminating it from outside while
      // node-sqlite3 still has a callback to make aborts the process.)
      port.close();
    };
    if (left === 0) done();
    for (const reader of readers) {
      for (const statement of reader.statements.values()) statement.finalize();
      reader.statements.clear();
      reader.db.close(() => done());
    }
  };

  port.on('message', (request: Request) => {
    if (request.type === 'close') {
      closing = true;
      if (readers.every((r) => !r.busy)) close();
      return;
    }
    let reader = readers[0] as Reader;
    for (const r of readers)
      if (r.queue.length + (r.busy ? 1 : 0) < reader.queue.length + (reader.busy ? 1 : 0)) reader = r;
    reader.queue.push({ id: request.id, sql: request.sql, params: request.params });
    if (!reader.busy) next(reader);
  });

  const open = (i: number): void => {
    if (i === options.size) {
      port.postMessage({ type: 'opened' } satisfies Reply);
      return;
    }
    const db: import('sqlite3').Database = new sqlite.Database(
      options.path,
      sqlite.OPEN_READONLY,
      (error) => {
        if (error) {
          port.postMessage({ type: 'open-failed', error: shape(error) } satisfies Reply);
          return;
        }
        db.configure('busyTimeout', options.busyTimeoutMs);
        readers.push({ db, statements: new Map(), queue: [], busy: false });
        db.exec(`PRAGMA mmap_size = ${options.mmapBytes}`, (e) => {
          if (e) port.postMessage({ type: 'open-failed', error: shape(e) } satisfies Reply);
          else open(i + 1);
        });
      },
    );
  };
  open(0);
}

/** The driver's error again on this side of the thread boundary, with its `code` and `errno`. */
function errorFrom(shape: ErrorShape): Error {
  return Object.assign(new Error(shape.message), { code: shape.code, errno: shape.errno });
}

/**
 * Read-only connections to a SQLite file in WAL mode, for the reads that run outside a transaction,
 * on a thread of their own.
 *
 * TypeORM's sqlite driver has one connection for everything. node-sqlite3 runs a connection's
 * statements on the thread pool, several at once, serialised by the connection's mutex, and finalises
 * each statement on the JavaScript thread — which then waits for that mutex while another statement
 * scans. Here each connection runs one statement at a time (so nothing waits on its mutex), statements
 * are prepared once and reused (no finalisation per query), and a read never waits for a write: in WAL
 * mode a reader sees the last committed state, whatever the writer is doing.
 *
 * The connections live on a worker thread: node-sqlite3 turns every value of a result into a
 * JavaScript value on the thread that called it (about 0.45 µs a value, 200+ µs for a list page's
 * rows), and that thread also takes each statement's hand-off to the thread pool and its completion.
 * On the app's one JavaScript thread, busy with every request, that was the largest share of a read;
 * on the pool's thread it uses the machine's other core, and the app's thread receives the rows as a
 * structured clone (about a quarter of the cost; docs/benchmarks.md, "Reads on a thread of their own").
 */
export class SqliteReadPool {
  private closed = false;
  private nextId = 0;
  private readonly pending = new Map<
    number,
    { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }
  >();
  private closing: (() => void) | null = null;

  private constructor(
    private readonly worker: Worker,
    private readonly connections: number,
  ) {
    worker.on('message', (reply: Reply) => this.receive(reply));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', () => this.fail(new Error('The read pool’s thread has stopped')));
  }

  /** Opens `size` read-only connections to `path` (which must exist, in WAL mode) on a thread of their own. */
  static async open(path: string, size: number, busyTimeoutMs = 5000): Promise<SqliteReadPool> {
    const options: Options = {
      sqlite3: require.resolve('sqlite3'),
      path,
      size,
      busyTimeoutMs,
      mmapBytes: SQLITE_MMAP_BYTES,
      statementsPerConnection: STATEMENTS_PER_CONNECTION,
    };
    const worker = new Worker(`(${readerThread.toString()})()`, { eval: true, workerData: options });
    const ready = await new Promise<Reply>((resolve, reject) => {
      const onMessage = (reply: Reply): void => {
        worker.off('error', onError);
        resolve(reply);
      };
      const onError = (error: Error): void => {
        worker.off('message', onMessage);
        reject(error);
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
    });
    if (ready.type !== 'opened') {
      await worker.terminate(); // no statement of it is running
      throw ready.type === 'open-failed' ? errorFrom(ready.error) : new Error('The read pool did not open');
    }
    return new SqliteReadPool(worker, size);
  }

  get size(): number {
    return this.connections;
  }

  /** Runs one SELECT (`?` placeholders) on the least busy connection and returns its rows. */
  all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    if (this.closed) return Promise.reject(new Error('The read pool is closed'));
    const id = (this.nextId += 1);
    return new Promise<T[]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (rows: unknown[]) => void, reject });
      this.worker.postMessage({ type: 'all', id, sql, params: [...params] } satisfies Request);
    });
  }

  /** Waits for the statements sent, then finalises them and closes every connection and the thread. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    await new Promise<void>((resolve) => {
      this.closing = resolve;
      this.worker.postMessage({ type: 'close' } satisfies Request);
    });
    await exited;
  }

  private receive(reply: Reply): void {
    if (reply.type === 'rows' || reply.type === 'failed') {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.type === 'rows') waiting.resolve(reply.rows);
      else waiting.reject(errorFrom(reply.error));
    } else if (reply.type === 'closed') {
      this.closing?.();
      this.closing = null;
    }
  }

  /** The thread failed or stopped: every statement waiting fails, and the pool is closed. */
  private fail(error: Error): void {
    this.closed = true;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    this.closing?.();
    this.closing = null;
  }
}
