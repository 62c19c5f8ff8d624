import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { reusePreparedStatements } from './sqlite-statement-cache';

type Row = Record<string, unknown>;

function open(path: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db: sqlite3.Database = new sqlite3.Database(path, (error) => (error ? reject(error) : resolve(db)));
  });
}

const all = (db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<Row[]> =>
  new Promise((resolve, reject) =>
    db.all(sql, params, (error: Error | null, rows: Row[]) => (error ? reject(error) : resolve(rows))),
  );

const run = (
  db: sqlite3.Database,
  sql: string,
  params: unknown[] = [],
): Promise<{ lastID: number; changes: number }> =>
  new Promise((resolve, reject) =>
    db.run(sql, params, function done(this: sqlite3.RunResult, error: Error | null) {
      if (error) reject(error);
      else resolve({ lastID: this.lastID, changes: this.changes });
    }),
  );

const close = (db: sqlite3.Database): Promise<void> =>
  new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));

describe('reusePreparedStatements', () => {
  let dir: string;
  let db: sqlite3.Database;
  let prepared: string[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jianbao-stmt-'));
    db = await open(join(dir, 's.sqlite'));
    await all(db, 'PRAGMA journal_mode = WAL');
    await all(db, 'CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)');
    prepared = [];
    const prepare = db.prepare.bind(db) as (...args: unknown[]) => sqlite3.Statement;
    (db as unknown as { prepare: (...args: unknown[]) => sqlite3.Statement }).prepare = (...args) => {
      prepared.push(String(args[0]));
      return prepare(...args);
    };
    reusePreparedStatements(db, 3);
  });

  afterEach(async () => {
    await close(db).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('prepares a statement once and gives the same rows, lastID and changes on every use', async () => {
    const first = await run(db, 'INSERT INTO t (v) VALUES (?)', ['梁山县']);
    const second = await run(db, 'INSERT INTO t (v) VALUES (?)', ['鱼台县']);
    expect([first.lastID, second.lastID]).toEqual([1, 2]);
    expect(first.changes).toBe(1);
    const sql = 'SELECT v FROM t WHERE id >= ? ORDER BY id';
    expect(await all(db, sql, [1])).toEqual([{ v: '梁山县' }, { v: '鱼台县' }]);
    expect(await all(db, sql, [2])).toEqual([{ v: '鱼台县' }]);
    expect((await run(db, 'UPDATE t SET v = v || ? WHERE id >= ?', ['！', 1])).changes).toBe(2);
    expect(prepared.filter((s) => s === sql)).toHaveLength(1);
    expect(prepared.filter((s) => s.startsWith('INSERT'))).toHaveLength(1);
  });

  it('runs the same statement called twice at once for both callers', async () => {
    await run(db, 'INSERT INTO t (v) VALUES (?), (?)', ['甲', '乙']);
    const sql = 'SELECT v FROM t WHERE id = ?';
    const [a, b] = await Promise.all([all(db, sql, [1]), all(db, sql, [2])]);
    expect([a, b]).toEqual([[{ v: '甲' }], [{ v: '乙' }]]);
    expect(prepared.filter((s) => s === sql)).toHaveLength(1);
  });

  it('reports a statement that cannot be prepared with its own error, and does not keep it', async () => {
    await expect(all(db, 'SELECT * FROM missing_table')).rejects.toThrow(/no such table: missing_table/);
    await expect(all(db, 'SELECT * FROM missing_table')).rejects.toThrow(/no such table/);
    expect(prepared.filter((s) => s === 'SELECT * FROM missing_table')).toHaveLength(2);
  });

  it('keeps a statement usable after it failed at run time (a constraint)', async () => {
    const insert = 'INSERT INTO t (v) VALUES (?)';
    await run(db, insert, ['同名']);
    await expect(run(db, insert, ['同名'])).rejects.toThrow(/UNIQUE constraint failed/);
    expect((await run(db, insert, ['另一个'])).lastID).toBe(2);
  });

  it('holds no lock between uses: a transaction commits and a checkpoint completes after kept reads', async () => {
    await run(db, 'INSERT INTO t (v) VALUES (?)', ['一']);
    await all(db, 'BEGIN');
    await run(db, 'INSERT INTO t (v) VALUES (?)', ['二']);
    expect(await all(db, 'SELECT COUNT(*) AS n FROM t')).toEqual([{ n: 2 }]);
    await all(db, 'COMMIT');
    const reader = await open(join(dir, 's.sqlite'));
    try {
      expect(await all(reader, 'SELECT COUNT(*) AS n FROM t')).toEqual([{ n: 2 }]);
    } finally {
      await close(reader);
    }
    const [checkpoint] = await all(db, 'PRAGMA wal_checkpoint(TRUNCATE)');
    expect(checkpoint).toMatchObject({ busy: 0 });
  });

  it('evicts the least recently used statement past its capacity and still answers right', async () => {
    await run(db, 'INSERT INTO t (v) VALUES (?), (?), (?)', ['一', '二', '三']);
    const queries = [1, 2, 3, 4, 5].map((n) => `SELECT COUNT(*) AS n FROM t WHERE id < ${n}`);
    for (const q of queries) await all(db, q);
    for (const [i, q] of queries.entries()) expect(await all(db, q)).toEqual([{ n: Math.min(i, 3) }]);
    // five texts through a cache of three: each was prepared again after its eviction
    expect(prepared.filter((s) => s === queries[0])).toHaveLength(2);
  });

  it('closes the connection with statements kept (SQLite refuses while any is open)', async () => {
    await all(db, 'SELECT COUNT(*) AS n FROM t');
    await run(db, 'INSERT INTO t (v) VALUES (?)', ['关']);
    await expect(close(db)).resolves.toBeUndefined();
  });

  it('leaves statements with RETURNING to the plain path: run steps once, and a kept one would stay open', async () => {
    await all(db, 'BEGIN');
    await run(db, 'INSERT INTO t (v) VALUES (?) RETURNING id', ['返']);
    // a statement left on its first RETURNING row would make this fail: "SQL statements in progress"
    await expect(all(db, 'COMMIT')).resolves.toEqual([]);
    expect(await all(db, 'SELECT v FROM t')).toEqual([{ v: '返' }]);
  });
});
