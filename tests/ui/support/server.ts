// Starts the real, built backend (API + the built Angular app) on a free port with a fresh SQLite
// file, so each browser test file gets its own empty database.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
/** The built backend; `JIANBAO_BACKEND_MAIN` points the browser tests at another build of it. */
export const BACKEND_MAIN =
  process.env['JIANBAO_BACKEND_MAIN'] ?? join(ROOT, 'dist/backend/backend/src/main.js');
export const FRONTEND_INDEX = join(ROOT, 'dist/frontend/browser/index.html');
/** The built CLI next to the backend (`create-user`, …). */
export const CLI_MAIN = join(dirname(BACKEND_MAIN), 'cli/main.js');

/** An account the browser tests log in with. */
export interface TestAccount {
  username: string;
  password: string;
}

/** The admin `startServer({ admin: true })` creates through the CLI before the server starts. */
export const TEST_ADMIN: TestAccount = { username: '张管理员', password: '剪报管理员-2024' };

export interface RunningServer {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  port: number;
  dataDir: string;
  /** The admin created before start (`options.admin`), or null on a fresh install. */
  admin: TestAccount | null;
  /** `{ Authorization: 'Bearer …' }` of that admin, for API calls from the test itself ({} without one). */
  authHeader: Record<string, string>;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/** A port the OS says is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once('exit', () => done());
  });
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`backend exited with code ${child.exitCode} before it was healthy:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`backend not healthy after ${timeoutMs} ms (${last}):\n${output()}`);
}

/**
 * `npm run cli -- create-user --admin --username … --password-stdin` against the test database,
 * the way an operator makes the first admin (the CLI applies the migrations to a fresh file).
 */
export function createUserWithCli(env: NodeJS.ProcessEnv, account: TestAccount, role = 'admin'): void {
  const result = spawnSync(
    process.execPath,
    [CLI_MAIN, 'create-user', '--role', role, '--username', account.username, '--password-stdin'],
    { cwd: ROOT, env, input: `${account.password}\n`, encoding: 'utf8', timeout: 60000 },
  );
  if (result.status !== 0) {
    throw new Error(`create-user exited with ${result.status}:\n${result.stdout}${result.stderr}`);
  }
}

/** `POST /api/auth/login` → the bearer token of `account`. */
export async function apiToken(url: string, account: TestAccount): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(account),
  });
  if (!res.ok) throw new Error(`login as ${account.username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/**
 * Spawn `node dist/backend/backend/src/main.js` with `PORT` and `DATABASE_PATH`, and wait for
 * `/api/health`. `admin: true` creates {@link TEST_ADMIN} (or the given account) with the CLI first;
 * without it the server starts as a fresh install (setup screen).
 */
export async function startServer(
  options: { env?: Record<string, string>; timeoutMs?: number; admin?: boolean | TestAccount } = {},
): Promise<RunningServer> {
  for (const file of [BACKEND_MAIN, FRONTEND_INDEX]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npx nx run-many -t build\` first`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'jianbao-ui-'));
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    DATABASE_PATH: join(dataDir, 'jianbao.sqlite'),
    ...options.env,
  };
  const admin = options.admin === true ? TEST_ADMIN : options.admin || null;
  if (admin) {
    try {
      createUserWithCli(env, admin);
    } catch (err) {
      rmSync(dataDir, { recursive: true, force: true });
      throw err;
    }
  }
  const child = spawn(process.execPath, [BACKEND_MAIN], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const output = () => log;

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, output, options.timeoutMs ?? 30000);
  } catch (err) {
    await stop();
    throw err;
  }
  let authHeader: Record<string, string> = {};
  if (admin) {
    try {
      authHeader = { Authorization: `Bearer ${await apiToken(url, admin)}` };
    } catch (err) {
      await stop();
      throw err;
    }
  }
  return { url, port, dataDir, admin, authHeader, output, stop };
}
