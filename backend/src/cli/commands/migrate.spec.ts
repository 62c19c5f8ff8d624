import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrate } from './migrate';

describe('migrate command', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jianbao-cli-migrate-'));
    out = [];
    err = [];
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies every migration once, reports status, reverts the last', async () => {
    const env = { DATABASE_PATH: join(dir, 'db', 'c.sqlite') };
    expect(await runMigrate([], io, env)).toBe(0);
    expect(out.join('')).toMatch(/applied {2}CreatePublication\d{13}/);
    out = [];
    expect(await runMigrate([], io, env)).toBe(0);
    expect(out.join('')).toBe('database is up to date\n');
    out = [];
    expect(await runMigrate(['--revert'], io, env)).toBe(0);
    expect(await runMigrate(['--status'], io, env)).toBe(0);
    expect(out.join('')).toMatch(/pending {2}[A-Za-z]+\d{13}\n$/);
  });

  it('exits 1 with one line on a bad configuration, 2 on bad arguments', async () => {
    expect(await runMigrate([], io, { DB_TYPE: 'mysql' })).toBe(1);
    expect(err.join('')).toMatch(/^migrate: Invalid configuration: DB_TYPE/);
    expect(await runMigrate(['--frobnicate'], io, {})).toBe(2);
  });
});
