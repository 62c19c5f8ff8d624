import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TransactionRunner } from '../database/transaction-runner';

/** From this many units of work queued or running, an API read waits before it starts. */
export const READ_HOLD_FROM = 4;
/** The longest an API read waits for the write queue. */
export const READ_HOLD_MAX_MS = 100;

/**
 * Saves before reads when the writer is behind: while the write queue holds {@link READ_HOLD_FROM}
 * units of work or more, an API read (`GET`) waits until it holds fewer, at most
 * {@link READ_HOLD_MAX_MS}, before it starts.
 *
 * The one writer's transactions run a statement at a time, each a round through the thread pool and
 * the JavaScript thread; with reads in full flow those rounds share both cores with every read, and a
 * transaction that takes 4 ms alone took 17–19 ms (the load bench, 100,000 clippings). The writer then
 * fell behind and the saves queued for most of a second. Holding the reads while the queue is long
 * gives the writer the machine for a moment: its transactions run in about 4 ms again, the queue
 * empties, and the reads go on — each waits a little instead of the saves waiting long
 * (docs/benchmarks.md, "Saves before reads").
 */
export function readAdmission(tx: Pick<TransactionRunner, 'backlog' | 'whenBacklogBelow'>) {
  return (req: IncomingMessage, _res: ServerResponse, next: () => void): void => {
    if (req.method !== 'GET' || tx.backlog < READ_HOLD_FROM) {
      next();
      return;
    }
    void tx.whenBacklogBelow(READ_HOLD_FROM, READ_HOLD_MAX_MS).then(() => next());
  };
}
