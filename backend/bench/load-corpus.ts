/**
 * The load bench's database: a fresh SQLite file with the real migrations, filled by bulk SQL inserts
 * (not through the services, which would take minutes): publications, the gazetteer, a two-level tag
 * tree, `n` clippings spread over two years and eight pages, one or two tags and regions each, and a
 * continuation pair (an article of two parts) every 20 clippings so the reassembled-article route has work;
 * then the full-text index built by the real `reindex` (as the server would at start-up) — on SQLite, when
 * run compiled, in a file and process of its own alongside the rest, and copied in.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig, validateConfig } from '../src/config/app-config';
import { ENTITIES } from '../src/app/entities';
import { ReadQueries } from '../src/database/read-queries';
import { SearchRepository } from '../src/search/search.repository';
import { SearchService } from '../src/search/search.service';
import { searchKey } from '../src/search/search-key';
import { toFts5 } from '../src/search/core/compile';
import { parseSearchQuery } from '../src/search/core/query';
import { openDataSource } from '../src/database/data-source';
import { toDollarPlaceholders } from '../src/database/read-queries';
import { chunk, nextTurn, rowsPerStatement, valuesList } from '../src/database/sql-values';
import { diffSnapshots, normaliseSnapshot } from '../src/clippings/revisions/clipping-snapshot';
import { ClippingTallies } from '../src/clippings/tally/clipping-tallies';
import { RevisionsRepository } from '../src/clippings/revisions/revisions.repository';
import { loadGazetteer } from '../src/regions/gazetteer';
import { seedGazetteer } from '../src/regions/gazetteer-seed';
import { mulberry32 } from './synthetic-pages';
import { type ClippingKind, type ClippingStatus, type JumpRef, pageSortKey } from '@jianbao/contracts';

/** What the load generator picks from. */
export interface LoadCorpus {
  clippings: number;
  publicationIds: number[];
  tagIds: number[];
  /** Regions that clippings are linked to (山东省's cities and counties). */
  regionIds: number[];
  articleIds: number[];
  /** Clipping ids are 1..maxClippingId. */
  maxClippingId: number;
  dates: string[];
  pageLabels: string[];
}

const KINDS = ['article', 'article', 'article', 'article', 'brief', 'brief', 'photo', 'notice', 'ad'];
const PAGE_LABELS = ['1', '2', '3', '4', 'A1', 'A2', 'A3', 'A4'];
const PUBLICATIONS = ['济宁日报', '齐鲁晚报', '大众日报', '鱼台周报'];
const TAG_ROOTS = ['政务', '经济', '社会', '文化', '体育'];
const TAG_CHILDREN = ['动态', '人物', '评论', '专题', '简讯'];
const TEXT =
  '本报讯 近日，县委县政府召开专题会议，研究部署乡村振兴、营商环境和民生实事等重点工作。会议强调，' +
  '要坚持问题导向，狠抓工作落实，推动各项任务取得实效。与会人员围绕产业发展、基础设施建设、' +
  '公共服务提升等方面进行了深入交流，并就下一步工作提出了具体意见和建议。';

/** `2023-01-01` plus `day` days. */
function dayOf(day: number): string {
  return new Date(Date.UTC(2023, 0, 1 + day)).toISOString().slice(0, 10);
}

/** Revision rows built in memory at a time (each holds two JSON copies of its clipping). */
const ROWS_PER_INSERT = 20_000;

/**
 * Inserts `rows` (values in `columns` order), as many rows per statement as the parameter limit allows,
 * with two statements in flight: the next one's values are bound (on this thread) while SQLite runs the
 * one before on its own thread (a statement seen before is kept prepared, so it starts when called).
 * (Rows as one JSON parameter unpacked by `json_each` were measured and not kept: as fast for short rows,
 * twice as slow for the revisions' long ones.)
 */
async function insertRows(
  manager: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
): Promise<void> {
  const full = rowsPerStatement(columns.length);
  const sqlOf = (count: number): string =>
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${valuesList(manager, count, columns.length)}`;
  const fullSql = sqlOf(full);
  let running: Promise<unknown> | null = null;
  for (const part of chunk(rows, full)) {
    const next = manager.query(part.length === full ? fullSql : sqlOf(part.length), part.flat());
    next.catch(() => undefined); // awaited below; a failure of the one before is thrown first
    if (running) await running;
    running = next;
  }
  await running;
}

/** Clippings at each end of the corpus whose `created` revision is checked against the recorder's reading. */
const HISTORY_BATCH = 900;

/** Tables the bulk inserts fill: their indexes are dropped while the rows go in and made again after. */
const BULK_TABLES = ['clipping', 'clipping_tag', 'clipping_region'];

/**
 * Drops the secondary indexes of `tables` (as the migrations made them; primary keys and constraints
 * stay) and returns them, with the SQL that makes each again.
 */
async function dropSecondaryIndexes(
  m: EntityManager,
  tables: readonly string[],
): Promise<Array<{ name: string; sql: string }>> {
  const postgres = m.connection.options.type === 'postgres';
  const list = tables.map((t) => `'${t}'`).join(', ');
  const indexes = (
    postgres
      ? await m.query(
          `SELECT i.indexname AS name, i.indexdef AS sql FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename IN (${list})
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
        )
      : await m.query(
          `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${list})`,
        )
  ) as { name: string; sql: string }[];
  for (const i of indexes) await m.query(`DROP INDEX ${i.name}`);
  return indexes;
}

/**
 * Runs `work` with the secondary indexes of {@link BULK_TABLES} dropped, then creates them again: one
 * sort per index instead of a B-tree insert per row and index (the clipping table has sixteen).
 */
async function withoutIndexes(m: EntityManager, work: () => Promise<void>): Promise<void> {
  const indexes = await dropSecondaryIndexes(m, BULK_TABLES);
  await work();
  for (const i of indexes) await m.query(i.sql);
}

/** `?` placeholders as the database wants them. */
function sqlFor(m: EntityManager, sql: string): string {
  return m.connection.options.type === 'postgres' ? toDollarPlaceholders(sql) : sql;
}

/** The corpus's days: two years from 2023-01-01. */
const DAYS = Array.from({ length: 730 }, (_, d) => dayOf(d));
/** The seed of the corpus's random choices (the same corpus for the same `n`). */
const SEED = 500_100;
const CLIPPING_COLUMNS = [
  'publication_id',
  'issue_date',
  'page_label',
  'page_sort',
  'kind',
  'title',
  'body',
  'status',
  'article_id',
  'previous_part_id',
  'continues_to',
  'continues_from',
];

/** Writes the corpus's publications; their ids, in order. */
async function insertPublications(m: EntityManager): Promise<number[]> {
  await insertRows(
    m,
    'publication',
    ['name'],
    PUBLICATIONS.map((p) => [p]),
  );
  return ((await m.query('SELECT id FROM publication ORDER BY id')) as { id: number }[]).map((r) => r.id);
}

/**
 * Writes the articles of the continuation pairs and returns the `n` clipping rows (values in
 * {@link CLIPPING_COLUMNS} order; not written yet), drawing from `rand` — the first draws of the corpus,
 * so the search index's builder (load-search-index.ts) makes the same rows from the same seed.
 * Continuation pairs: clipping i (page 1) continues as i+1, one article each (ids are 1..n in a fresh
 * database); the head's `next_part_id` is set after the rows (it points forward).
 */
async function insertClippings(
  m: EntityManager,
  n: number,
  publicationIds: readonly number[],
  rand: () => number,
): Promise<{ articleIds: number[]; rows: unknown[][] }> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const pairs = Math.floor(n / 20) + (n % 20 >= 2 ? 1 : 0);
  await insertRows(
    m,
    'article',
    ['created_at'],
    Array.from({ length: pairs }, () => ['2026-01-01 00:00:00']),
  );
  const articleIds = ((await m.query('SELECT id FROM article ORDER BY id')) as { id: number }[]).map((r) =>
    Number(r.id),
  );
  const continuesTo = JSON.stringify({ page: '2', label: null, marker: '（下转2版）' });
  const continuesFrom = JSON.stringify({ page: '1', label: null, marker: '（上接1版）' });
  const rows: unknown[][] = [];
  for (let i = 1; i <= n; i += 1) {
    const label = pick(PAGE_LABELS);
    const start = Math.floor(rand() * 60);
    const pair = (i - 1) % 20 <= 1 && i + 1 - ((i - 1) % 20) <= n ? Math.floor((i - 1) / 20) : -1;
    const head = pair >= 0 && (i - 1) % 20 === 0;
    rows.push([
      pick(publicationIds),
      DAYS[Math.floor(((i - 1) / n) * DAYS.length)] ?? DAYS[0],
      label,
      pageSortKey(label),
      pick(KINDS),
      `第${i}号稿件：${TEXT.slice(start, start + 12)}`,
      `${TEXT.slice(start)}${TEXT.slice(0, start)}（稿件${i}）`,
      rand() < 0.7 ? 'reviewed' : 'draft',
      pair >= 0 ? (articleIds[pair] ?? null) : null,
      pair >= 0 && !head ? i - 1 : null,
      pair >= 0 && head ? continuesTo : null,
      pair >= 0 && !head ? continuesFrom : null,
    ]);
  }
  return { articleIds, rows };
}

/** Writes the rows of {@link insertClippings} (ids 1..n: the database must be fresh) and links the pairs. */
async function insertClippingRows(m: EntityManager, n: number, rows: unknown[][]): Promise<void> {
  await insertRows(m, 'clipping', CLIPPING_COLUMNS, rows);
  const [{ id }] = (await m.query('SELECT MAX(id) AS id FROM clipping')) as [{ id: number }];
  if (Number(id) !== n) throw new Error(`clipping ids are not 1..${n}: the database was not fresh`);
  await m.query(
    'UPDATE clipping SET next_part_id = id + 1 WHERE continues_to IS NOT NULL AND next_part_id IS NULL',
  );
}

/** Fills a freshly migrated database; deterministic for a given `n`. `log` hears each phase's time. */
export async function fillLoadCorpus(
  ds: DataSource,
  n: number,
  log: (line: string) => void = () => undefined,
): Promise<LoadCorpus> {
  let t = Date.now();
  const phase = (name: string): void => {
    const now = Date.now();
    log(`load: corpus ${name} ${((now - t) / 1000).toFixed(1)} s`);
    t = now;
  };
  if (ds.options.type === 'sqlite') {
    // A bigger page cache for building the indexes (the server's connections keep their own settings).
    await ds.query('PRAGMA cache_size = -262144');
  }
  return ds.transaction(async (m) => {
    const rand = mulberry32(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    await seedGazetteer(m, loadGazetteer());
    const regions = (await m.query('SELECT id, code, name, parent_id FROM region')) as {
      id: number;
      code: string;
      name: string;
      parent_id: number | null;
    }[];
    const shandong = regions.find((r) => r.code === '370000')?.id;
    const cities = regions.filter((r) => r.parent_id === shandong).map((r) => r.id);
    const citySet = new Set(cities);
    const counties = regions.filter((r) => r.parent_id !== null && citySet.has(r.parent_id)).map((r) => r.id);
    const regionIds = [...cities, ...counties];
    if (regionIds.length === 0) throw new Error('gazetteer lacks 山东省');

    const publicationIds = await insertPublications(m);
    const tagIds: number[] = [];
    for (const root of TAG_ROOTS) {
      await m.query(sqlFor(m, 'INSERT INTO tag (name) VALUES (?)'), [root]);
      const [{ id }] = (await m.query('SELECT MAX(id) AS id FROM tag')) as [{ id: number }];
      tagIds.push(id);
      await insertRows(
        m,
        'tag',
        ['parent_id', 'name'],
        TAG_CHILDREN.map((c) => [id, `${root}${c}`]),
      );
    }
    tagIds.push(
      ...((await m.query('SELECT id FROM tag WHERE parent_id IS NOT NULL')) as { id: number }[]).map(
        (r) => r.id,
      ),
    );

    phase('reference data');

    const { articleIds, rows: clippingRows } = await insertClippings(m, n, publicationIds, rand);
    const maxClippingId = n;
    /** Per clipping id: its tag ids and region ids. */
    const linksOf: Array<[number[], number[]]> = [];
    await withoutIndexes(m, async () => {
      await insertClippingRows(m, n, clippingRows);
      phase(`clippings (${n})`);

      const tagRows: unknown[][] = [];
      const regionRows: unknown[][] = [];
      for (let id = 1; id <= maxClippingId; id += 1) {
        const tags = new Set([pick(tagIds)]);
        if (rand() < 0.4) tags.add(pick(tagIds));
        for (const t of tags) tagRows.push([id, t]);
        const regs = new Set([pick(regionIds)]);
        if (rand() < 0.3) regs.add(pick(regionIds));
        for (const r of regs) regionRows.push([id, r]);
        linksOf[id] = [[...tags], [...regs]];
      }
      await insertRows(m, 'clipping_tag', ['clipping_id', 'tag_id'], tagRows);
      await insertRows(m, 'clipping_region', ['clipping_id', 'region_id'], regionRows);
      phase('tag and region links');
    });
    phase('indexes');
    // As filing leaves them: every clipping has its `created` revision. Without it the server would
    // spend the run recording the pre-history baselines in the background (a one-off after upgrading).
    // Written from the rows above as the revision recorder writes them (its snapshot and diff
    // functions), then checked against the recorder's own reading of the database.
    const tagName = new Map(
      ((await m.query('SELECT id, name FROM tag')) as { id: number; name: string }[]).map((t) => [
        Number(t.id),
        t.name,
      ]),
    );
    const regionById = new Map(regions.map((r) => [Number(r.id), r]));
    const at = new Date().toISOString();
    const snapshots = new Map<number, string>();
    // Each part's rows are built while the part before goes in.
    let inserting: Promise<void> | null = null;
    for (let first = 1; first <= maxClippingId; first += ROWS_PER_INSERT) {
      const rows: unknown[][] = [];
      for (let id = first; id < first + ROWS_PER_INSERT && id <= maxClippingId; id += 1) {
        const [pub, issueDate, pageLabel, , kind, title, body, status, , previous, to, from] = clippingRows[
          id - 1
        ] as [
          number,
          string,
          string,
          string,
          ClippingKind,
          string,
          string,
          ClippingStatus,
          unknown,
          number | null,
          string | null,
          string | null,
        ];
        const [tags, regs] = linksOf[id] ?? [[], []];
        const snapshot = normaliseSnapshot({
          publicationId: pub,
          issueDate,
          pageLabel,
          kind,
          kicker: null,
          title,
          subtitle: null,
          byline: null,
          dateline: null,
          body,
          subheads: [],
          status,
          continuesFrom: from === null ? null : (JSON.parse(from) as JumpRef),
          continuesTo: to === null ? null : (JSON.parse(to) as JumpRef),
          previousPartId: previous,
          nextPartId: to === null ? null : id + 1,
          tags: tags.map((t) => ({ id: t, name: tagName.get(t) ?? '', source: 'manual' as const })),
          regions: regs.map((r) => ({
            code: regionById.get(r)?.code ?? '',
            name: regionById.get(r)?.name ?? '',
            source: 'manual' as const,
          })),
        });
        const json = JSON.stringify(snapshot);
        if (id <= HISTORY_BATCH || id > maxClippingId - HISTORY_BATCH) snapshots.set(id, json);
        rows.push([
          id,
          1,
          at,
          null,
          'bench',
          'created',
          JSON.stringify(diffSnapshots(null, snapshot)),
          json,
          null,
        ]);
      }
      if (inserting) await inserting;
      inserting = insertRows(
        m,
        'clipping_revision',
        ['clipping_id', 'version', 'at', 'actor_id', 'actor_name', 'action', 'changes', 'snapshot', 'detail'],
        rows,
      );
      inserting.catch(() => undefined); // awaited on the next round or after the loop
      await nextTurn();
    }
    await inserting;
    const states = await new RevisionsRepository(m.connection).currentStates([...snapshots.keys()], m);
    for (const [id, json] of snapshots) {
      const state = states.get(id);
      if (!state || JSON.stringify(state.snapshot) !== json || state.version !== 1) {
        throw new Error(
          `load corpus: the created revision of clipping ${id} is not its state as the recorder reads it`,
        );
      }
    }
    phase('revisions');
    return {
      clippings: n,
      publicationIds,
      tagIds,
      regionIds,
      articleIds,
      maxClippingId,
      dates: DAYS,
      pageLabels: PAGE_LABELS,
    };
  });
}

/** Where the load corpus goes: a new SQLite file, or an empty PostgreSQL database. */
export type LoadDatabase = { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };

/**
 * SQLite: the search index of the corpus of `n` clippings, built by the real `reindex` in a file of its
 * own (`path`, which must not exist yet): the real migrations, the publications and the same clipping
 * rows as {@link fillLoadCorpus} writes (same seed), none of the clipping table's secondary indexes
 * (`reindex` reads by id). Run by load-search-index.ts, in a process of its own, while the corpus's
 * other tables are written; {@link buildLoadCorpus} then copies the index's tables over.
 */
export async function buildSearchIndexFile(
  path: string,
  n: number,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  const config = validateConfig(
    Object.assign(new AppConfig(), { databasePath: path, nodeEnv: 'production' }),
  );
  const ds = await openDataSource(config, { entities: ENTITIES });
  try {
    await ds.query('PRAGMA journal_mode = MEMORY');
    await ds.query('PRAGMA synchronous = OFF');
    await ds.query('PRAGMA cache_size = -262144');
    const t = Date.now();
    await ds.transaction(async (m) => {
      const publicationIds = await insertPublications(m);
      const { rows } = await insertClippings(m, n, publicationIds, mulberry32(SEED));
      await dropSecondaryIndexes(m, ['clipping']); // not made again: this file only feeds the rebuild
      await insertClippingRows(m, n, rows);
    });
    log(`load: search index's clippings ${((Date.now() - t) / 1000).toFixed(1)} s`);
    // Batches of 5,000 clippings (the server's 500 keep its write queue moving; here nothing else writes):
    // 100,000 clippings in 7.2–8.9 s against 9.7 s.
    await new SearchService(new SearchRepository(ds, new ReadQueries(ds, 0)), ds).reindex({
      batchSize: 5_000,
    });
  } finally {
    await ds.destroy();
  }
}

/** The compiled index builder, when this module runs compiled (the bench); not under ts-jest. */
const SEARCH_INDEX_BUILDER = join(__dirname, 'load-search-index.js');

/** Runs the index builder on `path` in a process of its own; its log lines go to `log`. */
function searchIndexProcess(path: string, n: number, log: (line: string) => void): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [SEARCH_INDEX_BUILDER, path, String(n)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const lines = out.split('\n');
      out = lines.pop() ?? '';
      for (const line of lines) if (line !== '') log(line);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`the search index builder failed (${code}): ${err.trim()}`)),
    );
  });
}

/**
 * Copies the search index built in `from` (its mapping table and FTS5's own tables, which the same
 * migrations made alike) into the corpus, then checks it against the corpus's rows: every clipping has
 * an entry, and sampled clippings are found by their own manuscript number under the key of their row's
 * issue date.
 */
async function copySearchIndex(ds: DataSource, from: string, n: number): Promise<void> {
  const tables = [
    'clipping_search',
    ...(
      (await ds.query(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'clipping_search_fts_*'`,
      )) as { name: string }[]
    ).map((t) => t.name),
  ];
  await ds.query('ATTACH DATABASE ? AS built', [from]);
  try {
    await ds.transaction(async (m) => {
      for (const table of tables) {
        await m.query(`DELETE FROM main.${table}`);
        await m.query(`INSERT INTO main.${table} SELECT * FROM built.${table}`);
      }
    });
  } finally {
    await ds.query('DETACH DATABASE built');
  }
  const [{ entries, highest }] = (await ds.query(
    'SELECT COUNT(*) AS entries, MAX(clipping_id) AS highest FROM clipping_search',
  )) as [{ entries: number; highest: number }];
  if (Number(entries) !== n || Number(highest) !== n)
    throw new Error(`load corpus: the copied search index has ${entries} entries up to ${highest}, not ${n}`);
  const rand = mulberry32(n);
  const sample = [1, 2, n - 1, n, ...Array.from({ length: 20 }, () => 1 + Math.floor(rand() * n))].filter(
    (id) => id >= 1 && id <= n,
  );
  for (const id of sample) {
    const [row] = (await ds.query('SELECT issue_date FROM clipping WHERE id = ?', [id])) as [
      { issue_date: string },
    ];
    const found = (await ds.query(
      `SELECT s.clipping_id AS id, s.search_key AS k FROM clipping_search_fts f
         JOIN clipping_search s ON s.search_key = f.rowid WHERE f.clipping_search_fts MATCH ?`,
      [toFts5(parseSearchQuery(`第${id}号稿件`))],
    )) as { id: number; k: number }[];
    if (!found.some((r) => Number(r.id) === id && Number(r.k) === searchKey(row.issue_date, id)))
      throw new Error(`load corpus: the copied search index does not find clipping ${id} as its row reads`);
  }
}

/** Migrates and fills `db` (a SQLite file that does not exist yet, or an empty PostgreSQL database). */
export async function buildLoadCorpus(
  db: LoadDatabase,
  n: number,
  log: (line: string) => void = () => undefined,
): Promise<LoadCorpus> {
  const settings =
    db.type === 'sqlite'
      ? { databasePath: db.path, nodeEnv: 'production' }
      : { dbType: 'postgres', databaseUrl: db.url, nodeEnv: 'production' };
  const config = validateConfig(Object.assign(new AppConfig(), settings));
  // SQLite, compiled: the search index is built alongside, in a file and a process of its own (the
  // machine's second core; one SQLite file has one writer), and copied in at the end.
  const indexFile = db.type === 'sqlite' && existsSync(SEARCH_INDEX_BUILDER) ? `${db.path}.search` : null;
  const t0 = Date.now();
  const indexBuilt = indexFile ? searchIndexProcess(indexFile, n, log) : null;
  indexBuilt?.catch(() => undefined); // awaited below
  const ds = await openDataSource(config, { entities: ENTITIES });
  try {
    if (db.type === 'sqlite') {
      // A new file written by one connection: the rows go straight into it (a rollback journal in
      // memory) instead of into a write-ahead log as large as the corpus and then copied over; no
      // syncs (a failed build is thrown away). The server opens it in WAL mode again.
      await ds.query('PRAGMA journal_mode = MEMORY');
      await ds.query('PRAGMA synchronous = OFF');
    }
    const corpus = await fillLoadCorpus(ds, n, log);
    const timed = async (name: string, work: () => Promise<unknown>): Promise<void> => {
      const t = Date.now();
      await work();
      log(`load: corpus ${name} ${((Date.now() - t) / 1000).toFixed(1)} s`);
    };
    // The search index and the dashboard's counts, as the server's start-up would make them.
    if (!indexFile || !indexBuilt) {
      await timed('search index', () =>
        new SearchService(new SearchRepository(ds, new ReadQueries(ds, 0)), ds).reindex(),
      );
    }
    await timed('dashboard counts', () => new ClippingTallies(ds).rebuild((work) => ds.transaction(work)));
    if (indexFile && indexBuilt) {
      await timed('search index (the rest of its build alongside)', () => indexBuilt);
      log(`load: corpus search index built alongside in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      await timed('search index copied in', () => copySearchIndex(ds, indexFile, n));
    }
    if (db.type === 'postgres') await ds.query('ANALYZE');
    else await ds.query('PRAGMA journal_mode = WAL');
    return corpus;
  } finally {
    await ds.destroy();
    if (indexFile) {
      await indexBuilt?.catch(() => undefined); // a failed main build still waits for its helper
      rmSync(indexFile, { force: true });
    }
  }
}
