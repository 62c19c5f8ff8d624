import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { GROUPING_BATCH, StoryGroupingQueue } from './story-grouping-queue';

describe('StoryGroupingQueue (a real SQLite file, the real transaction runner)', () => {
  let dir: string;
  let ds: DataSource;
  let tx: TransactionRunner;
  let queue: StoryGroupingQueue;
  /** What each grouping transaction was given, and the rows it could see. */
  let batches: Array<{ ids: number[]; created: number[]; visible: number }>;

  const write = (id: number, created = true): Promise<void> =>
    tx.run(async (m) => {
      await m.query('INSERT INTO t (id, v) VALUES (?, ?)', [id, `第${id}篇`]);
      queue.add([id], created ? new Set([id]) : new Set());
    });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jianbao-grouping-'));
    ds = new DataSource({ type: 'sqlite', database: join(dir, 'q.sqlite'), enableWAL: true });
    await ds.initialize();
    await ds.query('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
    tx = new TransactionRunner(ds);
    queue = new StoryGroupingQueue(tx);
    batches = [];
    queue.use(async (m: EntityManager, ids, created) => {
      const [row] = (await m.query('SELECT COUNT(*) AS n FROM t')) as Array<{ n: number }>;
      batches.push({
        ids: [...ids].sort((a, b) => a - b),
        created: [...created].sort((a, b) => a - b),
        visible: row?.n ?? 0,
      });
    });
  });

  afterEach(async () => {
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('groups the writes queued together in one transaction after they commit, at most a batch at a time', async () => {
    expect(GROUPING_BATCH).toBe(4);
    await Promise.all([1, 2, 3, 4, 5].map((id) => write(id, id !== 3)));
    await queue.settled();
    // The first write's grouping was queued behind the four writes already waiting and took a batch of
    // them; the one left was grouped by the next transaction, and settled() waited for both.
    expect(batches).toEqual([
      { ids: [1, 2, 3, 4], created: [1, 2, 4], visible: 5 },
      { ids: [5], created: [5], visible: 5 },
    ]);
    expect(queue.transactions).toBe(2);
    await write(6);
    await queue.settled();
    expect(batches[2]).toEqual({ ids: [6], created: [6], visible: 6 });
  });

  it('lets writes that queue meanwhile in between two batches', async () => {
    const order: string[] = [];
    queue.use(async (_m, ids) => {
      order.push(`group ${[...ids].join(',')}`);
    });
    await Promise.all(Array.from({ length: 9 }, (_, i) => write(i + 1)));
    // A write queued while the first batch runs goes before the batch that follows it.
    const first = queue.settled();
    const late = tx.run(async (m) => {
      await m.query('INSERT INTO t (id, v) VALUES (?, ?)', [100, '后来的']);
      order.push('write 100');
    });
    await Promise.all([first, late]);
    await queue.settled();
    const groups = order.filter((o) => o.startsWith('group'));
    expect(groups.map((o) => o.split(' ')[1]?.split(',').length)).toEqual([4, 4, 1]);
    // The write queued while the first batch waited or ran went before the second batch.
    expect(order.indexOf('write 100')).toBeLessThan(order.indexOf(groups[1] ?? ''));
  });

  it('never groups what a rolled-back write touched', async () => {
    await expect(
      tx.run(async (m) => {
        await m.query('INSERT INTO t (id, v) VALUES (1, ?)', ['回滚']);
        queue.add([1], new Set([1]));
        throw new Error('编辑失败');
      }),
    ).rejects.toThrow('编辑失败');
    await queue.settled();
    expect(batches).toEqual([]);
  });

  it('settles only once the writes answered before are grouped', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    queue.use(async (m, ids) => {
      await held;
      batches.push({ ids: [...ids], created: [], visible: 0 });
    });
    await write(1);
    let settled = false;
    const waiting = queue.settled().then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    release();
    await waiting;
    expect(batches.map((b) => b.ids)).toEqual([[1]]);
  });

  it('puts the clippings of a failed grouping back: the next write groups them too', async () => {
    let fail = true;
    queue.use(async (_m, ids, created) => {
      if (fail) throw new Error('分组出错');
      batches.push({
        ids: [...ids].sort((a, b) => a - b),
        created: [...created].sort((a, b) => a - b),
        visible: 0,
      });
    });
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      await write(1);
      await queue.settled(); // failed and logged; settled all the same
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('story grouping of 1 clippings failed'));
    } finally {
      logged.mockRestore();
    }
    expect(batches).toEqual([]);
    fail = false;
    await write(2, false);
    await queue.settled();
    expect(batches).toEqual([{ ids: [1, 2], created: [1], visible: 0 }]);
  });

  it('asks first which clippings need grouping: none, no transaction; the others are grouped', async () => {
    const asked: number[][] = [];
    const group = async (
      m: EntityManager,
      ids: readonly number[],
      created: ReadonlySet<number>,
    ): Promise<void> => {
      batches.push({
        ids: [...ids].sort((a, b) => a - b),
        created: [...created].sort((a, b) => a - b),
        visible: 0,
      });
    };
    // Even ids were saved with their body kept: nothing to group for them.
    queue.use(group, async (ids) => {
      asked.push([...ids].sort((a, b) => a - b));
      return ids.filter((id) => id % 2 === 1);
    });
    await write(2, false);
    await queue.settled();
    expect(batches).toEqual([]);
    expect(queue.transactions).toBe(0);
    await Promise.all([3, 4, 5].map((id) => write(id)));
    await queue.settled();
    expect(batches.flatMap((b) => b.ids)).toEqual([3, 5]);
    expect(asked[0]).toEqual([2]);
  });

  it('keeps a clipping a later write put back while the check ran', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    queue.use(
      async (_m, ids) => {
        batches.push({ ids: [...ids], created: [], visible: 0 });
      },
      async (ids) => {
        calls += 1;
        if (calls === 1) {
          await held; // the check of the first write's clipping is still running…
          return [];
        }
        return [...ids]; // …and the later write changed its body.
      },
    );
    await write(7, false);
    // …when another write of the same clipping commits: it must not be dropped by the first answer.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await tx.run(async () => queue.add([7], new Set()));
    release();
    await queue.settled();
    // The first answer (nothing to group) was about the earlier write: the later one is asked about
    // again, and grouped.
    expect(calls).toBe(2);
    expect(batches.map((b) => b.ids)).toEqual([[7]]);
    expect(queue.transactions).toBe(1);
  });
});

describe('TransactionRunner.afterCommit', () => {
  let dir: string;
  let ds: DataSource;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jianbao-after-commit-'));
    ds = new DataSource({ type: 'sqlite', database: join(dir, 'a.sqlite'), enableWAL: true });
    await ds.initialize();
    await ds.query('CREATE TABLE t (id INTEGER PRIMARY KEY)');
  });

  afterEach(async () => {
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs after the commit and before the next unit of work, never after a rollback', async () => {
    const tx = new TransactionRunner(ds);
    const seen: string[] = [];
    const first = tx.run(async (m) => {
      await m.query('INSERT INTO t (id) VALUES (1)');
      tx.afterCommit(() => seen.push('first committed'));
      seen.push('first ran');
    });
    const failing = tx.run(async (m) => {
      await m.query('INSERT INTO t (id) VALUES (2)');
      tx.afterCommit(() => seen.push('never'));
      throw new Error('回滚');
    });
    const third = tx.run(async () => {
      seen.push('third ran');
    });
    await first;
    await expect(failing).rejects.toThrow('回滚');
    await third;
    expect(seen).toEqual(['first ran', 'first committed', 'third ran']);
    tx.afterCommit(() => seen.push('outside: at once'));
    expect(seen[3]).toBe('outside: at once');
    expect(await ds.query('SELECT id FROM t')).toEqual([{ id: 1 }]);
  });
});
