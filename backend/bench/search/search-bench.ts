/**
 * `npm run bench -- --search [--sizes 100000,1000000] [--json]`: per size, a fresh SQLite corpus (see
 * search-corpus.ts), the index built by the real `reindex` (timed), then per query class p50/p95 of the
 * search service — date-sorted and relevance-ranked — and of the LIKE scan the list runs today, in the
 * same process on the same file, with the ratio, the index size against the text and the build time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { AppConfig, validateConfig } from '../../src/config/app-config';
import { openDataSource } from '../../src/database/data-source';
import { searchFilter } from '../../src/clippings/clipping-filter';
import { ReadQueries } from '../../src/database/read-queries';
import { SearchRepository } from '../../src/search/search.repository';
import { FACETS_EXACT_UP_TO, SearchService, type SqlFilter } from '../../src/search/search.service';
import { commonPair, fillSearchCorpus, PEOPLE, PLACES } from './search-corpus';

/** Targets of issue 13 (p95, ms) by size. */
const TARGETS = {
  100_000: { dated: 20, ranked: 50 },
  1_000_000: { dated: 100, ranked: 250 },
} as const;
const REINDEX_100K_MS = 180_000;
const LIKE_FACTOR_1M = 50;
const INDEX_FACTOR = 2;

const DATE_ORDER = [
  { column: 'c.issue_date', direction: 'DESC' as const },
  { column: 'c.page_sort', direction: 'ASC' as const },
  { column: 'c.id', direction: 'DESC' as const },
];

interface QueryClass {
  name: string;
  queries: string[];
  filter?: SqlFilter;
  facets?: boolean;
  /** The LIKE scan standing in for it: terms that must be in the title or body, and terms that must not. */
  like: Array<{ must: string[]; not: string[] }>;
}

export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

export interface ClassResult {
  name: string;
  example: string;
  matches: number;
  dated: Timing | null;
  ranked: Timing | null;
  facets: Timing | null;
  like: Timing;
  /** LIKE p50 ÷ the search's slowest p50 of this class. */
  ratio: number;
}

export interface SearchBenchReport {
  size: number;
  load: { before: number[]; after: number[] };
  cores: number;
  corpusSeconds: number;
  reindexSeconds: number;
  reindexPerSecond: number;
  indexBytes: number;
  textBytes: number;
  indexFactor: number;
  commonPair: { pair: string; share: number };
  classes: ClassResult[];
  targets: Record<string, boolean>;
  meetsTargets: boolean;
}

function timing(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), runs: s.length };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function classes(common: string, publicationId: number, ds: DataSource): QueryClass[] {
  const one = ['金', '嘉', '汶', '微', '梁'];
  const two = [...PLACES.slice(0, 4), '梁山'];
  const three = [...PEOPLE, '产业工人', '乡村振兴'];
  // As the list passes it for `?publication=…&from=…&to=…` (with the dates' bounds on the index's keys).
  const filter = searchFilter(
    [
      { kind: 'column', column: 'c.publication_id', op: '=', value: publicationId },
      { kind: 'column', column: 'c.issue_date', op: '>=', value: '2024-01-01' },
      { kind: 'column', column: 'c.issue_date', op: '<=', value: '2024-06-30' },
    ],
    ds,
  );
  return [
    { name: 'one character', queries: one, like: one.map((c) => ({ must: [c], not: [] })) },
    { name: 'two characters', queries: two, like: two.map((p) => ({ must: [p], not: [] })) },
    { name: 'three+ characters', queries: three, like: three.map((p) => ({ must: [p], not: [] })) },
    { name: `common pair (${common})`, queries: [common], like: [{ must: [common], not: [] }] },
    {
      name: 'phrase',
      queries: ['"产业工人队伍"', '"新时代中国特色"', '"高质量发展"'],
      like: ['产业工人队伍', '新时代中国特色', '高质量发展'].map((p) => ({ must: [p], not: [] })),
    },
    {
      name: 'exclusion',
      queries: ['金乡 -嘉祥', '梁山 -鱼台', '产业工人 -梁山'],
      like: [
        { must: ['金乡'], not: ['嘉祥'] },
        { must: ['梁山'], not: ['鱼台'] },
        { must: ['产业工人'], not: ['梁山'] },
      ],
    },
    {
      name: 'two filters',
      queries: PLACES.slice(0, 4),
      ...(filter ? { filter } : {}),
      like: PLACES.slice(0, 4).map((p) => ({ must: [p], not: [] })),
    },
    {
      name: 'facets',
      queries: PLACES.slice(0, 4),
      facets: true,
      like: PLACES.slice(0, 4).map((p) => ({ must: [p], not: [] })),
    },
    { name: `facets, common pair`, queries: [common], facets: true, like: [{ must: [common], not: [] }] },
  ];
}

/** The list's `q` today: LIKE over title and body, counted and paged in the default order. */
async function likeScan(
  read: ReadQueries,
  spec: { must: string[]; not: string[] },
  filter?: SqlFilter,
): Promise<void> {
  const clauses: string[] = [];
  const params: unknown[] = [];
  for (const t of spec.must) {
    clauses.push("(c.title LIKE ? ESCAPE '\\' OR c.body LIKE ? ESCAPE '\\')");
    params.push(`%${t}%`, `%${t}%`);
  }
  for (const t of spec.not) {
    clauses.push("NOT (c.title LIKE ? ESCAPE '\\' OR c.body LIKE ? ESCAPE '\\')");
    params.push(`%${t}%`, `%${t}%`);
  }
  if (filter) {
    clauses.push(filter.sql);
    params.push(...filter.params);
  }
  const where = ` WHERE ${clauses.join(' AND ')}`;
  await read.all(`SELECT COUNT(*) AS n FROM clipping c${where}`, params);
  await read.all(
    `SELECT c.id FROM clipping c${where} ORDER BY c.issue_date DESC, c.page_sort, c.id DESC LIMIT 20`,
    params,
  );
}

function progressBar(log: (line: string) => void): (done: number, total: number) => void {
  const started = Date.now();
  let shown = -1;
  return (done, total) => {
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (pct === shown || (pct % 5 !== 0 && done !== total)) return;
    shown = pct;
    const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
    const bar = '#'.repeat(Math.floor(pct / 5)).padEnd(20, '.');
    log(
      `reindex [${bar}] ${pct}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${rate.toFixed(0)}/s`,
    );
  };
}

export async function runSearchBench(options: {
  size: number;
  pages: readonly string[];
  log: (line: string) => void;
  /** Runs per query class (search); the LIKE scan gets fewer at large sizes. */
  runs?: number;
}): Promise<SearchBenchReport> {
  const { size, log } = options;
  const dir = mkdtempSync(join(tmpdir(), 'jianbao-search-bench-'));
  const before = loadavg();
  let ds: DataSource | null = null;
  let read: ReadQueries | null = null;
  try {
    const config = validateConfig(
      Object.assign(new AppConfig(), { databasePath: join(dir, 'bench.sqlite'), nodeEnv: 'production' }),
    );
    ds = await openDataSource(config);
    const t0 = Date.now();
    const corpus = await fillSearchCorpus(ds, size, options.pages, log);
    const corpusSeconds = (Date.now() - t0) / 1000;
    read = new ReadQueries(ds, 2);
    await read.onModuleInit();
    const search = new SearchService(new SearchRepository(ds, read), ds);
    const t1 = Date.now();
    await search.reindex({ onProgress: progressBar(log) });
    const reindexSeconds = (Date.now() - t1) / 1000;
    const sizes = await search.sizes();
    const common = commonPair(options.pages);
    const runs = options.runs ?? 30;
    const likeRuns = size >= 500_000 ? 3 : 5;
    const results: ClassResult[] = [];
    for (const c of classes(common.pair, corpus.publicationIds[0] ?? 1, ds)) {
      log(`measuring: ${c.name}`);
      const q = (i: number): string => c.queries[i % c.queries.length] ?? '';
      const dated: number[] = [];
      const ranked: number[] = [];
      const faceted: number[] = [];
      // One warm-up pass per query (the first statement of a kind is prepared once per reader).
      for (let i = 0; i < c.queries.length; i += 1) {
        if (c.facets) await search.facets({ q: q(i), filter: c.filter });
        else {
          await search.search({
            q: q(i),
            filter: c.filter,
            sort: DATE_ORDER,
            page: { offset: 0, pageSize: 20 },
          });
          await search.search({
            q: q(i),
            filter: c.filter,
            sort: 'relevance',
            page: { offset: 0, pageSize: 20 },
          });
        }
      }
      for (let i = 0; i < runs; i += 1) {
        const page = { offset: (i % 3) * 20, pageSize: 20 };
        if (c.facets) {
          faceted.push(await time(() => search.facets({ q: q(i), filter: c.filter })));
          continue;
        }
        dated.push(await time(() => search.search({ q: q(i), filter: c.filter, sort: DATE_ORDER, page })));
        ranked.push(await time(() => search.search({ q: q(i), filter: c.filter, sort: 'relevance', page })));
      }
      const like: number[] = [];
      for (let i = 0; i < likeRuns; i += 1) {
        const spec = c.like[i % c.like.length] ?? { must: [], not: [] };
        like.push(await time(() => likeScan(read as ReadQueries, spec, c.filter)));
      }
      const matches = (
        await search.search({
          q: q(0),
          filter: c.filter,
          sort: DATE_ORDER,
          page: { offset: 0, pageSize: 0 },
          countUpTo: Infinity,
        })
      ).total;
      const slowest = Math.max(
        timing(dated.length ? dated : [0]).p50,
        timing(ranked.length ? ranked : [0]).p50,
        timing(faceted.length ? faceted : [0]).p50,
      );
      const likeTiming = timing(like);
      results.push({
        name: c.name,
        example: q(0),
        matches,
        dated: dated.length ? timing(dated) : null,
        ranked: ranked.length ? timing(ranked) : null,
        facets: faceted.length ? timing(faceted) : null,
        like: likeTiming,
        ratio: likeTiming.p50 / Math.max(0.001, slowest),
      });
    }
    const target = TARGETS[size as keyof typeof TARGETS] as { dated: number; ranked: number } | undefined;
    const targets: Record<string, boolean> = {};
    if (target) {
      targets[`date-sorted p95 <= ${target.dated} ms`] = results.every(
        (r) => !r.dated || r.dated.p95 <= target.dated,
      );
      targets[`ranked and facet p95 <= ${target.ranked} ms`] = results.every(
        (r) => (!r.ranked || r.ranked.p95 <= target.ranked) && (!r.facets || r.facets.p95 <= target.ranked),
      );
    }
    if (size >= 1_000_000)
      targets[`>= ${LIKE_FACTOR_1M}x the LIKE scan`] = results.every((r) => r.ratio >= LIKE_FACTOR_1M);
    if (size === 100_000) targets['reindex <= 3 min'] = reindexSeconds * 1000 <= REINDEX_100K_MS;
    const indexFactor = sizes.indexBytes / Math.max(1, sizes.textBytes);
    targets[`index <= ${INDEX_FACTOR}x the text`] = indexFactor <= INDEX_FACTOR;
    return {
      size,
      load: { before, after: loadavg() },
      cores: cpus().length,
      corpusSeconds,
      reindexSeconds,
      reindexPerSecond: size / Math.max(0.001, reindexSeconds),
      indexBytes: sizes.indexBytes,
      textBytes: sizes.textBytes,
      indexFactor,
      commonPair: { pair: common.pair, share: common.share },
      classes: results,
      targets,
      meetsTargets: Object.values(targets).every(Boolean),
    };
  } finally {
    await read?.onApplicationShutdown();
    await ds?.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (n: number): string => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

export function formatSearchReport(r: SearchBenchReport): string {
  const rows = r.classes.map((c) => [
    c.name,
    c.matches.toLocaleString('en'),
    c.dated ? `${ms(c.dated.p50)} / ${ms(c.dated.p95)}` : '-',
    c.ranked ? `${ms(c.ranked.p50)} / ${ms(c.ranked.p95)}` : '-',
    c.facets ? `${ms(c.facets.p50)} / ${ms(c.facets.p95)}` : '-',
    `${ms(c.like.p50)} / ${ms(c.like.p95)}`,
    `${c.ratio.toFixed(0)}x`,
  ]);
  const header = [
    'class',
    'matches',
    'dated p50/p95',
    'ranked p50/p95',
    'facets p50/p95',
    'LIKE p50/p95',
    'LIKE ÷',
  ];
  const cells = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => [...(row[i] ?? '')].length)));
  const line = (row: string[]): string =>
    row.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const mb = (b: number): string => `${(b / 1048576).toFixed(0)} MB`;
  return [
    '',
    `Search, ${r.size.toLocaleString('en')} clippings (load average ${r.load.before.map((l) => l.toFixed(2)).join(' ')} before, ${r.load.after.map((l) => l.toFixed(2)).join(' ')} after; ${r.cores} cores)`,
    `corpus ${r.corpusSeconds.toFixed(0)} s; reindex ${r.reindexSeconds.toFixed(0)} s (${r.reindexPerSecond.toFixed(0)} clippings/s); index ${mb(r.indexBytes)} for ${mb(r.textBytes)} of text (${r.indexFactor.toFixed(2)}x); common pair ${r.commonPair.pair} in ${(r.commonPair.share * 100).toFixed(0)}% of clippings`,
    `times in ms, page of 20 with its total (counted up to 1,000); dated: -issueDate,pageSort; ranked: headline hits first; facets: exact up to ${FACETS_EXACT_UP_TO.toLocaleString('en-US')} matches, else over the newest ${FACETS_EXACT_UP_TO.toLocaleString('en-US')}; LIKE: count + page as the list runs q today`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    ...Object.entries(r.targets).map(([k, ok]) => `${ok ? 'met    ' : 'NOT MET'}  ${k}`),
    '',
  ].join('\n');
}
