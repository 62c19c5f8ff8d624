import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { TransactionRunner } from './transaction-runner';

describe('SQLite write gate', () => {
  let dir: string;
  let ds: DataSource;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jianbao-gate-'));
    ds = new DataSource({ type: 'sqlite', database: join(dir, 'g.sqlite'), enableWAL: true });
    await ds.initialize();
    await ds.query('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  });

  afterEach(async () => {
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds reads from outside an open write transaction until it commits, and keeps its own statements flowing', async () => {
    const runner = new TransactionRunner(ds);
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const write = runner.run(async (m) => {
      await m.query("INSERT INTO t (v) VALUES ('未提交')");
      order.push('inserted');
      await gate;
      await m.query("INSERT INTO t (v) VALUES ('第二行')");
      order.push('committing');
    });
    while (!order.includes('inserted')) await new Promise((r) => setTimeout(r, 1));
    const read = ds.query('SELECT COUNT(*) AS n FROM t').then((rows: Array<{ n: number }>) => {
      order.push(`read ${rows[0]?.n}`);
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(order).toEqual(['inserted']); // the read waits: it would otherwise see the uncommitted row
    release();
    await Promise.all([write, read]);
    expect(order).toEqual(['inserted', 'committing', 'read 2']);
  });

  it('releases held reads after a rollback too', async () => {
    const runner = new TransactionRunner(ds);
    let started = false;
    const failing = runner.run(async (m) => {
      await m.query("INSERT INTO t (v) VALUES ('回滚')");
      started = true;
      await new Promise((r) => setTimeout(r, 20));
      throw new Error('失败');
    });
    while (!started) await new Promise((r) => setTimeout(r, 1));
    const read = ds.query('SELECT COUNT(*) AS n FROM t') as Promise<Array<{ n: number }>>;
    await expect(failing).rejects.toThrow('失败');
    expect((await read)[0]?.n).toBe(0);
  });
});
