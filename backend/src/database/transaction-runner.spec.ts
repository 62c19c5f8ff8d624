import type { DataSource, EntityManager } from 'typeorm';
import { isRetryableTransactionError, MAX_ATTEMPTS, TransactionRunner } from './transaction-runner';

/** A data source whose `transaction` fails with the given errors first, then runs the work. */
function fakeDataSource(type: string, failures: unknown[]) {
  const calls: unknown[][] = [];
  const ds = {
    options: { type },
    driver: {}, // no sqlite connection: the SQLite write gate stays out of the way
    transaction: jest.fn(async (...args: unknown[]) => {
      calls.push(args);
      const failure = failures.shift();
      if (failure) throw failure;
      const work = args[args.length - 1] as (m: EntityManager) => Promise<unknown>;
      return work({} as EntityManager);
    }),
  };
  return { ds: ds as unknown as DataSource, calls };
}

const serialization = { driverError: { code: '40001' }, message: 'could not serialize access' };

describe('TransactionRunner', () => {
  it('knows which PostgreSQL errors can be retried', () => {
    expect(isRetryableTransactionError(serialization)).toBe(true);
    expect(isRetryableTransactionError({ code: '40P01' })).toBe(true);
    expect(isRetryableTransactionError({ code: '23505' })).toBe(false);
    expect(isRetryableTransactionError(new Error('boom'))).toBe(false);
  });

  it('on PostgreSQL runs SERIALIZABLE and retries serialization failures and deadlocks', async () => {
    const { ds, calls } = fakeDataSource('postgres', [serialization, { code: '40P01' }]);
    await expect(new TransactionRunner(ds).run(async () => '已提交')).resolves.toBe('已提交');
    expect(calls).toHaveLength(3);
    expect(calls.every((c) => c[0] === 'SERIALIZABLE')).toBe(true);
  });

  it('does not retry other errors, and gives up after MAX_ATTEMPTS', async () => {
    const unique = { code: '23505' };
    const first = fakeDataSource('postgres', [unique]);
    await expect(new TransactionRunner(first.ds).run(async () => 1)).rejects.toBe(unique);
    expect(first.calls).toHaveLength(1);

    const always = fakeDataSource(
      'postgres',
      Array.from({ length: MAX_ATTEMPTS }, () => serialization),
    );
    await expect(new TransactionRunner(always.ds).run(async () => 1)).rejects.toBe(serialization);
    expect(always.calls).toHaveLength(MAX_ATTEMPTS);
  }, 20_000);

  it.each(['sqlite', 'postgres'])('on %s queues transactions one after another', async (type) => {
    const { ds } = fakeDataSource(type, []);
    const runner = new TransactionRunner(ds);
    const order: string[] = [];
    const slow = runner.run(async () => {
      await new Promise((r) => setTimeout(r, 20));
      order.push('慢');
    });
    const fast = runner.run(async () => {
      order.push('快');
    });
    await Promise.all([slow, fast]);
    expect(order).toEqual(['慢', '快']);
  });
});

describe('TransactionRunner.inQuietBatches', () => {
  it('runs batches while the queue is quiet until a short one, and waits for a unit of work in the queue', async () => {
    const { ds } = fakeDataSource('postgres', []);
    const runner = new TransactionRunner(ds);
    const sizes = [3, 3, 1, 3];
    const order: string[] = [];
    let release!: () => void;
    const held = runner.run(() => new Promise<void>((resolve) => (release = resolve)));
    const batches = runner.inQuietBatches(
      async () => {
        order.push('batch');
        return sizes.shift() ?? 0;
      },
      3,
      5,
    );
    await sleepMs(30);
    expect(order).toEqual([]); // the queue is busy: no batch yet
    release();
    await held;
    order.push('write done');
    await expect(batches).resolves.toBe(7);
    expect(order).toEqual(['write done', 'batch', 'batch', 'batch']);
  });

  it('stops at shutdown after the batch running, which shutdown waits for', async () => {
    const { ds } = fakeDataSource('postgres', []);
    const runner = new TransactionRunner(ds);
    let finish!: () => void;
    let calls = 0;
    const batches = runner.inQuietBatches(
      () => {
        calls += 1;
        return new Promise<number>((resolve) => (finish = () => resolve(10)));
      },
      10,
      0,
    );
    while (calls === 0) await sleepMs(1);
    let down = false;
    const shutdown = runner.beforeApplicationShutdown().then(() => (down = true));
    await sleepMs(10);
    expect(down).toBe(false);
    finish();
    await shutdown;
    await expect(batches).resolves.toBe(10);
    expect(calls).toBe(1);
  });
});

function sleepMs(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
