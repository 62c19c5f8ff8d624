import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';

/** Groups clippings inside a transaction: `created` are those a write created or put back from the trash. */
export type GroupClippings = (
  manager: EntityManager,
  ids: readonly number[],
  created: ReadonlySet<number>,
) => Promise<void>;

/** Of these clippings, those grouping would change anything for (read outside any transaction). */
export type NeedGrouping = (ids: readonly number[], created: ReadonlySet<number>) => Promise<number[]>;

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
 * their next edit (their check stays behind their version). Before a grouping transaction is queued,
 * the clippings it would change nothing for are dropped (a read on a read connection: a save that kept
 * the body and the chain already moved its check along), so most edits queue no grouping at all.
 */
/**
 * The most clippings one grouping transaction takes. Grouping holds the write queue while it runs, and
 * a text copied many times costs tens of ms to place; a batch of everything written under load held
 * it for 300–800 ms (the load bench, where every new clipping carries one text), so editors' saves
 * waited that long behind it.
 */
export const GROUPING_BATCH = 4;

/** Rounds of the check before a grouping transaction (each for what writes added during the last). */
const SIFT_ROUNDS = 3;

@Injectable()
export class StoryGroupingQueue {
  private readonly logger = new Logger('StoryGrouping');
  /** Clippings written since the last grouping transaction started, and whether a write created each. */
  private readonly pending = new Map<number, boolean>();
  /** Per pending clipping, the number of the write that put it there last (see {@link sift}). */
  private readonly addedBy = new Map<number, number>();
  private writes = 0;
  /** A grouping transaction is queued and has not started: it will take what is pending. */
  private queued = false;
  /** The last grouping transaction scheduled. */
  private last: Promise<void> = Promise.resolve();
  private group: GroupClippings | null = null;
  private need: NeedGrouping | null = null;
  /** Grouping transactions run, and clippings they grouped (tests, diagnostics). */
  private runs = 0;

  constructor(private readonly tx: TransactionRunner) {}

  /**
   * The grouping itself (the story groups' service registers it at start), and optionally the check of
   * which clippings need it, asked before a grouping transaction is queued.
   */
  use(group: GroupClippings, need?: NeedGrouping): void {
    this.group = group;
    this.need = need ?? null;
  }

  /** Called in a write's transaction: groups `ids` after that transaction commits (never if it rolls back). */
  add(ids: readonly number[], created: ReadonlySet<number>): void {
    if (ids.length === 0) return;
    this.tx.afterCommit(() => {
      this.writes += 1;
      for (const id of ids) {
        this.pending.set(id, this.pending.get(id) === true || created.has(id));
        this.addedBy.set(id, this.writes);
      }
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

  /**
   * Drops from what is pending the clippings grouping would change nothing for (a save that kept the
   * body and the chain), read on a read connection before a grouping transaction takes the write
   * queue — unless a later write put one back meanwhile, which is asked about again. Answers the
   * clippings found to need grouping, each with the write it was asked about (null: no check, or a
   * failed one: everything pending is grouped).
   */
  private async sift(): Promise<Map<number, number | undefined> | null> {
    if (!this.need) return null;
    const ready = new Map<number, number | undefined>();
    // Writes that commit while a check runs add clippings: they are asked about in the next round.
    for (let round = 0; round < SIFT_ROUNDS; round += 1) {
      const asked = [...this.pending].filter(
        ([id]) => !ready.has(id) || ready.get(id) !== this.addedBy.get(id),
      );
      if (asked.length === 0) break;
      const seen = new Map(asked.map(([id]) => [id, this.addedBy.get(id)]));
      let needed: Set<number>;
      try {
        needed = new Set(
          await this.need(
            asked.map(([id]) => id),
            new Set(asked.filter(([, c]) => c).map(([id]) => id)),
          ),
        );
      } catch (error: unknown) {
        this.logger.warn(`story grouping check failed, grouping all: ${String(error)}`);
        return null;
      }
      for (const [id] of asked) {
        if (needed.has(id)) ready.set(id, seen.get(id));
        else if (this.addedBy.get(id) === seen.get(id)) {
          this.pending.delete(id);
          this.addedBy.delete(id);
        }
      }
    }
    return ready;
  }

  /** The pending clippings a grouping transaction takes now: those checked since their last write. */
  private takeable(ready: Map<number, number | undefined> | null): Array<[number, boolean]> {
    const all = [...this.pending];
    return ready === null
      ? all
      : all.filter(([id]) => ready.has(id) && ready.get(id) === this.addedBy.get(id));
  }

  private schedule(): void {
    if (this.queued) return;
    this.queued = true;
    let batch: Array<[number, boolean]> = [];
    let ran = false;
    this.last = this.sift()
      .then((ready) => {
        // Nothing to group now (what is still pending was written during the last check): no transaction.
        if (this.takeable(ready).length === 0) {
          this.queued = false;
          ran = true;
          return;
        }
        return this.tx.run(async (manager) => {
          this.queued = false;
          // Clippings written while this transaction waited in the queue are checked before the next one.
          batch = this.takeable(ready).slice(0, GROUPING_BATCH);
          for (const [id] of batch) {
            this.pending.delete(id);
            this.addedBy.delete(id);
          }
          if (batch.length > 0 && this.group) {
            this.runs += 1;
            const created = new Set(batch.filter(([, c]) => c).map(([id]) => id));
            await this.group(
              manager,
              batch.map(([id]) => id),
              created,
            );
          }
          ran = true;
        });
      })
      .catch((error: unknown) => {
        this.queued = false;
        for (const [id, c] of batch) this.pending.set(id, this.pending.get(id) === true || c);
        this.logger.error(
          `story grouping of ${batch.length} clippings failed; they wait for the next write: ${String(error)}`,
        );
      })
      .then(() => {
        // What is left is grouped next, behind the writes waiting by then; whoever waits for this
        // transaction waits for that one too. (After a failure, the next write schedules it.)
        if (!ran || this.pending.size === 0) return;
        this.schedule();
        return this.last;
      });
  }
}
