import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DataSource, EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { READ_HOLD_FROM, READ_HOLD_MAX_MS, readAdmission } from './read-admission';

/** A runner over a data source whose transactions run the work as given (no database). */
function runner(): TransactionRunner {
  const ds = {
    options: { type: 'postgres' },
    driver: {},
    transaction: async (...args: unknown[]) =>
      (args[args.length - 1] as (m: EntityManager) => Promise<unknown>)({} as EntityManager),
  };
  return new TransactionRunner(ds as unknown as DataSource);
}

const request = (method: string): IncomingMessage => ({ method }) as IncomingMessage;
const response = {} as ServerResponse;

describe('read admission: saves before reads when the writer is behind', () => {
  it('lets reads through at once while the write queue is short', () => {
    const admit = readAdmission(runner());
    const next = jest.fn();
    admit(request('GET'), response, next);
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('holds a read while the queue is long and lets it go as soon as the queue is shorter', async () => {
    const tx = runner();
    const releases: Array<() => void> = [];
    const units = Array.from({ length: READ_HOLD_FROM }, () =>
      tx.run(() => new Promise<void>((resolve) => releases.push(resolve))),
    );
    expect(tx.backlog).toBe(READ_HOLD_FROM);
    const read = jest.fn();
    const write = jest.fn();
    readAdmission(tx)(request('GET'), response, read);
    readAdmission(tx)(request('POST'), response, write);
    expect(write).toHaveBeenCalledTimes(1); // writes are never held
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(read).not.toHaveBeenCalled();
    // The first unit (the only one started) finishes: the queue is one shorter, the read goes.
    releases[0]?.();
    await units[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(tx.backlog).toBe(READ_HOLD_FROM - 1);
    expect(read).toHaveBeenCalledTimes(1);
    for (let i = 1; i < READ_HOLD_FROM; i += 1) {
      while (releases.length <= i) await new Promise((resolve) => setImmediate(resolve));
      releases[i]?.();
      await units[i];
    }
  });

  it('holds a read no longer than the limit when the queue stays long', async () => {
    const tx = runner();
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const units = Array.from({ length: READ_HOLD_FROM }, () => tx.run(() => blocked));
    const started = performance.now();
    await new Promise<void>((resolve) => readAdmission(tx)(request('GET'), response, resolve));
    const held = performance.now() - started;
    expect(held).toBeGreaterThanOrEqual(READ_HOLD_MAX_MS - 5);
    expect(tx.backlog).toBe(READ_HOLD_FROM);
    release();
    await Promise.all(units);
  });
});
