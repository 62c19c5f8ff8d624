import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The search service the list and bulk edit call (GET /api/clippings?q=, tests/api/search.e2e-spec.ts),
// driven directly on a 10,000-clipping corpus and compared with the reference definition of a match
// (the naive matcher, pure).
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  FTS_AUTOMERGE,
  naiveHeadHit,
  naiveMatches,
  normalizeDocument,
  parseSearchQuery,
  ReadQueries,
  SearchRepository,
  SearchService,
} from '@jianbao/backend';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import type { DataSource, EntityManager } from 'typeorm';
import { createTestDatabase, ON_POSTGRES, type TestDatabase } from '../fixtures/postgres';
import { insertCorpus, searchCorpus, type CorpusClipping } from '../fixtures/search-corpus';
import { AppConfig, openDataSource, validateConfig } from '../fixtures/test-app';

/**
 * The search index on a real database with the real migrations (SQLite, and PostgreSQL with
 * TEST_DATABASE_URL): 10,000 clippings indexed by `reindex`, then 200 generated queries whose results
 * must be exactly the naive scan's; orders, relevance, filters, facets, snippets, and index writes
 * inside a caller's transaction.
 */

jest.setTimeout(600_000);

const N = 10_000;
const BY_ID = [{ column: 'c.id', direction: 'ASC' as const }];
const DATE_ORDER = [
  { column: 'c.issue_date', direction: 'DESC' as const },
  { column: 'c.page_sort', direction: 'ASC' as const },
  { column: 'c.id', direction: 'DESC' as const },
];
const ALL = { offset: 0, pageSize: N + 10 };
/** The list's date order (DATE_ORDER) over the corpus: newest issue, then page, then newest id. */
const byListDate = (a: CorpusClipping, b: CorpusClipping): number =>
  b.issueDate.localeCompare(a.issueDate) ||
  a.pageLabel.padStart(4, '0').localeCompare(b.pageLabel.padStart(4, '0')) ||
  b.id - a.id;
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toFullWidth = (s: string): string =>
  s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function ph(ds: DataSource, sql: string): string {
  let n = 0;
  return ds.options.type === 'postgres' ? sql.replace(/\?/g, () => `$${(n += 1)}`) : sql;
}

describe(`search index on ${ON_POSTGRES ? 'PostgreSQL' : 'SQLite'} (10,000 clippings)`, () => {
  let dir: string;
  let pg: TestDatabase | null = null;
  let ds: DataSource;
  let read: ReadQueries;
  let search: SearchService;
  let corpus: CorpusClipping[];
  let normalized: Map<number, ReturnType<typeof normalizeDocument>>;

  /** SQLite: the index's `automerge` setting as committed (FTS5's default when never set); null on PostgreSQL. */
  const automerge = async (): Promise<number | null> => {
    if (ON_POSTGRES) return null;
    const rows = await read.all<{ v: number | string }>(
      "SELECT v FROM clipping_search_fts_config WHERE k = 'automerge'",
      [],
    );
    return rows[0] === undefined ? FTS_AUTOMERGE : Number(rows[0].v);
  };

  const naive = (q: string, keep: (c: CorpusClipping) => boolean = () => true): number[] => {
    const p = parseSearchQuery(q);
    return corpus.filter((c) => keep(c) && naiveMatches(p, normalized.get(c.id)!)).map((c) => c.id);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jianbao-search-'));
    pg = ON_POSTGRES ? await createTestDatabase() : null;
    const db = pg ? { dbType: 'postgres', databaseUrl: pg.url } : {};
    const config = validateConfig(
      Object.assign(new AppConfig(), { databasePath: join(dir, 's.sqlite'), nodeEnv: 'test' }, db),
    );
    ds = await openDataSource(config);
    read = new ReadQueries(ds, 2);
    await read.onModuleInit();
    search = new SearchService(new SearchRepository(ds, read), ds);
    corpus = searchCorpus(N);
    normalized = new Map(corpus.map((c) => [c.id, normalizeDocument(c)]));
    await insertCorpus(ds, corpus);
    const progress: number[] = [];
    // The index's merge setting as committed after each batch: off while the rows go in (SQLite).
    const merging: Array<Promise<number | null>> = [];
    const result = await search.reindex({
      onProgress: (done) => {
        progress.push(done);
        if (done > 0) merging.push(automerge());
      },
    });
    expect(result).toEqual({ indexed: N, orphansRemoved: 0 });
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(N);
    const during = await Promise.all(merging);
    expect(during.length).toBeGreaterThan(1);
    expect(new Set(during)).toEqual(new Set([ON_POSTGRES ? null : 0]));
    expect(await automerge()).toBe(ON_POSTGRES ? null : FTS_AUTOMERGE);
  });

  afterAll(async () => {
    await read?.onApplicationShutdown();
    await ds?.destroy();
    await pg?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds exactly what the naive scan finds, for 200 generated queries', async () => {
    // Queries made of what is in the corpus (as typed: quoted or not, traditional, full-width, with
    // spaces), combined with OR and exclusions, and of engine syntax and punctuation.
    const fromCorpus = fc
      .record({
        doc: fc.integer({ min: 0, max: N - 1 }),
        at: fc.nat(),
        length: fc.integer({ min: 1, max: 5 }),
        form: fc.constantFrom('plain', 'quoted', 'traditional', 'fullwidth', 'spaced'),
      })
      .map(({ doc, at, length, form }) => {
        const c = corpus[doc]!;
        const text = [c.title ?? '', c.body, c.byline ?? ''][at % 3]!.replace(/\s+/g, '');
        const start = text.length === 0 ? 0 : at % text.length;
        const term = text.slice(start, start + length) || '梁山';
        switch (form) {
          case 'plain':
            return term.replace(/["“”「」『』＂-]/g, '');
          case 'quoted':
            return `"${term.replace(/["“”「」『』＂]/g, '')}"`;
          case 'traditional':
            return toTraditional(term.replace(/["“”「」『』＂-]/g, ''));
          case 'fullwidth':
            return toFullWidth(term.replace(/["“”「」『』＂-]/g, ''));
          case 'spaced':
            return `"${[...term.replace(/["“”「」『』＂]/g, '')].join(' ')}"`;
        }
      });
    const junk = fc.constantFrom(
      '"',
      '*',
      'NEAR(',
      ')',
      "'",
      '\\',
      '-',
      'OR',
      '|',
      '：'.repeat(200),
      '{head}:',
      '^',
    );
    const query = fc
      .array(
        fc.oneof(
          { weight: 5, arbitrary: fromCorpus },
          { weight: 2, arbitrary: fromCorpus.map((t) => `-${t}`) },
          { weight: 1, arbitrary: junk },
        ),
        { minLength: 1, maxLength: 3 },
      )
      .chain((parts) => fc.constantFrom(parts.join(' '), parts.join(' OR ')));
    let nonTrivial = 0;
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const expected = naive(q);
        const got = await search.search({ q, sort: BY_ID, page: ALL, countUpTo: Infinity });
        expect({ q, total: got.total, ids: got.ids }).toEqual({ q, total: expected.length, ids: expected });
        if (expected.length > 0 && expected.length < N) nonTrivial += 1;
      }),
      { numRuns: 200, seed: 20261205 },
    );
    expect(nonTrivial).toBeGreaterThan(100);
  });

  it('answers the names editors search for, across line breaks, widths and scripts', async () => {
    for (const q of [
      '梁山',
      '鱼台',
      '崔建刚',
      '鄉村振興',
      '"明信片"',
      'ＡＰＥＣ',
      'apec',
      '5g',
      '梁',
      '"引号"',
    ]) {
      const got = await search.search({ q, sort: BY_ID, page: ALL });
      expect({ q, ids: got.ids }).toEqual({ q, ids: naive(q) });
      expect(got.total).toBeGreaterThan(0);
    }
  });

  it('walks the date order page by page, as the list sorts', async () => {
    for (const q of ['梁山', '的', '-鱼台', '']) {
      const p = parseSearchQuery(q);
      const expected = corpus
        .filter((c) => naiveMatches(p, normalized.get(c.id)!))
        .sort(byListDate)
        .map((c) => c.id);
      for (const offset of [0, 20, 137]) {
        const got = await search.search({
          q,
          sort: DATE_ORDER,
          page: { offset, pageSize: 20 },
          countUpTo: Infinity,
        });
        expect({ q, offset, ids: got.ids }).toEqual({ q, offset, ids: expected.slice(offset, offset + 20) });
        expect(got.total).toBe(expected.length);
      }
      const ascending = await search.search({
        q,
        sort: [
          { column: 'c.issue_date', direction: 'ASC' },
          { column: 'c.id', direction: 'ASC' },
        ],
        page: { offset: 5, pageSize: 10 },
      });
      const asc = corpus
        .filter((c) => naiveMatches(p, normalized.get(c.id)!))
        .sort((a, b) => a.issueDate.localeCompare(b.issueDate) || a.id - b.id)
        .map((c) => c.id);
      expect(ascending.ids).toEqual(asc.slice(5, 15));
    }
  });

  it('ranks headline hits first, newest issue first within each', async () => {
    for (const q of ['梁山', '鱼台 OR 崔建刚', '乡村振兴 -梁山']) {
      const p = parseSearchQuery(q);
      const matches = corpus.filter((c) => naiveMatches(p, normalized.get(c.id)!));
      const head = matches.filter((c) => naiveHeadHit(p, normalized.get(c.id)!)).sort(byListDate);
      const rest = matches.filter((c) => !naiveHeadHit(p, normalized.get(c.id)!)).sort(byListDate);
      const expected = [...head, ...rest].map((c) => c.id);
      expect(head.length).toBeGreaterThan(0);
      for (const offset of [0, Math.max(0, head.length - 3)]) {
        const got = await search.search({ q, sort: 'relevance', page: { offset, pageSize: 10 } });
        expect({ q, offset, ids: got.ids }).toEqual({ q, offset, ids: expected.slice(offset, offset + 10) });
        expect(got.ranks).toEqual(got.ids.map((_, i) => (offset + i < head.length ? 1 : 0)));
      }
    }
  });

  it('counts up to 1,000 by default, or a given limit, and says when it stopped', async () => {
    const many = await search.search({ q: '的', sort: DATE_ORDER, page: { offset: 0, pageSize: 5 } });
    expect(many).toMatchObject({ total: 1001, totalExact: false });
    const expected = naive('的');
    expect(expected.length).toBeGreaterThan(100);
    const capped = await search.search({
      q: '的',
      sort: DATE_ORDER,
      page: { offset: 0, pageSize: 5 },
      countUpTo: 100,
    });
    expect(capped).toMatchObject({ total: 101, totalExact: false });
    const exact = await search.search({
      q: '的',
      sort: DATE_ORDER,
      page: { offset: 0, pageSize: 5 },
      countUpTo: Infinity,
    });
    expect(exact).toMatchObject({ total: expected.length, totalExact: true });
    expect(exact.ids).toEqual(capped.ids);
  });

  it("bounds its walk by the filter's issue dates and publication and still finds exactly what the naive scan finds", async () => {
    // Ranges over the corpus's two years (one day, open at either end, crossing a year); each query
    // compared in id order (every match), by date page by page, by relevance and for bulk edit.
    const day = fc
      .integer({ min: -3, max: 733 })
      .map((d) => new Date(Date.UTC(2023, 0, 1 + d)).toISOString().slice(0, 10));
    const range = fc.oneof(
      fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })),
      day.map((d) => ({ from: d, to: d })),
      day.map((d) => ({ from: d })),
      day.map((d) => ({ to: d })),
    );
    const q = fc.constantFrom('梁山', '的', '的 -鱼台', '"产业工人"', '鱼台 OR 梁山', '');
    // With one of the corpus's three publications or none: on SQLite its index term goes with the query.
    const publication = fc.constantFrom(undefined, 1, 2, 3);
    await fc.assert(
      fc.asyncProperty(range, q, publication, async (dates: { from?: string; to?: string }, query, pub) => {
        const clauses: string[] = [];
        const params: Array<string | number> = [];
        if (pub !== undefined) {
          clauses.push('c.publication_id = ?');
          params.push(pub);
        }
        if (dates.from !== undefined) {
          clauses.push('c.issue_date >= ?');
          params.push(dates.from);
        }
        if (dates.to !== undefined) {
          clauses.push('c.issue_date <= ?');
          params.push(dates.to);
        }
        const filter = {
          sql: clauses.join(' AND '),
          params,
          issueDates: dates,
          ...(pub === undefined ? {} : { publicationId: pub }),
        };
        const keep = (c: CorpusClipping): boolean =>
          (pub === undefined || c.publicationId === pub) &&
          (dates.from === undefined || c.issueDate >= dates.from) &&
          (dates.to === undefined || c.issueDate <= dates.to);
        const expected = naive(query, keep);
        const got = await search.search({ q: query, filter, sort: BY_ID, page: ALL, countUpTo: Infinity });
        expect({ dates, pub, query, ids: got.ids }).toEqual({ dates, pub, query, ids: expected });
        const byDate = corpus
          .filter((c) => expected.includes(c.id))
          .sort(byListDate)
          .map((c) => c.id);
        const dated = await search.search({
          q: query,
          filter,
          sort: DATE_ORDER,
          page: { offset: 2, pageSize: 5 },
        });
        expect({ dates, pub, query, ids: dated.ids }).toEqual({ dates, pub, query, ids: byDate.slice(2, 7) });
        const ranked = await search.search({
          q: query,
          filter,
          sort: 'relevance',
          page: { offset: 0, pageSize: 5 },
        });
        expect(ranked.ids.every((id) => expected.includes(id))).toBe(true);
        expect(ranked.ids).toHaveLength(Math.min(5, expected.length));
        if (query !== '') expect(await search.matchingIds(query, filter)).toEqual(expected);
      }),
      { numRuns: 40, seed: 20261206 },
    );
  });

  it('combines with the list filters and any sort', async () => {
    const filter = {
      sql: 'c.publication_id = ? AND c.issue_date >= ?',
      params: [2, '2024-01-01'],
      publicationId: 2,
    };
    const keep = (c: CorpusClipping): boolean => c.publicationId === 2 && c.issueDate >= '2024-01-01';
    for (const q of ['梁山', '的 -鱼台', '']) {
      const got = await search.search({ q, filter, sort: BY_ID, page: ALL });
      expect({ q, ids: got.ids }).toEqual({ q, ids: naive(q, keep) });
      const dated = await search.search({ q, filter, sort: DATE_ORDER, page: { offset: 3, pageSize: 7 } });
      expect(dated.total).toBe(got.total);
      expect(dated.ids.every((id) => got.ids.includes(id))).toBe(true);
      const ranked = await search.search({ q, filter, sort: 'relevance', page: { offset: 0, pageSize: 7 } });
      expect(ranked.total).toBe(got.total);
    }
    for (const q of ['梁山 -鱼台', '崔建刚']) {
      expect(await search.matchingIds(q, filter)).toEqual(naive(q, keep));
      expect(await search.matchingIds(q)).toEqual(naive(q));
    }
    const byTitle = await search.search({
      q: '梁山',
      sort: [
        { column: 'c.title', direction: 'DESC' },
        { column: 'c.id', direction: 'ASC' },
      ],
      page: { offset: 0, pageSize: 5 },
    });
    expect(byTitle.ids).toHaveLength(5);
  });

  it("answers a query led by a rare number from its number's few clippings, as the naive scan does", async () => {
    // The corpus's numbers: 9227, 3047 and 107 are each in 120–190 clippings (read and checked against
    // the reference definition on SQLite: at most FEW_CANDIDATES), 60 and 2024 in more (FTS5 as before).
    // Each as typed with the characters around it, with a second term, an exclusion, OR, and the number
    // at the end of the phrase (its prefix).
    const texts = corpus.map((c) =>
      [...normalized.get(c.id)!.head, ...normalized.get(c.id)!.body].join('\n'),
    );
    const around = (run: string, nth = 0): string => {
      const seen = new Set<string>();
      for (const t of texts)
        for (const m of t.matchAll(new RegExp(`[^\\d\\s]${run}[^\\d\\s]`, 'g'))) seen.add(m[0]);
      const found = [...seen].sort()[nth];
      if (found === undefined) throw new Error(`the corpus has no ${nth + 1} forms of ${run}`);
      return found;
    };
    const fts: string[] = [];
    /** The statements that read the candidates by id with the filter. */
    const byIds: Array<{ sql: string; params: unknown[] }> = [];
    const original = read.all.bind(read);
    const spy = jest.spyOn(read, 'all').mockImplementation(((sql: string, params: readonly unknown[], m) => {
      if (sql.includes('clipping_search_fts MATCH'))
        fts.push(...params.filter((p): p is string => typeof p === 'string'));
      if (
        /^SELECT c\.id FROM clipping c( NOT INDEXED)? WHERE c\.id IN \(SELECT value FROM json_each/.test(sql)
      )
        byIds.push({ sql, params: [...params] });
      return original(sql, params, m);
    }) as typeof read.all);
    const numberTerms = /^[()"n0-9p *ANDOR]+$/;
    const keep = (c: CorpusClipping): boolean => c.publicationId === 2;
    const filter = { sql: 'c.publication_id = ?', params: [2], publicationId: 2 };
    try {
      for (const [q, few] of [
        [around('9227'), true],
        [`${around('3047')} 县`, true],
        [`${around('107')} -梁山`, true],
        [`"${around('107')}" OR ${toFullWidth(around('9227'))}`, false],
        [`"${around('107')}" OR ${toFullWidth(around('107'))}`, true],
        [around('107').slice(0, -1), true],
        // No character before the digits: the clipping's run may begin earlier, so no number term.
        [around('107').slice(1), false],
        [around('60'), false],
        [`${around('2024')} OR ${around('9227')}`, false],
      ] as const) {
        fts.length = 0;
        const p = parseSearchQuery(q);
        const expected = naive(q);
        expect({ q, found: expected.length > 0 }).toEqual({ q, found: true });
        const all = await search.search({ q, sort: BY_ID, page: ALL, countUpTo: Infinity });
        expect({ q, total: all.total, ids: all.ids }).toEqual({ q, total: expected.length, ids: expected });
        const matches = corpus.filter((c) => naiveMatches(p, normalized.get(c.id)!));
        const head = matches.filter((c) => naiveHeadHit(p, normalized.get(c.id)!)).sort(byListDate);
        const rest = matches.filter((c) => !naiveHeadHit(p, normalized.get(c.id)!)).sort(byListDate);
        const ranked = [...head, ...rest].map((c) => c.id);
        for (const offset of [0, 5]) {
          const got = await search.search({ q, sort: 'relevance', page: { offset, pageSize: 5 } });
          expect({ q, offset, ids: got.ids }).toEqual({ q, offset, ids: ranked.slice(offset, offset + 5) });
          expect(got.ranks).toEqual(got.ids.map((_, i) => (offset + i < head.length ? 1 : 0)));
          expect([got.total, got.totalExact]).toEqual([expected.length, true]);
          const dated = await search.search({ q, sort: DATE_ORDER, page: { offset, pageSize: 5 } });
          expect(dated.ids).toEqual(
            [...matches]
              .sort(byListDate)
              .map((c) => c.id)
              .slice(offset, offset + 5),
          );
        }
        const capped = await search.search({
          q,
          sort: DATE_ORDER,
          page: { offset: 0, pageSize: 1 },
          countUpTo: 0,
        });
        expect([capped.total, capped.totalExact]).toEqual([1, false]);
        const within = await search.search({ q, filter, sort: BY_ID, page: ALL, countUpTo: Infinity });
        expect({ q, ids: within.ids }).toEqual({ q, ids: naive(q, keep) });
        const withinDated = await search.search({ q, filter, sort: DATE_ORDER, page: ALL });
        expect({ q, ids: withinDated.ids }).toEqual({
          q,
          ids: matches
            .filter(keep)
            .sort(byListDate)
            .map((c) => c.id),
        });
        expect(await search.matchingIds(q, filter)).toEqual(naive(q, keep));
        expect(await search.matchingIds(q)).toEqual(expected);
        const facets = await search.facets({ q, exactUpTo: Infinity });
        expect(facets.counted).toBe(expected.length);
        expect(Object.fromEntries(facets.publication.map((r) => [r.value, r.count]))).toEqual(
          matches.reduce<Record<string, number>>(
            (acc, c) => ({ ...acc, [c.publicationId]: (acc[c.publicationId] ?? 0) + 1 }),
            {},
          ),
        );
        // SQLite: a rare number's query asks FTS5 only its number terms (the pairs are never walked).
        if (!ON_POSTGRES)
          expect({ q, numbersOnly: fts.every((m) => numberTerms.test(m)) }).toEqual({ q, numbersOnly: few });
      }
    } finally {
      spy.mockRestore();
    }
    // SQLite: the candidates within a publication are read by their ids, not by the publication's index.
    if (!ON_POSTGRES) {
      expect(byIds.length).toBeGreaterThan(0);
      for (const s of byIds) {
        // Asked on the test's own connection (the read pool's EXPLAIN once froze its snapshot: see
        // sqlite-read-pool.ts; fixed, and its spec checks it).
        const plan = (await ds.query(`EXPLAIN QUERY PLAN ${s.sql}`, s.params)) as { detail: string }[];
        expect(plan.map((r) => r.detail).join(' | ')).toMatch(
          /^SEARCH c USING INTEGER PRIMARY KEY \(rowid=\?\)/,
        );
      }
    }
  });

  it('counts facets over the result set', async () => {
    const q = '梁山 OR 鱼台';
    const ids = new Set(naive(q));
    const hits = corpus.filter((c) => ids.has(c.id));
    const facets = await search.facets({ q, exactUpTo: Infinity });
    expect(facets.counted).toBe(hits.length);
    expect(facets.approximate).toBe(false);
    const tally = (key: (c: CorpusClipping) => string | number): Record<string, number> =>
      hits.reduce<Record<string, number>>((acc, c) => ({ ...acc, [key(c)]: (acc[key(c)] ?? 0) + 1 }), {});
    const asRecord = (rows: { value: string | number; count: number }[]): Record<string, number> =>
      Object.fromEntries(rows.map((r) => [r.value, r.count]));
    expect(asRecord(facets.publication)).toEqual(tally((c) => c.publicationId));
    expect(asRecord(facets.kind)).toEqual(tally((c) => c.kind));
    expect(asRecord(facets.status)).toEqual(tally((c) => c.status));
    expect(asRecord(facets.year)).toEqual(tally((c) => c.issueDate.slice(0, 4)));
    // Past the exact limit: counted over the newest that many, and said so.
    const newest = await search.facets({ q: '的', exactUpTo: 1000 });
    expect(newest).toMatchObject({ approximate: true, counted: 1000 });
    expect(newest.kind.reduce((s, r) => s + r.count, 0)).toBe(1000);
    const all = new Set(naive('的'));
    const newestYears = corpus
      .filter((c) => all.has(c.id))
      .sort((a, b) => b.issueDate.localeCompare(a.issueDate) || b.id - a.id)
      .slice(0, 1000)
      .reduce<Record<string, number>>(
        (acc, c) => ({ ...acc, [c.issueDate.slice(0, 4)]: (acc[c.issueDate.slice(0, 4)] ?? 0) + 1 }),
        {},
      );
    expect(Object.fromEntries(newest.year.map((r) => [r.value, r.count]))).toEqual(newestYears);
  });

  it('counts tags and regions with their ancestors, each clipping once', async () => {
    const one = (sql: string, params: unknown[]): Promise<unknown> => ds.query(ph(ds, sql), params);
    await one("INSERT INTO tag (name) VALUES ('政务')", []);
    await one("INSERT INTO region (code, name, level) VALUES ('370000', '山东省', 'province')", []);
    const [{ id: province }] = (await ds.query("SELECT id FROM region WHERE code = '370000'")) as {
      id: number;
    }[];
    await one(
      "INSERT INTO region (code, name, level, parent_id) VALUES ('370800', '济宁市', 'prefecture', ?)",
      [province],
    );
    const [{ id: city }] = (await ds.query("SELECT id FROM region WHERE code = '370800'")) as {
      id: number;
    }[];
    await one(
      "INSERT INTO region (code, name, level, parent_id) VALUES ('370827', '鱼台县', 'county', ?), ('370832', '梁山县', 'county', ?)",
      [city, city],
    );
    const counties = (await ds.query("SELECT id FROM region WHERE level = 'county' ORDER BY code")) as {
      id: number;
    }[];
    const [{ id: tag }] = (await ds.query("SELECT id FROM tag WHERE name = '政务'")) as { id: number }[];
    const hits = naive('崔建刚').slice(0, 5);
    for (const id of hits) {
      await one('INSERT INTO clipping_tag (clipping_id, tag_id) VALUES (?, ?)', [id, tag]);
      for (const county of counties)
        await one('INSERT INTO clipping_region (clipping_id, region_id) VALUES (?, ?)', [id, county.id]);
    }
    // Every match counted (崔建刚 is in more clippings than the default limit: the tagged ones are the oldest).
    const facets = await search.facets({ q: '崔建刚', exactUpTo: Infinity });
    expect(facets.approximate).toBe(false);
    expect(facets.tag).toEqual([{ value: tag, count: hits.length }]);
    const region = Object.fromEntries(facets.region.map((r) => [r.value, r.count]));
    expect(region[province]).toBe(hits.length);
    expect(region[city]).toBe(hits.length);
    expect(region[counties[0]!.id]).toBe(hits.length);
    expect(facets.region.find((r) => r.value === city)).toMatchObject({
      level: 'prefecture',
      parentId: province,
    });
  });

  it('highlights hits in the headline fields and cuts a body excerpt around them', async () => {
    const [id] = naive('崔建刚');
    const [s] = await search.snippets('崔建刚 -不存在', [id!]);
    const c = corpus.find((x) => x.id === id)!;
    expect(s!.id).toBe(id);
    expect(`${s!.title ?? ''}${s!.snippet}`).toContain('<mark>');
    expect(s!.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    expect(c).toBeDefined();
  });

  it('writes and removes index entries inside the caller’s transaction, rolled back with it', async () => {
    const id = corpus[0]!.id;
    const marker = '独一无二的测试标记';
    const changed = { ...corpus[0]!, body: `新正文${marker}`, subheads: [] };
    // A failed transaction leaves the index as it was.
    await expect(
      ds.transaction(async (m) => {
        await m.query(ph(ds, 'UPDATE clipping SET body = ? WHERE id = ?'), [changed.body, id]);
        await search.indexClippings(m, [changed]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await search.search({ q: marker, sort: BY_ID, page: ALL })).ids).toEqual([]);

    await ds.transaction(async (m) => {
      await m.query(ph(ds, 'UPDATE clipping SET body = ?, issue_date = ? WHERE id = ?'), [
        changed.body,
        '2030-01-01',
        id,
      ]);
      await search.indexClippingIds(m, [id]);
    });
    expect((await search.search({ q: marker, sort: BY_ID, page: ALL })).ids).toEqual([id]);
    const newest = await search.search({ q: '', sort: DATE_ORDER, page: { offset: 0, pageSize: 1 } });
    expect(newest.ids).toEqual([id]);

    await ds.transaction(async (m) => {
      await search.removeFromIndex(m, [id]);
      await m.query(ph(ds, 'DELETE FROM clipping WHERE id = ?'), [id]);
    });
    expect((await search.search({ q: marker, sort: BY_ID, page: ALL })).total).toBe(0);
    expect(
      (await search.search({ q: '', sort: BY_ID, page: { offset: 0, pageSize: 1 }, countUpTo: Infinity }))
        .total,
    ).toBe(N - 1);
  });

  it('never fails on malformed input', async () => {
    for (const q of [
      '"',
      '*',
      'NEAR(',
      ')',
      "'",
      '\\',
      '-',
      '：'.repeat(200),
      '"""',
      '-"',
      'OR OR',
      '\u0000',
      '𠀀',
    ]) {
      for (const sort of ['relevance', BY_ID, DATE_ORDER] as const) {
        const got = await search.search({ q, sort, page: { offset: 0, pageSize: 5 } });
        expect(got.total).toBeGreaterThanOrEqual(0);
      }
      await search.facets({ q });
    }
  });
  it('merges as rows go in again after a rebuild that failed part-way', async () => {
    const q = { q: '梁山', sort: BY_ID, page: ALL, countUpTo: N + 10 };
    const before = (await search.search(q)).ids;
    expect(before.length).toBeGreaterThan(0);
    let calls = 0;
    const failing = (work: (m: EntityManager) => Promise<void>): Promise<void> =>
      ds.transaction(async (m) => {
        calls += 1;
        // 1: merging off, 2: the first batch, 3: the second batch fails, 4: merging back on.
        if (calls === 3) throw new Error('disk full');
        await work(m);
      });
    await expect(search.reindex({ transact: failing, batchSize: 100 })).rejects.toThrow('disk full');
    expect(calls).toBe(4);
    expect(await automerge()).toBe(ON_POSTGRES ? null : FTS_AUTOMERGE);
    // The index answers as before (the batch that went in wrote the same entries again).
    expect((await search.search(q)).ids).toEqual(before);
  });
});

describe(`a date-sorted search whose page ends inside a crowded day (${ON_POSTGRES ? 'PostgreSQL' : 'SQLite'})`, () => {
  let dir: string;
  let pg: TestDatabase | null = null;
  let ds: DataSource;
  let read: ReadQueries;
  let search: SearchService;
  // 330 clippings on one day (more than a first walk of the keys reads), 40 on each day around it; page
  // labels and headlines across the ids, so that a day's clippings sort by page, not by key.
  const crowded: CorpusClipping[] = Array.from({ length: 410 }, (_, i) => ({
    id: i + 1,
    publicationId: 1 + (i % 3),
    issueDate: i < 40 ? '2024-04-30' : i < 370 ? '2024-05-01' : '2024-05-02',
    pageLabel: String(1 + ((i * 7) % 12)),
    kind: 'brief',
    status: 'reviewed',
    kicker: null,
    title: i % 5 === 0 ? `第${i}条简讯` : `第${i}条`,
    subtitle: null,
    byline: null,
    dateline: null,
    body: `本报讯 第${i}条简讯正文。`,
    subheads: [],
  }));
  const ascending = (a: CorpusClipping, b: CorpusClipping): number =>
    a.issueDate.localeCompare(b.issueDate) ||
    a.pageLabel.padStart(4, '0').localeCompare(b.pageLabel.padStart(4, '0')) ||
    a.id - b.id;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jianbao-search-day-'));
    pg = ON_POSTGRES ? await createTestDatabase() : null;
    const db = pg ? { dbType: 'postgres', databaseUrl: pg.url } : {};
    ds = await openDataSource(
      validateConfig(
        Object.assign(new AppConfig(), { databasePath: join(dir, 'd.sqlite'), nodeEnv: 'test' }, db),
      ),
    );
    read = new ReadQueries(ds, 1);
    await read.onModuleInit();
    search = new SearchService(new SearchRepository(ds, read), ds);
    await insertCorpus(ds, crowded);
    await search.reindex();
  });

  afterAll(async () => {
    await read?.onApplicationShutdown();
    await ds?.destroy();
    await pg?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pages through the day in the list order, newest or oldest first, and by relevance', async () => {
    const newest = [...crowded].sort(byListDate).map((c) => c.id);
    const oldest = [...crowded].sort(ascending).map((c) => c.id);
    const hits = crowded.filter((c) => c.title?.includes('简讯'));
    const relevance = [
      ...hits.sort(byListDate),
      ...crowded.filter((c) => !c.title?.includes('简讯')).sort(byListDate),
    ].map((c) => c.id);
    const ASCENDING = [
      { column: 'c.issue_date', direction: 'ASC' as const },
      { column: 'c.page_sort', direction: 'ASC' as const },
      { column: 'c.id', direction: 'ASC' as const },
    ];
    for (const offset of [0, 20, 60, 200, 380, 400]) {
      const page = { offset, pageSize: 20 };
      const got = (sort: Parameters<SearchService['search']>[0]['sort']) =>
        search.search({ q: '简讯', sort, page }).then((r) => r.ids);
      expect({ offset, ids: await got(DATE_ORDER) }).toEqual({
        offset,
        ids: newest.slice(offset, offset + 20),
      });
      expect({ offset, ids: await got(ASCENDING) }).toEqual({
        offset,
        ids: oldest.slice(offset, offset + 20),
      });
      expect({ offset, ids: await got('relevance') }).toEqual({
        offset,
        ids: relevance.slice(offset, offset + 20),
      });
    }
  });
});
