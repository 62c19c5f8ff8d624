import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBackup } from './backup';
import { runMigrate } from './migrate';
import { runRestore } from './restore';
import { checkDatabaseFile, SqliteFile } from './sqlite-file';

describe('backup and restore commands', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jianbao-cli-backup-'));
    out = [];
    err = [];
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function insertPublication(path: string, name: string): Promise<void> {
    const db = await SqliteFile.open(path, 'readwrite');
    await db.run('INSERT INTO publication (name) VALUES (?)', [name]);
    await db.close();
  }

  it('copies a migrated database, refuses to overwrite without --force, restores it keeping the old one', async () => {
    const env = { DATABASE_PATH: join(dir, 'db', 'c.sqlite') };
    expect(await runMigrate([], io, env)).toBe(0);
    await insertPublication(env.DATABASE_PATH, '济宁日报');
    const file = join(dir, 'backups', 'b.sqlite');
    expect(await runBackup([file], io, env)).toBe(0);
    expect(out.join('')).toMatch(/backup: wrote .*b\.sqlite .*integrity ok/);
    expect((await checkDatabaseFile(file)).migrations).toBeGreaterThan(5);

    expect(await runBackup([file], io, env)).toBe(1);
    expect(err.join('')).toMatch(/exists; pass --force/);
    expect(await runBackup([file, '--force'], io, env)).toBe(0);

    await insertPublication(env.DATABASE_PATH, '后来的报纸');
    out = [];
    expect(await runRestore([file], io, env)).toBe(0);
    expect(out.join('')).toMatch(/previous database is kept as .*before-restore-/);
    const db = await SqliteFile.open(env.DATABASE_PATH);
    expect(await db.all('SELECT name FROM publication ORDER BY id')).toEqual([{ name: '济宁日报' }]);
    await db.close();
    const kept = readdirSync(join(dir, 'db')).find((f) => f.includes('.before-restore-'));
    expect(kept).toBeDefined();
    const old = await SqliteFile.open(join(dir, 'db', kept ?? ''));
    expect(await old.all('SELECT COUNT(*) AS n FROM publication')).toEqual([{ n: 2 }]);
    await old.close();
  });

  it('refuses files that are not sound archive databases, and PostgreSQL', async () => {
    const env = { DATABASE_PATH: join(dir, 'c.sqlite') };
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database at all');
    expect(await runRestore([junk], io, env)).toBe(1);
    expect(err.join('')).toMatch(/restore: refused: .*junk\.sqlite/);
    expect(existsSync(env.DATABASE_PATH)).toBe(false);
    err = [];
    expect(
      await runBackup([join(dir, 'x')], io, { DB_TYPE: 'postgres', DATABASE_URL: 'postgres://x/y' }),
    ).toBe(1);
    expect(err.join('')).toMatch(/pg_dump/);
    expect(await runRestore([junk], io, { DB_TYPE: 'postgres', DATABASE_URL: 'postgres://x/y' })).toBe(1);
    expect(err.join('')).toMatch(/pg_restore/);
    expect(await runBackup([], io, env)).toBe(2);
    expect(await runBackup([join(dir, 'x')], io, env)).toBe(1);
    expect(err.join('')).toMatch(/no database at/);
  });
});
