// Full-text search through the API (issue 13): every clipping write keeps the index in step in its own
// transaction (each write path followed by a check against the naive scan of every live clipping);
// q with the list filters, sorts and relevance; highlighted rows; bulk edit's "all matching"; facets;
// suggestions; the start-up rebuild of an index short of the clippings. SQLite, and PostgreSQL with
// TEST_DATABASE_URL (`npm run test:pg -- tests/api/search.e2e-spec.ts`).
import type {
  ApplyRuleResult,
  BulkEditResult,
  Clipping,
  ClippingFacets,
  ClippingListItem,
  ClippingListPage,
  ClippingRevision,
  ImportResult,
  Page,
  SearchSuggestions,
  Tag,
  TrashItem,
} from '@jianbao/contracts';
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  naiveMatches,
  normalizeDocument,
  parseSearchQuery,
  SearchService,
  StartupData,
} from '@jianbao/backend';
import { DataSource } from 'typeorm';
import { filePage, readPage, SAMPLE_DATE, SAMPLE_JINING_P2 } from '../fixtures/continuations';
import { createClipping, createPublication, createTag } from '../fixtures/seed';
import { listIds, listInFull, startTestApp, type TestApp } from '../fixtures/test-app';

jest.setTimeout(120_000);

/** Terms that cover the sample page, the builder's clipping and the unique words the tests write. */
const PROBES = [
  '鱼台',
  '梁山',
  '济宁',
  '食堂',
  '社区食堂',
  '西湖 -食堂',
  '鱼台 OR 食堂',
  '"产业工人"',
  '甲乙丙丁',
  '戊己庚辛',
  '壬癸子丑',
  '寅卯辰巳',
  '午未申酉',
  '县',
];

describe('full-text search through the API', () => {
  let t: TestApp;
  let pubId: number;

  const all = (): Promise<Clipping[]> => listInFull(t, { sort: 'id' });
  const searchIds = async (q: string, extra: Record<string, string | number> = {}): Promise<number[]> => {
    const { ids, total } = await listIds(t, { q, sort: 'id', ...extra });
    expect(total).toBe(ids.length);
    return ids;
  };
  const naive = (q: string, clippings: Clipping[]): number[] =>
    clippings.filter((c) => naiveMatches(parseSearchQuery(q), normalizeDocument(c))).map((c) => c.id);

  /** Search answers exactly what the naive scan of every live clipping answers, for every probe. */
  const agrees = async (extraProbes: string[] = []): Promise<void> => {
    const clippings = await all();
    for (const q of [...PROBES, ...extraProbes]) {
      expect({ q, ids: await searchIds(q) }).toEqual({ q, ids: naive(q, clippings) });
    }
  };

  const trashItemOf = async (clippingId: number): Promise<TrashItem> => {
    const items = ((await t.http().get('/api/trash?pageSize=200').expect(200)).body as Page<TrashItem>).items;
    const item = items.find((i) => i.entityId === clippingId && i.entityType === 'clipping');
    if (!item) throw new Error(`clipping ${clippingId} is not in the trash`);
    return item;
  };

  beforeAll(async () => {
    t = await startTestApp();
    pubId = (await createPublication(t, { name: '济宁日报' })).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('every write keeps the index in step', () => {
    let filed: ImportResult;

    it('filing a page', async () => {
      filed = await filePage(t, pubId, '2', readPage(SAMPLE_JINING_P2));
      expect(filed.clippings.length).toBeGreaterThan(3);
      expect((await searchIds('鱼台')).length).toBeGreaterThan(0);
      await agrees();
    });

    it('creating and editing a clipping (text and issue date)', async () => {
      const c = await createClipping(t, pubId, { title: '甲乙丙丁的新闻' });
      expect(await searchIds('甲乙丙丁')).toEqual([c.id]);
      const edited = (
        await t
          .http()
          .patch(`/api/clippings/${c.id}`)
          .send({ version: c.version, title: '戊己庚辛的新闻', issueDate: '2019-01-02' })
          .expect(200)
      ).body as Clipping;
      expect(edited.issueDate).toBe('2019-01-02');
      expect(await searchIds('甲乙丙丁')).toEqual([]);
      expect(await searchIds('戊己庚辛')).toEqual([c.id]);
      // The SQLite key holds the issue date: the date order sees the new one.
      const oldest = (
        await t
          .http()
          .get('/api/clippings')
          .query({ q: '新闻 OR 鱼台 OR 梁山', sort: 'issueDate' })
          .expect(200)
      ).body as ClippingListPage;
      expect(oldest.items[0]?.id).toBe(c.id);
      await agrees();
    });

    it('moving a clipping to another publication (a search within one asks its index term)', async () => {
      const otherId = (await createPublication(t, { name: '梁山报' })).id;
      const c = await createClipping(t, pubId, { title: '乾坤震巽的新闻' });
      expect(await searchIds('乾坤震巽', { publicationId: pubId })).toEqual([c.id]);
      expect(await searchIds('乾坤震巽', { publicationId: otherId })).toEqual([]);
      await t
        .http()
        .patch(`/api/clippings/${c.id}`)
        .send({ version: c.version, publicationId: otherId })
        .expect(200);
      expect(await searchIds('乾坤震巽', { publicationId: pubId })).toEqual([]);
      expect(await searchIds('乾坤震巽', { publicationId: otherId })).toEqual([c.id]);
      expect(await searchIds('新闻', { publicationId: otherId })).toEqual([c.id]);
      await agrees(['乾坤震巽']);
    });

    it('bulk editing "all matching" changes exactly what the list shows', async () => {
      const shown = await searchIds('鱼台');
      const result = (
        await t
          .http()
          .post('/api/clippings/bulk')
          .send({ filter: { q: '鱼台' }, status: 'reviewed' })
          .expect(200)
      ).body as BulkEditResult;
      expect(result).toEqual({ matched: shown.length, updated: shown.length });
      const reviewed = (await all()).filter((c) => c.status === 'reviewed').map((c) => c.id);
      expect(reviewed).toEqual(shown);
      expect(await searchIds('鱼台', { status: 'reviewed' })).toEqual(shown);
      await agrees();
    });

    it('applying a tag rule', async () => {
      const tag = (
        await t
          .http()
          .post('/api/tags')
          .send({ name: '梁山新闻', rule: { mode: 'any', terms: ['梁山'] } })
          .expect(201)
      ).body as Tag;
      const applied = (await t.http().post(`/api/tags/${tag.id}/apply`).send({}).expect(200))
        .body as ApplyRuleResult;
      void applied;
      const tagged = (await all()).filter((c) => c.tags.some((x) => x.id === tag.id)).map((c) => c.id);
      expect(await searchIds('梁山', { tagId: tag.id })).toEqual(
        naive('梁山', await all()).filter((id) => tagged.includes(id)),
      );
      await agrees();
    });

    it('relinking a continuation', async () => {
      const a = await createClipping(t, pubId, { title: '壬癸子丑（上）', pageLabel: '1' });
      const b = await createClipping(t, pubId, { title: '壬癸子丑（下）', pageLabel: '5' });
      await t.http().put(`/api/clippings/${a.id}/continuation`).send({ nextPartId: b.id }).expect(200);
      expect(await searchIds('壬癸子丑')).toEqual([a.id, b.id]);
      await t.http().put(`/api/clippings/${a.id}/continuation`).send({ nextPartId: null }).expect(200);
      await agrees();
    });

    it('deleting to the trash, restoring, purging', async () => {
      const c = await createClipping(t, pubId, { title: '寅卯辰巳的报道' });
      await t.http().delete(`/api/clippings/${c.id}`).expect(204);
      expect(await searchIds('寅卯辰巳')).toEqual([]);
      await agrees();
      await t
        .http()
        .post(`/api/trash/${(await trashItemOf(c.id)).id}/restore`)
        .expect(200);
      expect(await searchIds('寅卯辰巳')).toEqual([c.id]);
      await agrees();
      await t.http().delete(`/api/clippings/${c.id}`).expect(204);
      await t
        .http()
        .delete(`/api/trash/${(await trashItemOf(c.id)).id}`)
        .expect(204);
      expect(await searchIds('寅卯辰巳')).toEqual([]);
      await agrees();
    });

    it('restoring a revision', async () => {
      const c = await createClipping(t, pubId, { title: '午未申酉之一' });
      const edited = (
        await t
          .http()
          .patch(`/api/clippings/${c.id}`)
          .send({ version: c.version, title: '别的标题' })
          .expect(200)
      ).body as Clipping;
      expect(await searchIds('午未申酉')).toEqual([]);
      const history = (await t.http().get(`/api/clippings/${c.id}/history`).expect(200))
        .body as ClippingRevision[];
      const first = history.find((r) => r.action === 'created');
      if (!first) throw new Error('no created revision');
      await t
        .http()
        .post(`/api/clippings/${c.id}/restore`)
        .send({ version: first.version, currentVersion: edited.version })
        .expect(200);
      expect(await searchIds('午未申酉')).toEqual([c.id]);
      await agrees();
    });

    it('re-filing a page with replace', async () => {
      const before = new Set(filed.clippings.map((c) => c.id));
      const res = await t
        .http()
        .post('/api/imports')
        .send({
          text: readPage(SAMPLE_JINING_P2),
          publicationId: pubId,
          issueDate: SAMPLE_DATE,
          pageLabel: '2',
          replace: true,
          replaceMode: 'carry-over',
        });
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      const refiled = res.body as ImportResult;
      const found = await searchIds('鱼台');
      expect(found.length).toBeGreaterThan(0);
      expect(found.some((id) => before.has(id))).toBe(false);
      expect(found.every((id) => refiled.clippings.some((c) => c.id === id))).toBe(true);
      await agrees();
    });

    it('a failed write leaves the index as it was', async () => {
      const c = await createClipping(t, pubId, { title: '甲乙丙丁再来' });
      // A stale version is refused after nothing was written: neither the row nor the index changes.
      await t
        .http()
        .patch(`/api/clippings/${c.id}`)
        .send({ version: c.version + 5, title: '戊己庚辛再来' })
        .expect(409);
      expect(await searchIds('甲乙丙丁再来')).toEqual([c.id]);
      expect(await searchIds('戊己庚辛再来')).toEqual([]);
      await agrees();
    });
  });

  describe('the list with q', () => {
    it('ranks headline hits first, then the newest issue', async () => {
      const body = await createClipping(t, pubId, {
        issueDate: '2026-01-01',
        title: '无关的标题',
        body: '正文里提到了辰星之城。',
      });
      const head = await createClipping(t, pubId, {
        issueDate: '2000-01-01',
        title: '辰星之城开幕',
        body: '正文。',
      });
      const page = (await t.http().get('/api/clippings').query({ q: '辰星之城' }).expect(200))
        .body as ClippingListPage;
      expect(page.items.map((c) => c.id)).toEqual([head.id, body.id]);
      expect(page.totalExact).toBe(true);
      const dated = (
        await t.http().get('/api/clippings').query({ q: '辰星之城', sort: '-issueDate' }).expect(200)
      ).body as ClippingListPage;
      expect(dated.items.map((c) => c.id)).toEqual([body.id, head.id]);
      expect(
        (
          (await t.http().get('/api/clippings').query({ q: '辰星之城', sort: 'relevance' }).expect(200))
            .body as ClippingListPage
        ).items.map((c) => c.id),
      ).toEqual([head.id, body.id]);
    });

    it('combines with every list filter and sort, as the naive scan would', async () => {
      const tag = await createTag(t, { name: '搜索标签' });
      const c = await createClipping(t, pubId, {
        title: '鱼台县新闻一则',
        kind: 'brief',
        status: 'reviewed',
        issueDate: '2024-05-06',
        pageLabel: '第七版',
        tagIds: [tag.id],
      });
      const clippings = await all();
      const cases: Array<[Record<string, string | number>, (x: Clipping) => boolean]> = [
        [{ publicationId: pubId }, (x) => x.publicationId === pubId],
        [
          { from: '2024-05-01', to: '2024-05-31' },
          (x) => x.issueDate >= '2024-05-01' && x.issueDate <= '2024-05-31',
        ],
        [{ pageLabel: '7' }, (x) => x.pageLabel === '第七版'],
        [{ kind: 'brief' }, (x) => x.kind === 'brief'],
        [{ status: 'reviewed' }, (x) => x.status === 'reviewed'],
        [{ tagId: tag.id }, (x) => x.tags.some((g) => g.id === tag.id)],
      ];
      for (const [filter, keep] of cases) {
        const expected = naive('鱼台', clippings.filter(keep));
        expect({ filter, ids: await searchIds('鱼台', filter) }).toEqual({ filter, ids: expected });
      }
      expect(await searchIds('鱼台', { tagId: tag.id, kind: 'brief' })).toEqual([c.id]);
      for (const sort of [
        'title',
        '-title',
        'kind',
        '-createdAt',
        'updatedAt',
        'pageSort',
        '-id',
        'publicationId',
      ]) {
        const res = (
          await t.http().get('/api/clippings').query({ q: '鱼台 OR 梁山', sort, pageSize: 200 }).expect(200)
        ).body as ClippingListPage;
        const plain = (await t.http().get('/api/clippings').query({ sort, pageSize: 200 }).expect(200))
          .body as ClippingListPage;
        const hits = new Set(naive('鱼台 OR 梁山', clippings));
        expect({ sort, ids: res.items.map((x) => x.id) }).toEqual({
          sort,
          ids: plain.items.map((x) => x.id).filter((id) => hits.has(id)),
        });
      }
    });

    it('highlights the hits, escaping everything but <mark>', async () => {
      const c = await createClipping(t, pubId, {
        title: '<b>鱼台</b> & "引号"',
        body: '前文<script>alert(1)</script>，鱼\n台县的学校。',
      });
      const page = (await t.http().get('/api/clippings').query({ q: '鱼台 县', pageSize: 200 }).expect(200))
        .body as ClippingListPage;
      const row = page.items.find((x) => x.id === c.id) as ClippingListItem;
      expect(row.highlight?.title).toBe('&lt;b&gt;<mark>鱼台</mark>&lt;/b&gt; &amp; &quot;引号&quot;');
      expect(row.highlight?.snippet).toContain('&lt;script&gt;');
      expect(row.highlight?.snippet).toContain('<mark>鱼台县</mark>');
      expect(row.highlight?.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      const none = (await t.http().get('/api/clippings').expect(200)).body as ClippingListPage;
      expect(none.items.every((x: ClippingListItem) => x.highlight === undefined)).toBe(true);
    });

    it('counts up to 1,000 and says so', async () => {
      const page = (await t.http().get('/api/clippings').query({ q: '的' }).expect(200))
        .body as ClippingListPage;
      const expected = naive('的', await all()).length;
      expect(page.total).toBe(expected);
      expect(page.totalExact).toBe(true);
      expect(expected).toBeLessThan(1000);
    });
  });

  describe('facets and suggestions', () => {
    it('counts facets over the current result set', async () => {
      const clippings = await all();
      const hits = clippings.filter((c) => naive('鱼台', [c]).length === 1);
      const f = (await t.http().get('/api/search/facets').query({ q: '鱼台' }).expect(200))
        .body as ClippingFacets;
      expect(f.counted).toBe(hits.length);
      expect(f.approximate).toBe(false);
      expect(f.publication).toEqual([{ value: pubId, count: hits.length, name: '济宁日报' }]);
      const byKind = new Map<string, number>();
      for (const c of hits) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
      expect(new Map(f.kind.map((k) => [k.value, k.count]))).toEqual(byKind);
      const byStatus = new Map<string, number>();
      for (const c of hits) byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + 1);
      expect(new Map(f.status.map((k) => [k.value, k.count]))).toEqual(byStatus);
      const byYear = new Map<string, number>();
      for (const c of hits)
        byYear.set(c.issueDate.slice(0, 4), (byYear.get(c.issueDate.slice(0, 4)) ?? 0) + 1);
      expect(new Map(f.year.map((k) => [k.value, k.count]))).toEqual(byYear);
      const byTag = new Map<number, number>();
      for (const c of hits) for (const g of c.tags) byTag.set(g.id, (byTag.get(g.id) ?? 0) + 1);
      expect(new Map(f.tag.map((k) => [k.value, k.count]))).toEqual(byTag);
      // Narrowed by a facet's value, the list and the counts agree.
      const kind = f.kind[0]!;
      const narrowed = (
        await t.http().get('/api/search/facets').query({ q: '鱼台', kind: kind.value }).expect(200)
      ).body as ClippingFacets;
      expect(narrowed.counted).toBe(kind.count);
      expect((await searchIds('鱼台', { kind: kind.value })).length).toBe(kind.count);
      // Without q: the whole list.
      const everything = (await t.http().get('/api/search/facets').expect(200)).body as ClippingFacets;
      expect(everything.counted).toBe(clippings.length);
    });

    it('suggests titles, tags, regions and publications', async () => {
      await createTag(t, { name: '鱼台专题' });
      const s = (await t.http().get('/api/search/suggest').query({ q: '鱼台' }).expect(200))
        .body as SearchSuggestions;
      expect(s.titles.length).toBeGreaterThan(0);
      expect(s.titles.length).toBeLessThanOrEqual(5);
      for (const x of s.titles) expect(x.title.length).toBeGreaterThan(0);
      expect(s.tags.map((x) => x.name)).toContain('鱼台专题');
      expect(s.publications).toEqual([]);
      const p = (await t.http().get('/api/search/suggest').query({ q: '济宁' }).expect(200))
        .body as SearchSuggestions;
      expect(p.publications).toEqual([{ id: pubId, name: '济宁日报' }]);
      const empty = (await t.http().get('/api/search/suggest').query({ q: ' ' }).expect(200))
        .body as SearchSuggestions;
      expect(empty).toEqual({ titles: [], tags: [], regions: [], publications: [] });
      const pct = (await t.http().get('/api/search/suggest').query({ q: '%' }).expect(200))
        .body as SearchSuggestions;
      expect(pct.tags).toEqual([]);
    });
  });

  describe('start-up', () => {
    it('rebuilds an index short of the clippings (a database from before it), and leaves a whole one alone', async () => {
      const startup = t.app.get(StartupData);
      expect(await startup.rebuildSearchIndexIfShort()).toBe(0);
      const search = t.app.get(SearchService);
      const ds = t.app.get(DataSource);
      const ids = (await all()).map((c) => c.id);
      await ds.transaction((m) => search.removeFromIndex(m, ids));
      expect(await searchIds('鱼台')).toEqual([]);
      expect(await startup.rebuildSearchIndexIfShort()).toBe(ids.length);
      await agrees();
    });
  });
});
