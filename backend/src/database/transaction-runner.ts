import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { withConnectionReserved } from './sqlite-write-gate';

/** PostgreSQL SQLSTATEs after which the whole transaction may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

/** Attempts of one unit of work on PostgreSQL before its serialization failure reaches the caller. */
export const MAX_ATTEMPTS = 12;

function sqlState(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  return e.driverError?.code ?? e.code;
}

/** Whether `error` is a PostgreSQL serialization failure or deadlock (the transaction can be retried). */
export function isRetryableTransactionError(error: unknown): boolean {
  return RETRYABLE.has(sqlState(error) as string);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Transactions whose times are kept for the shutdown summary (the first ones; enough for a bench run). */
const KEPT_TIMES = 200_000;

/** How the queue served its transactions: waiting in it, running, and retries (PostgreSQL). */
export interface QueueStats {
  transactions: number;
  /** Milliseconds from `run` to the transaction's start (p50, p99, max). */
  waitMs: { p50: number; p99: number; max: number };
  /** Milliseconds from the start to the commit or failure, retries included. */
  runMs: { p50: number; p99: number; max: number };
  retries: number;
}

function spread(values: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

/**
 * Runs a unit of work in a transaction, one at a time per process.
 * - SQLite: TypeORM's sqlite driver shares one connection (and one query runner) between all callers,
 *   so concurrent transactions would interleave; they are queued, and while one runs, queries from
 *   outside it wait (see sqlite-write-gate.ts).
 * - PostgreSQL: queued too (reads outside transactions still run in parallel on the pool), so the
 *   read-check-write units (version checks, "is this name taken", filing with its story and
 *   continuation matching) behave as on SQLite; and SERIALIZABLE on a pooled connection, so they also
 *   stay correct against other processes (the CLI importing while the server runs). Without the queue,
 *   concurrent filings conflict on their predicate locks more often than retries absorb (50 clients,
 *   5% POSTs: 1 in 10 POSTs failed after 12 attempts with the pool's 10 transactions at once, still 5
 *   in 180 with 2 at once; none queued, at the same throughput). A serialization failure or deadlock
 *   rolls back and runs `work` again (jittered back-off): `work` must therefore do nothing outside the
 *   database that cannot be repeated.
 */
@Injectable()
export class TransactionRunner implements BeforeApplicationShutdown {
  private readonly logger = new Logger('TransactionRunner');
  private queue: Promise<unknown> = Promise.resolve();
  private readonly waits: number[] = [];
  private readonly runs: number[] = [];
  private transactions = 0;
  private retries = 0;
  /** Units of work queued or running. */
  private active = 0;
  /** When the queue last became empty (`performance.now()`). */
  private emptySince = performance.now();
  /** What waits for the running unit of work's commit (null while none runs). */
  private committed: Array<() => void> | null = null;
  /** Set at shutdown: background batches stop after the one running. */
  private stopping = false;
  /** Background batches running now. */
  private readonly batches = new Set<Promise<unknown>>();

  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const sqlite = this.dataSource.options.type === 'sqlite';
    const queued = performance.now();
    this.active += 1;
    const next = this.queue.then(async () => {
      const started = performance.now();
      try {
        const attempt = (manager: EntityManager): Promise<T> => {
          this.committed = []; // a retried attempt starts again
          return work(manager);
        };
        const result = await (sqlite
          ? withConnectionReserved(this.dataSource, () => this.dataSource.transaction(attempt))
          : this.runWithRetry(attempt));
        const callbacks = this.committed ?? [];
        this.committed = null;
        for (const callback of callbacks) {
          try {
            callback();
          } catch (error) {
            this.logger.error(`after-commit work failed: ${String(error)}`);
          }
        }
        return result;
      } finally {
        this.committed = null;
        this.note(started - queued, performance.now() - started);
        this.active -= 1;
        if (this.active === 0) this.emptySince = performance.now();
        this.releaseWaiters();
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Units of work queued or running. */
  get backlog(): number {
    return this.active;
  }

  /**
   * Resolves once fewer than `below` units of work are queued or running, or after `maxMs` (the read
   * admission's hold: see app/read-admission.ts).
   */
  whenBacklogBelow(below: number, maxMs: number): Promise<void> {
    if (this.active < below) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const waiter = {
        below,
        resolve: (): void => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve();
        },
      };
      const timer = setTimeout(() => waiter.resolve(), maxMs);
      this.waiters.add(waiter);
    });
  }

  private readonly waiters = new Set<{ below: number; resolve: () => void }>();

  private releaseWaiters(): void {
    for (const waiter of [...this.waiters]) if (this.active < waiter.below) waiter.resolve();
  }

  /**
   * Runs `callback` once the unit of work running now has committed, before the next one starts; never
   * when it rolls back (nor for an attempt that PostgreSQL retries). Outside a unit of work it runs at
   * once. For work that only makes sense for committed rows (e.g. deferring derived indexes).
   */
  afterCommit(callback: () => void): void {
    if (this.committed) this.committed.push(callback);
    else callback();
  }

  /**
   * Milliseconds since the last unit of work finished, 0 while one is queued or running: background
   * work waits for a quiet queue so that editors' writes never queue behind it for long.
   */
  idleForMs(): number {
    return this.active > 0 ? 0 : performance.now() - this.emptySince;
  }

  /**
   * Background work in batches (the start-up catch-ups): `step` runs one batch of at most `batch` items
   * (its own units of work) and answers how many it did; each starts only once the queue has been empty
   * for `quietMs`, so editors' writes wait behind one batch at most. Stops after a short batch, or at
   * shutdown after the batch running. Answers the total.
   */
  async inQuietBatches(step: () => Promise<number>, batch: number, quietMs: number): Promise<number> {
    let total = 0;
    while (!this.stopping) {
      const quiet = this.idleForMs();
      if (quiet < quietMs) {
        await sleep(quietMs - quiet);
        continue;
      }
      const running = step();
      this.batches.add(running);
      try {
        const n = await running;
        total += n;
        if (n < batch) break;
      } finally {
        this.batches.delete(running);
      }
    }
    return total;
  }

  /** Time in the queue and running, of the transactions so far (the first {@link KEPT_TIMES}). */
  stats(): QueueStats {
    return {
      transactions: this.transactions,
      waitMs: spread(this.waits),
      runMs: spread(this.runs),
      retries: this.retries,
    };
  }

  /** One line on shutdown (before the logs are flushed): how long writes waited for the queue and held it (the load bench reads it). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.batches].map((b) => b.catch(() => undefined)));
    if (this.transactions === 0) return;
    this.logger.log(`write queue ${JSON.stringify(this.stats())}`);
  }

  private note(waitMs: number, runMs: number): void {
    this.transactions += 1;
    if (this.waits.length >= KEPT_TIMES) return;
    this.waits.push(waitMs);
    this.runs.push(runMs);
  }

  private async runWithRetry<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.dataSource.transaction('SERIALIZABLE', work);
      } catch (error) {
        if (!isRetryableTransactionError(error) || attempt >= MAX_ATTEMPTS) throw error;
        this.retries += 1;
        if (attempt >= 4)
          this.logger.warn(`transaction retried ${attempt} times (${String(sqlState(error))})`);
        await sleep(Math.random() * Math.min(200, 5 * 2 ** attempt));
      }
    }
  }
}
