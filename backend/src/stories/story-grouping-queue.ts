import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';

/** Groups clippings inside a transaction: `created` are those a write created or put back from the trash. */
export type GroupClippings = (
  manager: EntityManager,
  ids: readonly number[],
  created: ReadonlySet<number>,
) => Promise<void>;

/**
 * Story grouping after the write, in batches. A write tells the queue which clippings it changed; once
 * that write has committed they are grouped in a transaction of their own, queued behind the writes
 * already waiting, which takes the clippings written until it starts ({@link GROUPING_BATCH} at most;
 * the rest in the next one, queued behind the writes waiting by then). Under load one grouping
 * transaction serves many writes (story grouping reads bands, members, rejections and texts for all of
 * them at once), and an editor's save no longer holds the write queue for it.
 *
 * Readers of what grouping writes (story groups, the same-story index, the review queue's count) wait
 * for {@link settled} first: whoever got the answer to a write sees it grouped. A grouping transaction
 * that fails puts its clippings back (the next write's grouping takes them again) and is logged; the
 * process ending before it ran leaves them to the start-up catch-up (clippings grouping never saw) or to
 * their next edit (their check stays behind their version).
 */
/**
 * The most clippings one grouping transaction takes. Grouping holds the write queue while it runs, and
 * a text copied many times costs tens of ms to place; a batch of everything written under load held
 * it for 300–800 ms (the load bench, where every new clipping carries one text), so editors' saves
 * waited that long behind it.
 */
export const GROUPING_BATCH = 4;

@Injectable()
export class StoryGroupingQueue {
  private readonly logger = new Logger('StoryGrouping');
  /** Clippings written since the last grouping transaction started, and whether a write created each. */
  private readonly pending = new Map<number, boolean>();
  /** A grouping transaction is queued and has not started: it will take what is pending. */
  private queued = false;
  /** The last grouping transaction scheduled. */
  private last: Promise<void> = Promise.resolve();
  private group: GroupClippings | null = null;
  /** Grouping transactions run, and clippings they grouped (tests, diagnostics). */
  private runs = 0;

  constructor(private readonly tx: TransactionRunner) {}

  /** The grouping itself (the story groups' service registers it at start). */
  use(group: GroupClippings): void {
    this.group = group;
  }

  /** Called in a write's transaction: groups `ids` after that transaction commits (never if it rolls back). */
  add(ids: readonly number[], created: ReadonlySet<number>): void {
    if (ids.length === 0) return;
    this.tx.afterCommit(() => {
      for (const id of ids) this.pending.set(id, this.pending.get(id) === true || created.has(id));
      this.schedule();
    });
  }

  /** Resolves once every clipping written before the call is grouped (or its grouping failed). */
  settled(): Promise<void> {
    return this.last;
  }

  /** Grouping transactions run so far. */
  get transactions(): number {
    return this.runs;
  }

  private schedule(): void {
    if (this.queued) return;
    this.queued = true;
    let batch: Array<[number, boolean]> = [];
    let done = false;
    this.last = this.tx
      .run(async (manager) => {
        this.queued = false;
        batch = [...this.pending].slice(0, GROUPING_BATCH);
        for (const [id] of batch) this.pending.delete(id);
        if (batch.length === 0 || !this.group) return;
        this.runs += 1;
        const created = new Set(batch.filter(([, c]) => c).map(([id]) => id));
        await this.group(
          manager,
          batch.map(([id]) => id),
          created,
        );
        done = true;
      })
      .catch((error: unknown) => {
        this.queued = false;
        for (const [id, c] of batch) this.pending.set(id, this.pending.get(id) === true || c);
        this.logger.error(
          `story grouping of ${batch.length} clippings failed; they wait for the next write: ${String(error)}`,
        );
      })
      .then(() => {
        // What the batch left is grouped next, behind the writes waiting by then; whoever waits for
        // this transaction waits for that one too. (After a failure, the next write schedules it.)
        if (!done || this.pending.size === 0) return;
        this.schedule();
        return this.last;
      });
  }
}
