/**
 * `npm run bench -- --load`: the real server (compiled `main.js`) as a child process on a free loopback
 * port over a fresh database of `--sizes` clippings, driven by autocannon from this process — 90% reads
 * (filtered lists, full-text searches, clipping detail, reassembled article), 10% writes (PATCH with the
 * version last seen, POST of new clippings carrying a unique marker) from `--connections` clients for
 * `--duration` seconds, signed in as an editor with a bearer token. Afterwards the database is read
 * directly: every 201 exists exactly once, every 200 PATCH's edit is there (the last one of each
 * clipping is its current title), and the search index holds exactly the clippings.
 * Server and load generator share the machine's cores.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createRequire } from 'node:module';
import { SqliteFile } from '../src/cli/commands/sqlite-file';
import { toDollarPlaceholders } from '../src/database/read-queries';
import type { QueueStats } from '../src/database/transaction-runner';
import { buildLoadCorpus, type LoadCorpus } from './load-corpus';
import { mulberry32 } from './synthetic-pages';
import { table } from './table';

/** Where the load runs: a new SQLite file, or a new database on the PostgreSQL server of `url`. */
export type LoadDb = { type: 'sqlite' } | { type: 'postgres'; url: string };

export interface LoadOptions {
  db: LoadDb;
  size: number;
  duration: number;
  connections: number;
  /** Where progress goes (stderr). */
  log: (line: string) => void;
}

export const LOAD_TARGET = { rps: 500, p99Ms: 250 };

type OpClass = 'list' | 'search' | 'detail' | 'article' | 'patch' | 'create';
const CLASSES: OpClass[] = ['list', 'search', 'detail', 'article', 'patch', 'create'];
/** Cumulative weights: 35% lists, 10% search, 30% detail, 15% article, 5% PATCH, 5% POST. */
const DEFAULT_MIX: Array<[number, OpClass]> = [
  [0.35, 'list'],
  [0.45, 'search'],
  [0.75, 'detail'],
  [0.9, 'article'],
  [0.95, 'patch'],
  [1, 'create'],
];

/**
 * The mix, cumulative. `LOAD_ONLY=detail` (a class, or several comma-separated, equal shares) drives
 * only those classes — for measuring what one class costs the server; the target is judged on the
 * default mix only.
 */
function mixOf(only: string | undefined): Array<[number, OpClass]> {
  if (!only) return DEFAULT_MIX;
  const classes = only.split(',').filter((c): c is OpClass => DEFAULT_MIX.some(([, k]) => k === c));
  if (classes.length === 0) throw new Error(`LOAD_ONLY: no known class in "${only}"`);
  return classes.map((c, i) => [(i + 1) / classes.length, c]);
}
const MIX = mixOf(process.env['LOAD_ONLY']);

export interface ClassFigures {
  count: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
}

export interface LoadReport {
  database: 'sqlite' | 'postgres';
  size: number;
  durationS: number;
  connections: number;
  corpusBuildS: number;
  classes: Record<OpClass, ClassFigures>;
  total: ClassFigures & {
    non2xx: number;
    status5xx: number;
    conflicts409: number;
    socketErrors: number;
    timeouts: number;
  };
  writes: {
    created: number;
    createdFound: number;
    createdMissing: number;
    createdDoubled: number;
    createdUnconfirmed: number;
    patched: number;
    patchedClippings: number;
    patchesLost: number;
    /**
     * Clippings whose current title is a PATCH sent but never answered (timed out on the client) and
     * applied by the server after the last answered one: neither lost nor confirmed.
     */
    patchesUnconfirmed: number;
    /** Clippings without a search index entry plus entries without a clipping (0: in step). */
    indexOutOfStep: number;
  };
  /** CPU used during the load phase (Linux: from /proc; null elsewhere). */
  cpu: {
    serverS: number;
    generatorS: number;
    serverMsPerRequest: number;
    /** Server CPU seconds per wall second (2 = both cores of a 2-core machine). */
    serverCores: number;
  } | null;
  /** The server's write queue over the run (its shutdown line; null when it printed none). */
  writeQueue: QueueStats | null;
  meetsTarget: boolean;
}

/** User + system CPU seconds of a process and all its threads so far (Linux), or null. */
function processCpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / 100 : null;
  } catch {
    return null;
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? 0;
}

function figures(latencies: number[], statuses: Record<string, number>, seconds: number): ClassFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: sorted.length,
    rps: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? 0,
    statuses,
  };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => done(port));
    });
  });
}

/** Runs the compiled CLI (next to this file in dist) to completion. */
function runCliProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  input: string,
): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(__dirname, '..', 'src', 'cli', 'main.js'), ...args], { env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.stdin.end(input);
    child.on('exit', (code) => done({ code, out }));
  });
}

/** The little of node-postgres the bench uses (the workspace has no @types/pg). */
interface PgClient {
  connect(): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  end(): Promise<void>;
}
const { Client } = createRequire(__filename)('pg') as {
  Client: new (options: { connectionString: string }) => PgClient;
};

/** The server's stdout, kept for its write-queue line (the request logs are dropped as they come). */
interface RunningServer {
  child: ChildProcess;
  queueLine: () => QueueStats | null;
}

async function startServer(env: NodeJS.ProcessEnv, url: string): Promise<RunningServer> {
  // For profiling: LOAD_SERVER_NODE_ARGS (e.g. `--cpu-prof`) and LOAD_SERVER_ENTRY (a wrapper of main.js).
  const nodeArgs = (process.env['LOAD_SERVER_NODE_ARGS'] ?? '').split(' ').filter((a) => a !== '');
  const entry = process.env['LOAD_SERVER_ENTRY'] ?? join(__dirname, '..', 'src', 'main.js');
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  let queue: QueueStats | null = null;
  let partial = '';
  child.stdout?.on('data', (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const at = line.indexOf('write queue {');
      if (at < 0) continue;
      try {
        const msg = (JSON.parse(line) as { msg?: string }).msg ?? '';
        queue = JSON.parse(msg.slice(msg.indexOf('{'))) as QueueStats;
      } catch {
        // not the summary after all
      }
    }
  });
  const running: RunningServer = { child, queueLine: () => queue };
  for (let i = 0; ; i += 1) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${err}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return running;
    } catch {
      // not listening yet
    }
    if (i > 600) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer /api/health within 60 s: ${err}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

/** One request of the mix, chosen at random. */
interface Op {
  cls: OpClass;
  method: 'GET' | 'PATCH' | 'POST';
  path: string;
  body?: string;
  clippingId?: number;
  mark?: string;
}

function opPicker(corpus: LoadCorpus, runId: string) {
  const rand = mulberry32(Date.now() & 0xffffffff);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const clippingId = (): number => 1 + Math.floor(rand() * corpus.maxClippingId);
  /** A few hundred much-edited clippings, so concurrent edits meet (409) now and then. */
  const hot = Array.from({ length: 200 }, (_, i) => 1 + Math.floor((i * corpus.maxClippingId) / 200));
  const versions = new Map<number, number>();
  let serial = 0;
  const listQuery = (): string => {
    const q = new URLSearchParams({ pageSize: '20', page: String(1 + Math.floor(rand() * 5)) });
    const filters = Math.floor(rand() * 7);
    if (filters === 0 || filters === 6) q.set('publicationId', String(pick(corpus.publicationIds)));
    if (filters === 1 || filters === 6) {
      const from = Math.floor(rand() * (corpus.dates.length - 31));
      q.set('from', corpus.dates[from] ?? '2023-01-01');
      q.set('to', corpus.dates[from + 30] ?? '2024-12-31');
    }
    if (filters === 2) q.set('regionId', String(pick(corpus.regionIds)));
    if (filters === 3) q.set('tagId', String(pick(corpus.tagIds)));
    if (filters === 4) q.set('kind', pick(['article', 'brief', 'photo', 'notice']));
    if (filters === 5) {
      q.set('pageLabel', pick(corpus.pageLabels));
      q.set('publicationId', String(pick(corpus.publicationIds)));
    }
    if (rand() < 0.3)
      q.set('sort', pick(['-issueDate,pageSort', 'title', 'issueDate,pageSort', '-updatedAt']));
    return q.toString();
  };
  /**
   * What editors type (the corpus's text is one paragraph rotated, so most terms are in most
   * clippings): common terms and phrases, one character, an exclusion, a rare manuscript number (a
   * few clippings), OR; by relevance (the default) or by date, sometimes with a list filter.
   */
  const searchPath = (): string => {
    const kind = rand();
    const n = clippingId();
    const term = pick([
      '乡村振兴',
      '营商环境',
      '"基础设施建设"',
      '县',
      '产业发展 -民生',
      `稿件${n}`,
      `第${n}号稿件`,
      '专题会议 OR 民生实事',
      '负载修改',
    ]);
    if (kind < 0.2) return `/api/search/suggest?${new URLSearchParams({ q: term.slice(0, 2) }).toString()}`;
    const q = new URLSearchParams({ q: term, pageSize: '20' });
    if (rand() < 0.3) q.set('publicationId', String(pick(corpus.publicationIds)));
    if (kind < 0.3) return `/api/search/facets?${q.toString()}`;
    if (rand() < 0.3) q.set('sort', '-issueDate,pageSort');
    if (rand() < 0.2) q.set('page', '2');
    return `/api/clippings?${q.toString()}`;
  };
  return {
    versions,
    next(): Op {
      const r = rand();
      const cls = (MIX.find(([w]) => r < w) ?? MIX[0])[1];
      switch (cls) {
        case 'list':
          return { cls, method: 'GET', path: `/api/clippings?${listQuery()}` };
        case 'search':
          return { cls, method: 'GET', path: searchPath() };
        case 'detail':
          return { cls, method: 'GET', path: `/api/clippings/${clippingId()}` };
        case 'article':
          return { cls, method: 'GET', path: `/api/articles/${pick(corpus.articleIds)}` };
        case 'patch': {
          const id = rand() < 0.5 ? pick(hot) : clippingId();
          serial += 1;
          const mark = `负载修改 ${runId}-${serial}`;
          return {
            cls,
            method: 'PATCH',
            path: `/api/clippings/${id}`,
            body: JSON.stringify({ version: versions.get(id) ?? 1, title: mark }),
            clippingId: id,
            mark,
          };
        }
        case 'create': {
          serial += 1;
          const mark = `负载新建 ${runId}-${serial}`;
          return {
            cls,
            method: 'POST',
            path: '/api/clippings',
            body: JSON.stringify({
              publicationId: pick(corpus.publicationIds),
              issueDate: pick(corpus.dates),
              pageLabel: pick(corpus.pageLabels),
              kind: 'brief',
              title: mark,
              body: '负载测试期间新建的简讯，用于核对写入既不丢失也不重复。',
            }),
            mark,
          };
        }
      }
    },
  };
}

/**
 * For working on the server at a million clippings without rebuilding the corpus each run:
 * `LOAD_CORPUS_CACHE=<dir>` (SQLite only) keeps a copy of each size's freshly built database there and
 * starts later runs from a copy of it. The figure printed as the build time is then the copy's; the
 * bar's corpus time is only measured without it.
 */
async function cachedCorpus(
  databasePath: string | null,
  size: number,
  log: (line: string) => void,
  build: () => Promise<LoadCorpus>,
): Promise<LoadCorpus> {
  const cache = process.env['LOAD_CORPUS_CACHE'];
  if (!cache || databasePath === null) return build();
  const file = join(cache, `load-${size}.sqlite`);
  const meta = `${file}.json`;
  if (existsSync(file) && existsSync(meta)) {
    log(`load: copying the cached corpus ${file} (LOAD_CORPUS_CACHE) …`);
    copyFileSync(file, databasePath);
    return JSON.parse(readFileSync(meta, 'utf8')) as LoadCorpus;
  }
  const corpus = await build();
  mkdirSync(cache, { recursive: true });
  copyFileSync(databasePath, file);
  writeFileSync(meta, JSON.stringify(corpus));
  return corpus;
}

/** Builds the corpus, starts the server, drives the load, checks the writes; the caller prints. */
export async function runLoad(opts: LoadOptions): Promise<LoadReport> {
  const dir = mkdtempSync(join(tmpdir(), 'jianbao-load-'));
  const databasePath = join(dir, 'clippings.sqlite');
  const pgDatabase = opts.db.type === 'postgres' ? await createPgDatabase(opts.db.url) : null;
  let server: RunningServer | null = null;
  try {
    opts.log(
      `load: building ${opts.size} clippings in ${pgDatabase ? `PostgreSQL database ${pgDatabase.name}` : databasePath} …`,
    );
    const t0 = Date.now();
    const corpus = await cachedCorpus(pgDatabase ? null : databasePath, opts.size, opts.log, () =>
      buildLoadCorpus(
        pgDatabase ? { type: 'postgres', url: pgDatabase.url } : { type: 'sqlite', path: databasePath },
        opts.size,
        opts.log,
      ),
    );
    const corpusBuildS = (Date.now() - t0) / 1000;
    opts.log(
      `load: corpus built in ${corpusBuildS.toFixed(1)} s (${corpus.articleIds.length} continuation pairs)`,
    );

    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...(pgDatabase
        ? { DB_TYPE: 'postgres', DATABASE_URL: pgDatabase.url }
        : { DB_TYPE: 'sqlite', DATABASE_PATH: databasePath }),
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      DEMO_DATA: 'false',
      SEED_REGIONS: 'false',
      // The corpus's texts are one paragraph rotated: as same-story texts they would all be one story,
      // so it carries no same-story index, and the start-up catch-up (a one-off after an upgrade, which
      // takes a batch whenever the write queue has been quiet for a second) would otherwise run through
      // the whole measurement. New clippings are grouped, among themselves.
      STORY_CATCH_UP: 'false',
    };
    const password = `负载口令-${process.pid}-${Date.now()}`;
    const user = await runCliProcess(
      ['create-user', '--role', 'editor', '--username', '负载编辑', '--password-stdin'],
      env,
      `${password}\n`,
    );
    if (user.code !== 0) throw new Error(`create-user failed: ${user.out}`);
    const url = `http://127.0.0.1:${port}`;
    server = await startServer(env, url);
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: '负载编辑', password }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const { token } = (await login.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    const runId = Date.now().toString(36);
    const picker = opPicker(corpus, runId);
    const latencies = Object.fromEntries(CLASSES.map((c) => [c, [] as number[]])) as Record<
      OpClass,
      number[]
    >;
    const statuses = Object.fromEntries(CLASSES.map((c) => [c, {} as Record<string, number>])) as Record<
      OpClass,
      Record<string, number>
    >;
    const created = new Map<string, number>();
    /** Successful PATCHes: clipping id → [version after, mark]. */
    const patched = new Map<number, Array<[number, string]>>();
    /** PATCHes sent and not answered yet: clipping id → their marks (what remains timed out). */
    const unanswered = new Map<number, Set<string>>();
    let patches = 0;

    opts.log(`load: ${opts.connections} connections for ${opts.duration} s against ${url} …`);
    const started = Date.now();
    const serverCpu0 = processCpuSeconds(server.child.pid);
    const generatorCpu0 = process.cpuUsage();
    const instance = autocannon(
      {
        url,
        connections: opts.connections,
        duration: opts.duration,
        timeout: 10,
        requests: [
          {
            setupRequest: (req, context) => {
              const op = picker.next();
              (context as { op?: Op }).op = op;
              if (op.cls === 'patch' && op.clippingId !== undefined && op.mark) {
                const marks = unanswered.get(op.clippingId) ?? new Set<string>();
                marks.add(op.mark);
                unanswered.set(op.clippingId, marks);
              }
              // A fresh header object each time: autocannon writes Content-Length into the one it is given.
              return {
                ...req,
                method: op.method,
                path: op.path,
                body: op.body ?? '',
                headers: { ...headers },
              };
            },
            onResponse: (status, body, context) => {
              const op = (context as { op?: Op }).op;
              if (!op) return;
              if (op.cls === 'create' && status === 201 && op.mark) {
                created.set(op.mark, (JSON.parse(body) as { id: number }).id);
              } else if (op.cls === 'patch' && op.clippingId !== undefined) {
                if (op.mark) unanswered.get(op.clippingId)?.delete(op.mark);
                if (status === 200) {
                  const v = (JSON.parse(body) as { version: number }).version;
                  picker.versions.set(op.clippingId, v);
                  const list = patched.get(op.clippingId) ?? [];
                  list.push([v, op.mark ?? '']);
                  patched.set(op.clippingId, list);
                  patches += 1;
                } else if (status === 409) {
                  const current = (JSON.parse(body) as { details?: { current?: { version?: number } } })
                    .details?.current?.version;
                  if (current !== undefined) picker.versions.set(op.clippingId, current);
                }
              } else if (op.cls === 'detail' && status === 200) {
                const c = JSON.parse(body) as { id: number; version: number };
                picker.versions.set(c.id, c.version);
              }
            },
          },
        ],
      },
      () => undefined,
    );
    instance.on('response', (client: unknown, status: number, _bytes: number, ms: number) => {
      const op = (client as { requestIterator?: { context?: { op?: Op } } }).requestIterator?.context?.op;
      const cls = op?.cls ?? 'list';
      latencies[cls].push(ms);
      statuses[cls][String(status)] = (statuses[cls][String(status)] ?? 0) + 1;
    });
    const result = await new Promise<autocannon.Result>((done) => instance.on('done', done));
    const seconds = (Date.now() - started) / 1000;
    const serverCpu1 = processCpuSeconds(server.child.pid);
    const generatorCpu = process.cpuUsage(generatorCpu0);
    await stopServer(server.child);
    const writeQueue = server.queueLine();
    server = null;

    // Count the writes in the database itself.
    const db = pgDatabase ? await PgCheck.open(pgDatabase.url) : await SqliteFile.open(databasePath);
    let createdFound = 0;
    let createdDoubled = 0;
    let createdMissing = 0;
    let createdUnconfirmed = 0;
    let patchesLost = 0;
    let patchesUnconfirmed = 0;
    let indexOutOfStep = 0;
    try {
      const [step] = await db.all<{ missing: number; orphans: number }>(
        `SELECT (SELECT COUNT(*) FROM clipping c WHERE NOT EXISTS (SELECT 1 FROM clipping_search s WHERE s.clipping_id = c.id)) AS missing,
                (SELECT COUNT(*) FROM clipping_search s WHERE NOT EXISTS (SELECT 1 FROM clipping c WHERE c.id = s.clipping_id)) AS orphans`,
        [],
      );
      indexOutOfStep = Number(step?.missing ?? 0) + Number(step?.orphans ?? 0);
      const rows = await db.all<{ title: string; n: number }>(
        'SELECT title, COUNT(*) AS n FROM clipping WHERE title LIKE ? GROUP BY title',
        [`负载新建 ${runId}-%`],
      );
      const inDb = new Map(rows.map((r) => [r.title, Number(r.n)]));
      for (const mark of created.keys()) {
        const n = inDb.get(mark) ?? 0;
        if (n === 0) createdMissing += 1;
        else createdFound += 1;
        if (n > 1) createdDoubled += 1;
      }
      // A row whose 201 never arrived (a timed-out request) is neither lost nor doubled: counted apart.
      for (const mark of inDb.keys()) if (!created.has(mark)) createdUnconfirmed += 1;
      const ids = [...patched.keys()];
      for (let i = 0; i < ids.length; i += 500) {
        const part = ids.slice(i, i + 500);
        const current = await db.all<{ id: number; title: string; version: number }>(
          `SELECT id, title, version FROM clipping WHERE id IN (${part.map(() => '?').join(', ')})`,
          part,
        );
        const byId = new Map(current.map((c) => [Number(c.id), c]));
        for (const id of part) {
          const edits = [...(patched.get(id) ?? [])].sort((a, b) => a[0] - b[0]);
          const last = edits[edits.length - 1];
          const now = byId.get(id);
          const versions = new Set(edits.map((e) => e[0]));
          // Each accepted edit got its own version, and the latest one is what the clipping says now —
          // or a later edit whose answer never arrived (timed out on the client, applied by the server).
          const timedOutLater =
            !!now && !!last && now.version > last[0] && (unanswered.get(id)?.has(now.title ?? '') ?? false);
          if (timedOutLater && versions.size === edits.length) patchesUnconfirmed += 1;
          else if (
            !now ||
            !last ||
            now.title !== last[1] ||
            now.version < last[0] ||
            versions.size !== edits.length
          )
            patchesLost += 1;
        }
      }
    } finally {
      await db.close();
    }

    const all = CLASSES.flatMap((c) => latencies[c]);
    const totalStatuses: Record<string, number> = {};
    for (const c of CLASSES)
      for (const [s, n] of Object.entries(statuses[c])) totalStatuses[s] = (totalStatuses[s] ?? 0) + n;
    const count = (pred: (s: number) => boolean): number =>
      Object.entries(totalStatuses).reduce((n, [s, k]) => n + (pred(Number(s)) ? k : 0), 0);
    const total = {
      ...figures(all, totalStatuses, seconds),
      non2xx: count((s) => s < 200 || s >= 300),
      status5xx: count((s) => s >= 500),
      conflicts409: count((s) => s === 409),
      socketErrors: result.errors,
      timeouts: result.timeouts,
    };
    const classes = Object.fromEntries(
      CLASSES.map((c) => [c, figures(latencies[c], statuses[c], seconds)]),
    ) as Record<OpClass, ClassFigures>;
    const writes = {
      created: created.size,
      createdFound,
      createdMissing,
      createdDoubled,
      createdUnconfirmed,
      patched: patches,
      patchedClippings: patched.size,
      patchesLost,
      patchesUnconfirmed,
      indexOutOfStep,
    };
    const unexpected = total.non2xx - total.conflicts409;
    const serverS = serverCpu0 !== null && serverCpu1 !== null ? serverCpu1 - serverCpu0 : null;
    const cpu =
      serverS === null
        ? null
        : {
            serverS,
            generatorS: (generatorCpu.user + generatorCpu.system) / 1e6,
            serverMsPerRequest: all.length > 0 ? (serverS * 1000) / all.length : 0,
            serverCores: serverS / seconds,
          };
    return {
      database: opts.db.type,
      size: opts.size,
      durationS: seconds,
      connections: opts.connections,
      corpusBuildS,
      classes,
      total,
      writes,
      cpu,
      writeQueue,
      meetsTarget:
        MIX === DEFAULT_MIX &&
        total.rps >= LOAD_TARGET.rps &&
        total.p99 <= LOAD_TARGET.p99Ms &&
        total.status5xx === 0 &&
        unexpected === 0 &&
        total.socketErrors === 0 &&
        createdMissing === 0 &&
        createdDoubled === 0 &&
        patchesLost === 0 &&
        indexOutOfStep === 0,
    };
  } finally {
    if (server) await stopServer(server.child);
    rmSync(dir, { recursive: true, force: true });
    if (pgDatabase) await pgDatabase.drop();
  }
}

/** A fresh database on the PostgreSQL server of `url` (which may create databases), dropped after the run. */
async function createPgDatabase(
  url: string,
): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `jb_load_${process.pid}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    name,
    url: target.toString(),
    drop: async () => {
      const c = new Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** The write check's queries on PostgreSQL (`?` placeholders, as on the SQLite file). */
class PgCheck {
  private constructor(private readonly client: PgClient) {}

  static async open(url: string): Promise<PgCheck> {
    const client = new Client({ connectionString: url });
    await client.connect();
    return new PgCheck(client);
  }

  async all<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    return (await this.client.query(toDollarPlaceholders(sql), [...params])).rows as T[];
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

/** The plain-text tables of a load report. */
export function formatLoadReport(r: LoadReport): string {
  const statusText = (s: Record<string, number>): string =>
    Object.entries(s)
      .filter(([k]) => !k.startsWith('2'))
      .map(([k, n]) => `${k}×${n}`)
      .join(' ') || '-';
  const row = (name: string, f: ClassFigures): Array<string | number> => [
    name,
    f.count,
    Number(f.rps.toFixed(1)),
    Number(f.p50.toFixed(1)),
    Number(f.p95.toFixed(1)),
    Number(f.p99.toFixed(1)),
    Number(f.max.toFixed(1)),
    statusText(f.statuses),
  ];
  const w = r.writes;
  return (
    table(
      `Load: ${r.size} clippings on ${r.database === 'postgres' ? 'PostgreSQL' : 'SQLite'}, ${r.connections} connections, ${r.durationS.toFixed(1)} s (server and load generator share the machine's cores)`,
      ['route class', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'non-2xx'],
      [...CLASSES.map((c) => row(c, r.classes[c])), row('total', r.total)],
    ) +
    `5xx: ${r.total.status5xx}, 409 (stale PATCH, expected): ${r.total.conflicts409}, socket errors: ${r.total.socketErrors}, timeouts: ${r.total.timeouts}\n` +
    `writes: ${w.created} created (found ${w.createdFound}, missing ${w.createdMissing}, doubled ${w.createdDoubled}, unconfirmed ${w.createdUnconfirmed}); ` +
    `${w.patched} PATCHes on ${w.patchedClippings} clippings (lost ${w.patchesLost}, unconfirmed ${w.patchesUnconfirmed}); search index out of step: ${w.indexOutOfStep}\n` +
    (r.writeQueue
      ? `write queue: ${r.writeQueue.transactions} transactions, waiting p50 ${r.writeQueue.waitMs.p50.toFixed(1)} / p99 ${r.writeQueue.waitMs.p99.toFixed(1)} ms, ` +
        `running p50 ${r.writeQueue.runMs.p50.toFixed(1)} / p99 ${r.writeQueue.runMs.p99.toFixed(1)} ms, retries ${r.writeQueue.retries}\n`
      : '') +
    (r.cpu
      ? `cpu: server ${r.cpu.serverS.toFixed(1)} s (${r.cpu.serverCores.toFixed(2)} cores, ${r.cpu.serverMsPerRequest.toFixed(2)} ms per request), load generator ${r.cpu.generatorS.toFixed(1)} s\n`
      : '') +
    `target ≥ ${LOAD_TARGET.rps} req/s, p99 ≤ ${LOAD_TARGET.p99Ms} ms, no 5xx, no lost or doubled write: ${r.meetsTarget ? 'MET' : 'MISSED'}\n`
  );
}

/** The bar between sizes: the larger corpus keeps this share of the smallest one's throughput. */
export const SCALE_TARGET = { rpsShare: 0.8, p99Ms: 300 };

/** How a larger corpus compares with the smallest of the same run (issue 15's bar). */
export interface ScaleComparison {
  baseSize: number;
  size: number;
  /** req/s at `size` over req/s at `baseSize`. */
  rpsRatio: number;
  p99Ms: number;
  /** Server CPU per request at `size` over that at `baseSize` (null without /proc). */
  cpuPerRequestRatio: number | null;
  meetsTarget: boolean;
}

/** Every larger size against the smallest: throughput share, p99, and the run's own checks (5xx, writes). */
export function compareSizes(reports: LoadReport[]): ScaleComparison[] {
  const [base, ...rest] = [...reports].sort((a, b) => a.size - b.size);
  if (!base) return [];
  return rest.map((r) => {
    const w = r.writes;
    const rpsRatio = base.total.rps > 0 ? r.total.rps / base.total.rps : 0;
    return {
      baseSize: base.size,
      size: r.size,
      rpsRatio,
      p99Ms: r.total.p99,
      cpuPerRequestRatio:
        r.cpu && base.cpu && base.cpu.serverMsPerRequest > 0
          ? r.cpu.serverMsPerRequest / base.cpu.serverMsPerRequest
          : null,
      meetsTarget:
        rpsRatio >= SCALE_TARGET.rpsShare &&
        r.total.p99 <= SCALE_TARGET.p99Ms &&
        r.total.status5xx === 0 &&
        r.total.non2xx === r.total.conflicts409 &&
        r.total.socketErrors === 0 &&
        w.createdMissing === 0 &&
        w.createdDoubled === 0 &&
        w.patchesLost === 0,
    };
  });
}

/** The comparison as text, one line per larger size. */
export function formatComparison(reports: LoadReport[], comparisons: ScaleComparison[]): string {
  const bySize = new Map(reports.map((r) => [r.size, r]));
  return comparisons
    .map((c) => {
      const base = bySize.get(c.baseSize);
      const big = bySize.get(c.size);
      const cpu =
        c.cpuPerRequestRatio === null
          ? ''
          : `, server CPU per request ${base?.cpu?.serverMsPerRequest.toFixed(2)} → ${big?.cpu?.serverMsPerRequest.toFixed(2)} ms (×${c.cpuPerRequestRatio.toFixed(2)})`;
      return (
        `Scale: ${c.size} against ${c.baseSize} clippings: req/s ${base?.total.rps.toFixed(0)} → ${big?.total.rps.toFixed(0)} ` +
        `(${(c.rpsRatio * 100).toFixed(0)}%), p99 ${base?.total.p99.toFixed(0)} → ${c.p99Ms.toFixed(0)} ms${cpu}\n` +
        `target at ${c.size}: ≥ ${SCALE_TARGET.rpsShare * 100}% of the ${c.baseSize} req/s, p99 ≤ ${SCALE_TARGET.p99Ms} ms, ` +
        `no 5xx, no lost or doubled write: ${c.meetsTarget ? 'MET' : 'MISSED'}\n`
      );
    })
    .join('');
}
