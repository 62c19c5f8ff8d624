import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ReadQueries, toDollarPlaceholders } from './read-queries';
import { idList } from './row-reader';
import { SqliteReadPool } from './sqlite-read-pool';
import { TransactionRunner } from './transaction-runner';

describe('SQLite read pool', () => {
  let dir: string;
  let path: string;
  let ds: DataSource;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jianbao-readers-'));
    path = join(dir, 'r.sqlite');
    ds = new DataSource({ type: 'sqlite', database: path, enableWAL: true });
    await ds.initialize();
    await ds.query('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
    await ds.query("INSERT INTO t (v) VALUES ('梁山县'), ('济宁市')");
  });

  afterEach(async () => {
    if (ds.isInitialized) await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads committed rows, never a write transaction still open on the main connection', async () => {
    const pool = await SqliteReadPool.open(path, 2);
    try {
      const runner = new TransactionRunner(ds);
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let inserted = false;
      const write = runner.run(async (m) => {
        await m.query("INSERT INTO t (v) VALUES ('未提交')");
        inserted = true;
        await held;
      });
      while (!inserted) await new Promise((r) => setTimeout(r, 1));
      // Not held up by the open transaction, and blind to its row.
      expect(await pool.all<{ n: number }>('SELECT COUNT(*) AS n FROM t')).toEqual([{ n: 2 }]);
      release();
      await write;
      expect(await pool.all<{ n: number }>('SELECT COUNT(*) AS n FROM t')).toEqual([{ n: 3 }]);
    } finally {
      await pool.close();
    }
  });

  it('sees later writes after asking a query plan (an EXPLAIN leaves no snapshot behind)', async () => {
    const pool = await SqliteReadPool.open(path, 1);
    try {
      const count = async (): Promise<number> =>
        Number((await pool.all<{ n: number }>('SELECT COUNT(*) AS n FROM t', []))[0]?.n);
      expect(await count()).toBe(2);
      for (let i = 0; i < 2; i += 1)
        expect(
          (await pool.all<{ detail: string }>('EXPLAIN QUERY PLAN SELECT id FROM t WHERE v = ?', ['梁山县']))
            .length,
        ).toBeGreaterThan(0);
      expect(await count()).toBe(2);
      await ds.query("INSERT INTO t (v) VALUES ('鱼台县')");
      expect(await count()).toBe(3);
      await ds.query("INSERT INTO t (v) VALUES ('金乡县')");
      expect(await count()).toBe(4);
    } finally {
      await pool.close();
    }
  });

  it('maps the file on every connection (reads without a copy per page)', async () => {
    const pool = await SqliteReadPool.open(path, 2);
    try {
      const maps = await Promise.all(
        [0, 1, 2, 3].map(() => pool.all<{ mmap_size: number }>('PRAGMA mmap_size')),
      );
      for (const [row] of maps) expect(row?.mmap_size).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  it('runs many statements at once, reuses prepared statements, and refuses writes and use after close', async () => {
    const pool = await SqliteReadPool.open(path, 2);
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        // 300 distinct texts: more than a connection keeps prepared, so old ones are finalised on the way.
        pool.all<{ v: string; k: number }>(`SELECT v, ${i} AS k FROM t WHERE id = ?`, [1 + (i % 2)]),
      ),
    );
    results.forEach((rows, i) => expect(rows).toEqual([{ v: i % 2 === 0 ? '梁山县' : '济宁市', k: i }]));
    await expect(pool.all("INSERT INTO t (v) VALUES ('x')")).rejects.toThrow(/readonly/i);
    expect(await pool.all('SELECT v FROM t WHERE id = ?', [2])).toEqual([{ v: '济宁市' }]);
    await pool.close();
    await expect(pool.all('SELECT 1')).rejects.toThrow(/closed/);
  });

  it('ReadQueries: ids as one JSON parameter; inside a transaction on its connection, outside on the readers', async () => {
    const reads = new ReadQueries(ds, 2);
    await reads.onModuleInit();
    try {
      const ids = idList(ds, [2, 1, 99]);
      expect(await reads.all(`SELECT v FROM t WHERE id IN ${ids.sql} ORDER BY id`, [ids.param])).toEqual([
        { v: '梁山县' },
        { v: '济宁市' },
      ]);
      await new TransactionRunner(ds).run(async (m) => {
        await m.query("INSERT INTO t (v) VALUES ('汶上县')");
        // Its own uncommitted row is visible to the transaction's reads…
        expect(await reads.all('SELECT COUNT(*) AS n FROM t', [], m)).toEqual([{ n: 3 }]);
      });
      // …and to everyone once committed.
      expect(await reads.all('SELECT COUNT(*) AS n FROM t', [])).toEqual([{ n: 3 }]);
      await expect(reads.all('SELECT nope FROM t', [])).rejects.toMatchObject({ name: 'QueryFailedError' });
    } finally {
      await reads.onApplicationShutdown();
    }
  });

  it('numbers placeholders for PostgreSQL', () => {
    expect(toDollarPlaceholders('SELECT a FROM t WHERE b = ? AND c IN (SELECT unnest(?::int[]))')).toBe(
      'SELECT a FROM t WHERE b = $1 AND c IN (SELECT unnest($2::int[]))',
    );
  });
});
