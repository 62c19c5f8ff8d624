import type { Clipping, CountedPage, Dashboard, EditedClipping, Publication, Tag } from '@jianbao/contracts';
import { DataSource } from 'typeorm';
import { filePage, JINING_P1, readPage, SAMPLE_ANKANG_P2, SAMPLE_JINING_P2 } from '../fixtures/continuations';
import { itSqliteOnly, ON_POSTGRES } from '../fixtures/postgres';
import { createPublication, createTag, createZhejiang } from '../fixtures/seed';
import { ReadQueries, startTestApp, type TestApp } from '../fixtures/test-app';

/**
 * Issue 15, what a million clippings needs, checked on a small archive with the list's depth set to
 * 1,000 (LIST_DEPTH): counts that stop, pages that stop, and every hot statement's plan. SQLite without
 * statistics plans the same at any size, so a full scan of `clipping` here is one at a million too;
 * PostgreSQL plans by size, so its plans are asked with sequential scans disabled — a Seq Scan then
 * means no index can serve the statement.
 */
const DEPTH = 1_000;
/** Every order the list's column headers give (`toggleSort` in the UI), both directions. */
const SORTS = [
  '-issueDate,pageSort',
  'issueDate,pageSort',
  '-issueDate',
  'issueDate',
  'pageSort',
  '-pageSort',
  'title',
  '-title',
  'kind',
  '-kind',
  'status',
  '-status',
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
];

describe('a list that stops counting, and plans bounded by the page', () => {
  let t: TestApp;
  let pub: Publication;
  let other: Publication;
  let parent: Tag;
  let leaf: Tag;
  let zj: Awaited<ReturnType<typeof createZhejiang>>;
  let articleId: number;

  const list = async (query: Record<string, string | number>): Promise<CountedPage<Clipping>> =>
    (await t.http().get('/api/clippings').query(query).expect(200)).body as CountedPage<Clipping>;

  /** `n` briefs for one page, each with its own text so the page is not a duplicate. */
  function briefs(n: number, from: number, tagIds: number[], regionCodes: string[]): EditedClipping[] {
    return Array.from({ length: n }, (_, i) => ({
      kind: 'brief',
      title: `简讯${from + i}`,
      body: `第${from + i}条简讯正文。`,
      tagIds,
      regionCodes,
    }));
  }

  beforeAll(async () => {
    t = await startTestApp({ config: { listDepth: DEPTH } });
    pub = await createPublication(t, { name: '济宁日报' });
    other = await createPublication(t, { name: '鱼台周报' });
    parent = await createTag(t, { name: '社会' });
    leaf = await createTag(t, { name: '民生', parentId: parent.id });
    zj = await createZhejiang(t);
    // 1,050 clippings of one paper over three days (more than the depth), 30 of another.
    const days = ['2024-03-01', '2024-03-02', '2024-03-03'];
    for (const [i, day] of days.entries()) {
      await filePage(
        t,
        pub.id,
        String(i + 1),
        `第${i + 1}版的${350}条简讯`,
        briefs(350, i * 350, [leaf.id], ['330106']),
        day,
      );
    }
    await filePage(t, other.id, '1', '鱼台周报一版', briefs(30, 5_000, [], []), '2024-02-01');
    // A continued article and parts still waiting for their other half.
    await filePage(t, pub.id, '2', readPage(SAMPLE_JINING_P2), undefined, '2024-10-22');
    await filePage(t, pub.id, '1', readPage(JINING_P1), undefined, '2024-10-22');
    await filePage(t, other.id, '2', readPage(SAMPLE_ANKANG_P2), undefined, '2024-10-22');
    const linked = (await list({ publicationId: pub.id, from: '2024-10-22', pageSize: 200 })).items.find(
      (c) => c.articleId !== null,
    );
    if (!linked?.articleId) throw new Error('the sample pages filed no continued article');
    articleId = linked.articleId;
  }, 180_000);

  afterAll(async () => {
    await t.close();
  });

  describe('counts', () => {
    it('counts exactly up to the depth', async () => {
      const page = await list({ publicationId: other.id, to: '2024-02-01' });
      expect(page).toMatchObject({ total: 30, totalExact: true, page: 1, pageSize: 50 });
      expect(page.items).toHaveLength(30);
    });

    it('stops one past the depth and says so: the UI shows "1,000+"', async () => {
      const queries: Array<Record<string, number>> = [
        {},
        { publicationId: pub.id },
        { tagId: parent.id },
        { regionId: zj.zhejiang.id },
      ];
      for (const query of queries) {
        const page = await list({ ...query, pageSize: 20 });
        expect(page).toMatchObject({ total: DEPTH + 1, totalExact: false });
        expect(page.items).toHaveLength(20);
      }
      // 700 of one paper's three days: under the depth, exact.
      const twoDays = await list({ publicationId: pub.id, from: '2024-03-02', to: '2024-03-03' });
      expect(twoDays).toMatchObject({ total: 700, totalExact: true });
    });
  });

  describe('deep pages', () => {
    it('serves every page that starts within the depth, in order, and refuses the next one', async () => {
      const ids: number[] = [];
      for (let page = 1; page <= DEPTH / 200; page += 1) {
        const res = await list({ publicationId: pub.id, sort: 'title', pageSize: 200, page });
        expect(res.items).toHaveLength(200);
        ids.push(...res.items.map((c) => c.id));
      }
      expect(new Set(ids).size).toBe(DEPTH);
      const res = await t
        .http()
        .get('/api/clippings')
        .query({ publicationId: pub.id, sort: 'title', pageSize: 200, page: DEPTH / 200 + 1 })
        .expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.details).toEqual([
        {
          field: 'page',
          errors: [
            `page 6 of 200 starts past the first ${DEPTH} clippings the list shows: narrow the filter or reverse the sort`,
          ],
        },
      ]);
    });

    it('a page that starts at the last clipping within the depth still answers', async () => {
      const res = await list({ pageSize: 1, page: DEPTH });
      expect(res.items).toHaveLength(1);
      await t
        .http()
        .get('/api/clippings')
        .query({ pageSize: 1, page: DEPTH + 1 })
        .expect(400);
    });

    it('walking the order index gives the same pages as sorting the matches', async () => {
      // 1,050 briefs of `pub` match `kind=brief` (past WALK_ORDER_FROM: the title index is walked on
      // SQLite); the same order narrowed to the first 1,000 by publication and day is sorted.
      const walked = await list({ kind: 'brief', sort: 'title', pageSize: 200, page: 1 });
      const all = await list({ sort: 'title', pageSize: 200, page: 1 });
      const sorted = all.items.filter((c) => c.kind === 'brief').map((c) => c.id);
      expect(sorted.length).toBeGreaterThan(100);
      expect(walked.items.map((c) => c.id).slice(0, sorted.length)).toEqual(sorted);
      // A topic and a province over most of the archive: the walk probes each clipping's links (EXISTS)
      // instead of reading the subtree's clippings first; same pages, in the same order, and the totals
      // from the kept counts (a topic's and a region's buckets: 1,050 each, past the depth).
      for (const [filter, has] of [
        [{ tagId: parent.id }, (c: Clipping) => c.tags.some((x) => x.id === leaf.id || x.id === parent.id)],
        [{ regionId: zj.zhejiang.id }, (c: Clipping) => c.regions.some((r) => r.path.includes('浙江省'))],
      ] as const) {
        for (const sort of ['title', '-issueDate,pageSort', '-updatedAt']) {
          for (const page of [1, 3]) {
            const probed = await list({ ...filter, sort, pageSize: 100, page });
            const everything: Clipping[] = [];
            for (const p of [1, 2]) everything.push(...(await list({ sort, pageSize: 200, page: p })).items);
            const expected = everything.filter(has).map((c) => c.id);
            expect(expected.length).toBeGreaterThan(300);
            expect(probed.items.map((c) => c.id)).toEqual(expected.slice((page - 1) * 100, page * 100));
            expect([probed.total, probed.totalExact]).toEqual([DEPTH + 1, false]);
          }
        }
      }
      const small = await list({ publicationId: other.id, kind: 'brief', sort: '-title', pageSize: 200 });
      expect(small.items.map((c) => c.title)).toEqual(
        [...small.items.map((c) => c.title ?? '')].sort().reverse(),
      );
    });

    it('reading a range of days day by day gives the same pages as sorting its matches', async () => {
      // The three days of `pub` hold 1,050 clippings, past the depth: on SQLite each day's first
      // clippings in the order are read from an index led by the day, then merged (byDay). The clippings
      // of each filing share their filing and edit times, so ties are broken by the id, as the list does.
      const read = t.app.get(ReadQueries);
      const columns = { title: 'title', updatedAt: 'updated_at', createdAt: 'created_at' } as const;
      for (const field of ['title', 'updatedAt', 'createdAt'] as const) {
        for (const direction of ['ASC', 'DESC'] as const) {
          for (const publicationId of [undefined, pub.id]) {
            const expected = (
              await read.all<{ id: number }>(
                `SELECT c.id FROM clipping c WHERE c.issue_date >= ? AND c.issue_date <= ?` +
                  (publicationId === undefined ? '' : ' AND c.publication_id = ?') +
                  ` ORDER BY c.${columns[field]} ${direction}, c.id ${direction}`,
                ['2024-03-01', '2024-03-03', ...(publicationId === undefined ? [] : [publicationId])],
              )
            ).map((r) => Number(r.id));
            expect(expected).toHaveLength(1_050);
            for (const [page, pageSize] of [
              [1, 20],
              [3, 100],
              [10, 100],
            ] as const) {
              const res = await list({
                from: '2024-03-01',
                to: '2024-03-03',
                ...(publicationId === undefined ? {} : { publicationId }),
                sort: `${direction === 'DESC' ? '-' : ''}${field}`,
                page,
                pageSize,
              });
              expect([res.total, res.totalExact]).toEqual([DEPTH + 1, false]);
              expect(res.items.map((c) => c.id)).toEqual(
                expected.slice((page - 1) * pageSize, page * pageSize),
              );
            }
          }
        }
      }
    });
  });

  describe('every hot statement reads clipping through an index', () => {
    /** The SELECTs the hot reads ran (ReadQueries is how they reach the database), while `work` runs. */
    async function statementsOf(
      work: () => Promise<void>,
    ): Promise<Array<{ sql: string; params: unknown[] }>> {
      const read = t.app.get(ReadQueries);
      const seen: Array<{ sql: string; params: unknown[] }> = [];
      const original = read.all.bind(read);
      const spy = jest.spyOn(read, 'all').mockImplementation(((
        sql: string,
        params: readonly unknown[],
        manager,
      ) => {
        if (!sql.startsWith('EXPLAIN')) seen.push({ sql, params: [...params] });
        return original(sql, params, manager);
      }) as typeof read.all);
      try {
        await work();
      } finally {
        spy.mockRestore();
      }
      return seen;
    }

    /** The plan's lines that read `clipping` without an index. */
    async function fullScans(statement: { sql: string; params: unknown[] }): Promise<string[]> {
      const read = t.app.get(ReadQueries);
      if (!ON_POSTGRES) {
        const plan = await read.all<{ detail: string }>(
          `EXPLAIN QUERY PLAN ${statement.sql}`,
          statement.params,
        );
        const scans = plan
          .map((r) => r.detail)
          .filter((d) => /^SCAN (c|clipping)\b/.test(d) && !d.includes(' USING '));
        // A page's rows read with the page as their subquery: by id, from the page's few ids (not a walk
        // of an order's index checking each clipping against the page).
        const [outer] = plan;
        if (statement.sql.includes('WHERE c.id IN (SELECT c.id FROM clipping c') && outer)
          if (!/^SEARCH c USING INTEGER PRIMARY KEY/.test(outer.detail)) scans.push(outer.detail);
        return scans;
      }
      const ds = t.app.get(DataSource);
      return ds.transaction(async (m) => {
        await m.query('SET LOCAL enable_seqscan = off');
        const plan = await read.all<{ 'QUERY PLAN': string }>(
          `EXPLAIN ${statement.sql}`,
          statement.params,
          m,
        );
        return plan.map((r) => r['QUERY PLAN']).filter((line) => /Seq Scan on clipping(\s|$)/.test(line));
      });
    }

    async function expectIndexed(label: string, work: () => Promise<void>): Promise<number> {
      const statements = (await statementsOf(work)).filter((s) => /\bclipping\b/.test(s.sql));
      for (const statement of statements) {
        const scans = await fullScans(statement);
        if (scans.length > 0)
          throw new Error(
            `${label}: ${statement.sql}\n  reads clipping without an index: ${scans.join('; ')}`,
          );
      }
      return statements.length;
    }

    const filters = (): Array<Record<string, string | number>> => [
      {},
      { publicationId: pub.id },
      { from: '2024-03-01', to: '2024-03-02' },
      { pageLabel: '第二版' },
      { publicationId: pub.id, pageLabel: '2' },
      { kind: 'brief' },
      { status: 'draft' },
      { tagId: parent.id },
      { tagId: leaf.id },
      { regionId: zj.zhejiang.id },
      { regionId: zj.xihu.id },
    ];

    it('the list: ids, count and clipping view, for every filter and every order the UI offers', async () => {
      let statements = 0;
      for (const filter of filters()) {
        for (const sort of SORTS) {
          statements += await expectIndexed(`list ${JSON.stringify(filter)} sort=${sort}`, async () => {
            await list({ ...filter, sort, pageSize: 20, page: 3 });
          });
        }
      }
      // Each list: count and ids, the clipping view when the page has any (and the tag subtree's ids).
      expect(statements).toBeGreaterThanOrEqual(filters().length * SORTS.length * 2);
    }, 240_000);

    it('the clipping, the reassembled article and the waiting list', async () => {
      const some = (await list({ pageSize: 1 })).items[0];
      if (!some) throw new Error('no clipping');
      expect(
        await expectIndexed('detail', async () => {
          await t.http().get(`/api/clippings/${some.id}`).expect(200);
        }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        await expectIndexed('article', async () => {
          await t.http().get(`/api/articles/${articleId}`).expect(200);
        }),
      ).toBeGreaterThanOrEqual(1);
      for (const query of [{}, { publicationId: other.id }, { from: '2024-10-01', to: '2024-10-31' }]) {
        expect(
          await expectIndexed(`waiting ${JSON.stringify(query)}`, async () => {
            const res = await t.http().get('/api/continuations/waiting').query(query).expect(200);
            expect((res.body as unknown[]).length).toBeGreaterThan(0);
          }),
        ).toBeGreaterThanOrEqual(1);
      }
    });

    it('the dashboard, its drill-down and the work queues read counts, never the archive', async () => {
      for (const path of [
        '/api/dashboard',
        `/api/dashboard?regionId=${zj.zhejiang.id}&days=366`,
        '/api/dashboard/queues',
        '/api/regions/tree',
      ]) {
        const all = await statementsOf(async () => {
          await t.http().get(path).expect(200);
        });
        // The counts are the clipping store's (clipping_tally): one row per bar, no walk of the links.
        expect(all.some((s) => /\bclipping_tally\b/.test(s.sql))).toBe(true);
        for (const statement of all)
          expect([path, statement.sql]).not.toEqual([
            path,
            expect.stringMatching(/\bclipping_(tag|region)\b/),
          ]);
        await expectIndexed(path, async () => {
          await t.http().get(path).expect(200);
        });
      }
      // The numbers are the list's (the counts follow every write: tests/api/dashboard.e2e-spec.ts).
      const d = (await t.http().get('/api/dashboard').expect(200)).body as Dashboard;
      expect(d.perPublication.reduce((n, p) => n + p.count, 0)).toBe(d.total);
      expect(d.perPublication.find((p) => p.key === String(other.id))?.count).toBe(
        (await list({ publicationId: other.id, pageSize: 1 })).total,
      );
    });

    it('notices a full scan (the check can fail)', async () => {
      const scans = await fullScans({ sql: 'SELECT c.id FROM clipping c WHERE c.body = ?', params: ['x'] });
      expect(scans.length).toBeGreaterThan(0);
    });
  });
});

describe('an issue-date range counted in full is sorted, not walked in another order', () => {
  let t: TestApp;
  let pub: Publication;
  const list = async (query: Record<string, string | number>): Promise<CountedPage<Clipping>> =>
    (await t.http().get('/api/clippings').query(query).expect(200)).body as CountedPage<Clipping>;

  beforeAll(async () => {
    // Deeper than the 1,200 clippings filed, so the counts are exact.
    t = await startTestApp({ config: { listDepth: 5_000 } });
    pub = await createPublication(t, { name: '济宁日报' });
    for (const [i, day] of ['2024-03-01', '2024-03-02', '2024-03-03', '2024-03-04'].entries()) {
      const items = Array.from({ length: 300 }, (_, k) => ({
        kind: k % 6 === 0 ? 'article' : 'brief',
        // Titles against the grain of the dates: the walk of the title index would cross the other days.
        title: `简讯${String(1_000 - i * 300 - k).padStart(4, '0')}`,
        body: `${day}第${k}条简讯正文。`,
      })) as EditedClipping[];
      await filePage(t, pub.id, String(i + 1), `第${i + 1}版`, items, day);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  /** The list statements (`SELECT c.id FROM clipping c … LIMIT ? OFFSET ?`) the request ran. */
  async function listStatements(query: Record<string, string | number>): Promise<string[]> {
    const read = t.app.get(ReadQueries);
    const seen: string[] = [];
    const original = read.all.bind(read);
    const spy = jest.spyOn(read, 'all').mockImplementation(((sql: string, params: readonly unknown[], m) => {
      // The page's statement, alone or as the subquery its rows are read with.
      const page = sql.startsWith('EXPLAIN')
        ? null
        : /SELECT (c\.id FROM clipping c|id FROM \(SELECT \* FROM \(SELECT c\.id AS id)[^]*?LIMIT \? OFFSET \?/.exec(
            sql,
          );
      if (page) seen.push(page[0]);
      return original(sql, params, m);
    }) as typeof read.all);
    try {
      await list(query);
    } finally {
      spy.mockRestore();
    }
    return seen;
  }

  it('sorts the 1,200 clippings of a four-day range by title, and walks the title index for a kind', async () => {
    const range = { from: '2024-03-01', to: '2024-03-04', sort: 'title', pageSize: 50, page: 3 };
    const page = await list(range);
    expect(page).toMatchObject({ total: 1_200, totalExact: true });
    const everything = await list({ sort: 'title', pageSize: 200, page: 1 });
    expect(page.items.map((c) => c.id)).toEqual(everything.items.slice(100, 150).map((c) => c.id));
    const [ranged] = await listStatements(range);
    expect(ranged).toContain(' c.issue_date >= ?');
    expect(ranged).not.toContain('+c.issue_date');
    // 1,000 briefs and no date range: at WALK_ORDER_FROM, the walk is kept where SQLite would sort.
    if (!ON_POSTGRES) {
      const [byKind] = await listStatements({ kind: 'brief', sort: 'title', pageSize: 50 });
      expect(byKind).toContain('+c.kind');
    }
  });

  itSqliteOnly(
    "checks a full-text search's filter on the facet index, not on the clipping rows, when it can",
    "the index's keys are joined with clipping on SQLite only (PostgreSQL joins its own search table)",
    async () => {
      const read = t.app.get(ReadQueries);
      /** The plans of the statements joining the full-text index with clipping for this request. */
      const plans = async (query: Record<string, string | number>): Promise<string[]> => {
        const seen: Array<{ sql: string; params: unknown[] }> = [];
        const original = read.all.bind(read);
        const spy = jest.spyOn(read, 'all').mockImplementation(((
          sql: string,
          params: readonly unknown[],
          m,
        ) => {
          if (!sql.startsWith('EXPLAIN') && /clipping_search_fts f JOIN clipping c/.test(sql))
            seen.push({ sql, params: [...params] });
          return original(sql, params, m);
        }) as typeof read.all);
        let page: CountedPage<Clipping>;
        try {
          page = await list(query);
        } finally {
          spy.mockRestore();
        }
        expect(page.total).toBeGreaterThan(0);
        expect(seen.length).toBeGreaterThan(0);
        const out: string[] = [];
        for (const s of seen) {
          const plan = await read.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${s.sql}`, s.params);
          out.push(plan.map((r) => r.detail).join(' | '));
        }
        return out;
      };
      // A publication and a date range (the count and the date walk): the index has both columns.
      for (const sort of ['-issueDate,pageSort', 'relevance']) {
        const covered = await plans({
          q: '简讯正文',
          publicationId: pub.id,
          from: '2024-03-02',
          to: '2024-03-03',
          sort,
        });
        for (const plan of covered)
          expect(plan).toMatch(/SEARCH c USING COVERING INDEX ix_clipping_facets \(id=\?/);
      }
      // A page label is not in that index: the row is read, by its id.
      for (const plan of await plans({ q: '简讯正文', pageLabel: '第2版' }))
        expect(plan).toMatch(/SEARCH c USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    },
  );

  itSqliteOnly(
    'reads a date range by last edit, title or filing time day by day, on indexes led by the day',
    "the plan is SQLite's (PostgreSQL chooses with its statistics)",
    async () => {
      const read = t.app.get(ReadQueries);
      for (const [query, sort, index] of [
        [{ from: '2024-03-01', to: '2024-03-04' }, '-updatedAt', 'ix_clipping_issue_date (issue_date=?)'],
        [
          { publicationId: pub.id, from: '2024-03-01', to: '2024-03-04' },
          '-updatedAt',
          'ix_clipping_publication_issue (publication_id=? AND issue_date=?)',
        ],
        [{ from: '2024-03-01', to: '2024-03-04' }, 'title', 'ix_clipping_issue_title (issue_date=?)'],
        [
          { publicationId: pub.id, from: '2024-03-01', to: '2024-03-04' },
          '-title',
          'ix_clipping_issue_title',
        ],
        [{ from: '2024-03-01', to: '2024-03-04' }, 'createdAt', 'ix_clipping_issue_created (issue_date=?)'],
      ] as const) {
        // 1,200 matches counted in full, more than twice the 4 × 50 the days read: by day.
        const statements = await listStatements({ ...query, sort, pageSize: 50 });
        expect(statements).toHaveLength(1);
        const [statement = ''] = statements;
        expect(statement.split(' UNION ALL ')).toHaveLength(4);
        const params = statement.split('?').length - 1;
        const plan = (
          await read.all<{ detail: string }>(
            `EXPLAIN QUERY PLAN ${statement}`,
            Array.from({ length: params }, () => '2024-03-01'),
          )
        ).map((r) => r.detail);
        const days = plan.filter((d) => d.startsWith('SEARCH c '));
        expect(days).toHaveLength(4);
        for (const day of days) expect(day).toContain(`SEARCH c USING COVERING INDEX ${index}`);
        // Each day in the order of its index: only the page's few hundred rows are sorted, once.
        expect(plan.filter((d) => d.startsWith('USE TEMP B-TREE'))).toHaveLength(1);
        expect(plan.join(' | ')).not.toMatch(/SCAN c\b/);
      }
    },
  );

  itSqliteOnly(
    'walks the index of the order without reading the table for a publication or a date range',
    'the walk with its filter on the order index exists on SQLite only (PostgreSQL sorts with statistics)',
    async () => {
      const read = t.app.get(ReadQueries);
      for (const sort of ['-updatedAt', 'title', 'createdAt']) {
        const [walk] = await listStatements({ publicationId: pub.id, sort, pageSize: 50 });
        expect(walk).toContain('+c.publication_id');
        // the same walk with an issue-date range (as a page whose count stopped at its limit walks it)
        for (const statement of [
          walk ?? '',
          (walk ?? '').replace('+c.publication_id = ?', '+c.publication_id = ? AND +c.issue_date >= ?'),
        ]) {
          const params = statement.split('?').length - 1;
          const plan = await read.all<{ detail: string }>(
            `EXPLAIN QUERY PLAN ${statement}`,
            Array.from({ length: params }, () => 1),
          );
          expect(plan.map((r) => r.detail).join(' | ')).toMatch(
            /SCAN c USING COVERING INDEX ix_clipping_(updated_at|title|created_at)/,
          );
        }
      }
    },
  );
});
