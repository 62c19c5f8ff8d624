import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The durability tests drive the compiled CLI and server as separate processes (they are killed), and
// use the backend's page generator and parser to know what each page should file.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { parsePage } from '@jianbao/backend';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { blocksOf, mulberry32, syntheticPage } from '../../backend/bench/synthetic-pages';
import { DataSource } from 'typeorm';
import { describeSqliteOnly } from '../fixtures/postgres';

/**
 * Durability of the SQLite archive with real processes: an import killed with SIGKILL half-way leaves
 * every page either fully filed or absent and a re-run files the rest; a backup taken while the server
 * is serving writes is a consistent snapshot that restores and opens.
 */

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist', 'backend', 'backend', 'src');
const CLI = join(DIST, 'cli', 'main.js');
const MAIN = join(DIST, 'main.js');
const PAGES = 500;

// Generous: it files 500 pages through CLI processes, minutes on a busy 2-core machine; what it checks is
// consistency after SIGKILL, not speed.
jest.setTimeout(600_000);

beforeAll(() => {
  // The compiled CLI and server (incremental; what `npm run cli` does before running).
  const tsc = require.resolve('typescript/bin/tsc');
  spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'backend/tsconfig.app.json')], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  expect(existsSync(CLI)).toBe(true);
  expect(existsSync(MAIN)).toBe(true);
});

function env(databasePath: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_PATH: databasePath, NODE_ENV: 'test', DB_TYPE: 'sqlite', ...extra };
}

/** Runs the compiled CLI to completion. */
function cli(
  args: string[],
  e: NodeJS.ProcessEnv,
  input?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: e });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.end(input ?? '');
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

async function openDb(path: string): Promise<DataSource> {
  const ds = new DataSource({ type: 'sqlite', database: path });
  await ds.initialize();
  return ds;
}

async function integrity(ds: DataSource): Promise<string> {
  const rows = (await ds.query('PRAGMA integrity_check')) as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join('; ');
}

describeSqliteOnly('kill -9 in the middle of import-dir', 'opens the SQLite file after SIGKILL', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jianbao-kill-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves every page fully filed or absent, and a re-run files the rest exactly once', async () => {
    const gold = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/pages/gold.json'), 'utf8')) as {
      pages: { file: string }[];
    };
    // Jump markers (下转2版, 上接一版) are left out: 500 pages of one issue would make every filing match
    // its parts against all the issue's open continuations, which is not what this test is about.
    const blocks = blocksOf(
      gold.pages.map((p) => readFileSync(join(ROOT, 'tests/fixtures/pages', p.file), 'utf8')),
    ).filter((b) => !/[转接]\S{0,4}版/.test(b));
    const rand = mulberry32(20261123);
    const pagesDir = join(dir, 'pages');
    mkdirSync(pagesDir);
    const seen = new Set<string>();
    /** Clippings each page yields (the dry-run preview's count), by page label. */
    const expected = new Map<string, number>();
    while (expected.size < PAGES) {
      const text = syntheticPage(blocks, 2500 + rand() * 3500, rand);
      if (seen.has(text)) continue;
      seen.add(text);
      const label = String(expected.size + 1);
      writeFileSync(join(pagesDir, `page-${label}.txt`), text);
      expected.set(label, parsePage(text).clippings.length);
    }
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(PAGES);

    const databasePath = join(dir, 'db', 'clippings.sqlite');
    const args = ['import-dir', pagesDir, '--publication', '测试日报', '--date', '2024-10-22'];

    // First run: SIGKILL once some pages are filed.
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: env(databasePath) });
    child.stdout.resume();
    let filedLines = 0;
    let buffered = '';
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      child.on('exit', (_c, signal) => done(signal)),
    );
    child.stderr.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      filedLines += lines.filter((l) => / filed: /.test(l)).length;
      if (filedLines >= 80 && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    expect(await exited).toBe('SIGKILL');

    const check = async (): Promise<Map<string, number>> => {
      const ds = await openDb(databasePath);
      try {
        expect(await integrity(ds)).toBe('ok');
        const rows = (await ds.query(
          `SELECT pi.page_label AS label, COUNT(c.id) AS n FROM page_import pi
             LEFT JOIN clipping c ON c.import_id = pi.id GROUP BY pi.id, pi.page_label`,
        )) as { label: string; n: number }[];
        const orphans = (await ds.query('SELECT COUNT(*) AS n FROM clipping WHERE import_id IS NULL')) as {
          n: number;
        }[];
        expect(orphans[0]?.n).toBe(0);
        const filed = new Map(rows.map((r) => [r.label, Number(r.n)]));
        expect(filed.size).toBe(rows.length); // no page filed twice
        for (const [label, n] of filed) expect([label, n]).toEqual([label, expected.get(label)]);
        const [{ n: clippings }] = (await ds.query('SELECT COUNT(*) AS n FROM clipping')) as [{ n: number }];
        expect(clippings).toBe([...filed.values()].reduce((a, b) => a + b, 0));
        return filed;
      } finally {
        await ds.destroy();
      }
    };
    const afterKill = await check();
    expect(afterKill.size).toBeGreaterThanOrEqual(80);
    expect(afterKill.size).toBeLessThan(PAGES);

    // Second run: the filed pages are reported as duplicates, the rest is filed.
    const rerun = await cli(args, env(databasePath));
    expect(rerun.stderr).not.toMatch(/failed: /);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toMatch(
      new RegExp(
        `^filed ${PAGES - afterKill.size} page\\(s\\) \\(\\d+ clippings\\), skipped ${afterKill.size} duplicate\\(s\\), failed 0`,
      ),
    );
    const final = await check();
    expect(final.size).toBe(PAGES);
    expect([...final.values()].reduce((a, b) => a + b, 0)).toBe(total);
  });
});

/** A free loopback port. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => done(port));
    });
  });
}

interface Server {
  child: ChildProcess;
  url: string;
  headers: Record<string, string>;
  stop: () => Promise<void>;
}

/** The compiled server on a loopback port, with an admin's bearer token once accounts exist. */
async function startServer(databasePath: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: env(databasePath, { PORT: String(port), HOST: '127.0.0.1' }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = (): Promise<void> =>
    new Promise((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  for (let i = 0; ; i += 1) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    if (i > 300) {
      child.kill('SIGKILL');
      throw new Error(`server did not start: ${stderr}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  try {
    // An admin (the restored copy already has it: then create-user says so and we only sign in).
    const user = await cli(
      ['create-user', '--admin', '--username', '备份管理员', '--password-stdin'],
      env(databasePath),
      '备份口令-2024!\n',
    );
    if (user.code !== 0) expect(user.stderr).toMatch(/already exists/);
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ username: '备份管理员', password: '备份口令-2024!' }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    headers['authorization'] = `Bearer ${token}`;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { child, url, headers, stop };
}

describeSqliteOnly(
  'backup while the server is serving writes, then restore',
  'backup/restore copy SQLite files (PostgreSQL has pg_dump)',
  () => {
    let dir: string;
    const servers: Server[] = [];
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'jianbao-backup-'));
    });
    afterAll(async () => {
      for (const s of servers) await s.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('copies a consistent snapshot online; restore refuses the live database and restores into a new path', async () => {
      const live = join(dir, 'live', 'clippings.sqlite');
      const server = await startServer(live);
      servers.push(server);
      const post = (path: string, body: unknown): Promise<Response> =>
        fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: server.headers,
          body: JSON.stringify(body),
        });
      const pub = (await (await post('/api/publications', { name: '备份日报' })).json()) as { id: number };
      expect(pub.id).toBeGreaterThan(0);

      let created = 0;
      let writing = true;
      const writer = async (w: number): Promise<void> => {
        for (let i = 0; writing; i += 1) {
          const res = await post('/api/clippings', {
            publicationId: pub.id,
            issueDate: '2024-10-22',
            pageLabel: 'A1',
            title: `备份期间写入 ${w}-${i}`,
            body: '备份进行时服务器仍在写入。'.repeat(20),
          });
          expect(res.status).toBe(201);
          created += 1;
        }
      };
      const writers = [0, 1, 2, 3].map(writer);
      while (created < 200) await new Promise((r) => setTimeout(r, 20));
      const before = created;
      const file = join(dir, 'backups', 'snapshot.sqlite');
      const backup = await cli(['backup', file], env(live));
      const during = created - before;
      writing = false;
      await Promise.all(writers);
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/integrity ok/);

      // The snapshot: between what existed before and after, with no gap (a consistent prefix of inserts).
      const snap = await openDb(file);
      const [row] = (await snap.query(
        'SELECT COUNT(*) AS n, MIN(id) AS lo, MAX(id) AS hi FROM clipping',
      )) as {
        n: number;
        lo: number;
        hi: number;
      }[];
      expect(await integrity(snap)).toBe('ok');
      await snap.destroy();
      expect(row?.n).toBeGreaterThanOrEqual(before);
      expect(row?.n).toBeLessThanOrEqual(created);
      expect(row?.hi).toBe((row?.lo ?? 0) + (row?.n ?? 0) - 1);
      expect(during).toBeGreaterThan(0); // the server went on writing while the backup ran

      // Restore over the live database is refused while the server holds it open.
      const refused = await cli(['restore', file], env(live));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/is open in process \d+/);

      // Restore into a new path, then the server opens it with the same counts.
      const restoredPath = join(dir, 'restored', 'clippings.sqlite');
      const restored = await cli(['restore', file], env(restoredPath));
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      const again = await startServer(restoredPath);
      servers.push(again);
      const list = (await (
        await fetch(`${again.url}/api/clippings?pageSize=1`, { headers: again.headers })
      ).json()) as { total: number };
      expect(list.total).toBe(row?.n);
      const pubs = (await (
        await fetch(`${again.url}/api/publications`, { headers: again.headers })
      ).json()) as unknown;
      expect(JSON.stringify(pubs)).toContain('备份日报');
    });
  },
);
