import type {
  Clipping,
  ContinuationView,
  Dashboard,
  Publication,
  Region,
  StoryGroupPage,
  Tag,
  WorkQueues,
} from '@jianbao/contracts';
import {
  filePage,
  getView,
  readPage,
  SAMPLE_ANKANG_P2,
  SAMPLE_JINING_P2,
  waiting,
} from '../fixtures/continuations';
import { createClipping, createPublication, createTag, createZhejiang } from '../fixtures/seed';
import { startTestApp, type TestApp } from '../fixtures/test-app';

describe('GET /api/dashboard', () => {
  describe('on an empty archive', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(async () => {
      await t.close();
    });

    it('answers zeros and empty charts', async () => {
      const res = await t.http().get('/api/dashboard').expect(200);
      const d = res.body as Dashboard;
      expect(d).toMatchObject({ total: 0, lastIssueDate: null, perDay: [], perWeek: [], perPublication: [] });
      expect(d.perRegion).toEqual([]);
      expect(d.perTopic).toEqual([]);
      expect(d.queues).toEqual({
        drafts: 0,
        withoutRegion: 0,
        withoutTopic: 0,
        waitingParts: 0,
        proposedLinks: 0,
        firstProposedClippingId: null,
        sameStory: 0,
        unassignedImports: 0,
      });
    });
  });

  describe('with clippings', () => {
    let t: TestApp;
    let zj: { zhejiang: Region; hangzhou: Region; xihu: Region; ningbo: Region };
    let a: Publication;
    let b: Publication;
    let people: Tag;
    let canteen: Tag;
    let economy: Tag;
    const made: Clipping[] = [];

    beforeAll(async () => {
      t = await startTestApp();
      zj = await createZhejiang(t);
      a = await createPublication(t, { name: '钱江晚报仪表' });
      b = await createPublication(t, { name: '宁波日报仪表' });
      people = await createTag(t, { name: '民生仪表' });
      canteen = await createTag(t, { name: '食堂仪表', parentId: people.id });
      economy = await createTag(t, { name: '经济仪表' });
      const add = async (...args: Parameters<typeof createClipping>): Promise<void> => {
        made.push(await createClipping(...args));
      };
      // A Tuesday, the Sunday of the same week, the next Monday; and one long before the window.
      await add(t, a.id, { issueDate: '2024-10-22', regionCodes: ['330106'], tagIds: [canteen.id] });
      await add(t, a.id, {
        issueDate: '2024-10-22',
        regionCodes: ['330106', '330100'],
        tagIds: [people.id, canteen.id],
      });
      await add(t, a.id, { issueDate: '2024-10-27', regionCodes: ['330200'], status: 'reviewed' });
      await add(t, b.id, { issueDate: '2024-10-28', tagIds: [economy.id], status: 'reviewed' });
      await add(t, b.id, { issueDate: '2023-01-05' });
    });

    afterAll(async () => {
      await t.close();
    });

    const dashboard = async (query = ''): Promise<Dashboard> =>
      (await t.http().get(`/api/dashboard${query}`).expect(200)).body as Dashboard;

    it('counts per issue day inside the window ending on the latest issue date, and per week from Monday', async () => {
      const d = await dashboard();
      expect(d.total).toBe(made.length);
      expect(d.lastIssueDate).toBe('2024-10-28');
      expect(d.days).toBe(90);
      expect(d.perDay).toEqual([
        { key: '2024-10-22', label: '2024-10-22', count: 2 },
        { key: '2024-10-27', label: '2024-10-27', count: 1 },
        { key: '2024-10-28', label: '2024-10-28', count: 1 },
      ]);
      expect(d.perWeek).toEqual([
        { key: '2024-10-21', label: '2024-10-21', count: 3 },
        { key: '2024-10-28', label: '2024-10-28', count: 1 },
      ]);
      // A 7-day window from 2024-10-22 on: the 22nd is its first day.
      expect((await dashboard('?days=7')).perDay.map((x) => x.key)).toEqual([
        '2024-10-22',
        '2024-10-27',
        '2024-10-28',
      ]);
    });

    it('counts per publication, per region subtree (drillable), per topic subtree', async () => {
      const d = await dashboard();
      expect(d.perPublication).toEqual([
        { key: String(a.id), label: a.name, count: 3 },
        { key: String(b.id), label: b.name, count: 2 },
      ]);
      expect(d.regionPath).toEqual([]);
      expect(d.perRegion).toEqual([
        { key: String(zj.zhejiang.id), label: '浙江省', count: 3, drillable: true },
      ]);
      const inside = await dashboard(`?regionId=${zj.zhejiang.id}`);
      expect(inside.regionPath).toEqual([{ id: zj.zhejiang.id, name: '浙江省' }]);
      expect(inside.perRegion).toEqual([
        { key: String(zj.hangzhou.id), label: '杭州市', count: 2, drillable: true },
        { key: String(zj.ningbo.id), label: '宁波市', count: 1, drillable: true },
      ]);
      const county = await dashboard(`?regionId=${zj.hangzhou.id}`);
      expect(county.regionPath.map((r) => r.name)).toEqual(['浙江省', '杭州市']);
      expect(county.perRegion).toEqual([
        { key: String(zj.xihu.id), label: '西湖区', count: 2, drillable: false },
      ]);
      // Two clippings under 民生 (one tagged with both 民生 and its child: counted once).
      expect(d.perTopic).toEqual([
        { key: String(people.id), label: people.name, count: 2 },
        { key: String(economy.id), label: economy.name, count: 1 },
      ]);
    });

    it('counts the queues as the list filters them, and the list opens each', async () => {
      const { queues } = await dashboard();
      const total = async (query: string): Promise<number> =>
        ((await t.http().get(`/api/clippings?${query}`).expect(200)).body as { total: number }).total;
      expect(queues.drafts).toBe(made.filter((c) => c.status === 'draft').length);
      expect(queues.drafts).toBe(await total('status=draft'));
      expect(queues.withoutRegion).toBe(made.filter((c) => c.regions.length === 0).length);
      expect(queues.withoutRegion).toBe(await total('missing=region'));
      expect(queues.withoutTopic).toBe(made.filter((c) => c.tags.length === 0).length);
      expect(queues.withoutTopic).toBe(await total('missing=tag'));
      expect(await total(`missing=tag&publicationId=${b.id}`)).toBe(1);
      const alone = (await t.http().get('/api/dashboard/queues').expect(200)).body as WorkQueues;
      expect(alone).toEqual(queues);
    });

    it('refuses a bad query with 400 or 404 in the error shape', async () => {
      for (const q of ['days=3', 'days=400', 'days=x', 'regionId=0', 'regionId=abc', 'other=1']) {
        const res = await t.http().get(`/api/dashboard?${q}`).expect(400);
        expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      }
      const res = await t.http().get('/api/dashboard?regionId=999999').expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, message: 'Region 999999 not found' });
      const bad = await t.http().get('/api/clippings?missing=topic').expect(400);
      expect(JSON.stringify(bad.body)).toContain('missing');
    });

    it('is open to viewers', async () => {
      const viewer = await t.as('viewer');
      await viewer.get('/api/dashboard').expect(200);
      await viewer.get('/api/dashboard/queues').expect(200);
    });
  });

  describe('with the sample pages filed', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
      const jining = await createPublication(t, { name: '济宁日报', homeRegionCode: '370800' });
      const ankang = await createPublication(t, { name: '安康日报', homeRegionCode: '610900' });
      await filePage(t, jining.id, '2', readPage(SAMPLE_JINING_P2));
      await filePage(t, ankang.id, '2', readPage(SAMPLE_ANKANG_P2));
    });
    afterAll(async () => {
      await t.close();
    });

    it('counts the waiting parts as the waiting list lists them, and the story groups to review', async () => {
      const { queues } = (await t.http().get('/api/dashboard').expect(200)).body as Dashboard;
      expect(queues.waitingParts).toBe((await waiting(t, {})).length);
      expect(queues.waitingParts).toBeGreaterThan(0);
      // The two papers' copies of one story form one proposed group: the queue counts groups, as /stories does.
      const stories = (await t.http().get('/api/stories?status=proposed').expect(200)).body as StoryGroupPage;
      expect(stories.counts.proposed).toBe(1);
      expect(queues.sameStory).toBe(1);
      if (queues.proposedLinks > 0) {
        const view: ContinuationView = await getView(t, queues.firstProposedClippingId ?? 0);
        expect(view.suggestions.some((s) => s.status === 'proposed')).toBe(true);
      } else {
        expect(queues.firstProposedClippingId).toBeNull();
      }
    });

    it('no longer counts a story group once it is confirmed', async () => {
      const stories = (await t.http().get('/api/stories?status=proposed').expect(200)).body as StoryGroupPage;
      await t.http().post(`/api/stories/${stories.items[0]?.id}/confirm`).send({}).expect(200);
      const queues = (await t.http().get('/api/dashboard/queues').expect(200)).body as WorkQueues;
      expect(queues.sameStory).toBe(0);
    });
  });

  describe('kept by the clipping store: the counts follow every write', () => {
    let t: TestApp;
    let zj: { zhejiang: Region; hangzhou: Region; xihu: Region; ningbo: Region };

    beforeAll(async () => {
      t = await startTestApp();
      zj = await createZhejiang(t);
    });
    afterAll(async () => {
      await t.close();
    });

    const total = async (query: string): Promise<number> => {
      const page = (await t.http().get(`/api/clippings?${query}`).expect(200)).body as {
        total: number;
        totalExact: boolean;
      };
      expect(page.totalExact).toBe(true);
      return page.total;
    };

    /** Every count of the dashboard equals the list's own count of the same filter (live tables). */
    async function expectCountsAsTheList(): Promise<Dashboard> {
      const d = (await t.http().get('/api/dashboard?days=366').expect(200)).body as Dashboard;
      expect(d.total).toBe(await total(''));
      for (const day of d.perDay)
        expect([day.key, day.count]).toEqual([day.key, await total(`from=${day.key}&to=${day.key}`)]);
      expect(d.perDay.reduce((n, x) => n + x.count, 0)).toBe(
        d.lastIssueDate === null
          ? 0
          : await total(`from=${d.perDay[0]?.key ?? d.lastIssueDate}&to=${d.lastIssueDate}`),
      );
      for (const p of d.perPublication)
        expect([p.label, p.count]).toEqual([p.label, await total(`publicationId=${p.key}`)]);
      expect(d.perPublication.reduce((n, x) => n + x.count, 0)).toBe(d.total);
      for (const topic of d.perTopic)
        expect([topic.label, topic.count]).toEqual([topic.label, await total(`tagId=${topic.key}`)]);
      for (const regionId of [null, zj.zhejiang.id, zj.hangzhou.id]) {
        const inside = (
          await t
            .http()
            .get(`/api/dashboard${regionId === null ? '' : `?regionId=${regionId}`}`)
            .expect(200)
        ).body as Dashboard;
        for (const r of inside.perRegion)
          expect([r.label, r.count]).toEqual([r.label, await total(`regionId=${r.key}`)]);
      }
      expect(d.queues.drafts).toBe(await total('status=draft'));
      expect(d.queues.withoutRegion).toBe(await total('missing=region'));
      expect(d.queues.withoutTopic).toBe(await total('missing=tag'));
      expect(d.queues.waitingParts).toBe((await waiting(t, {})).length);
      return d;
    }

    it('after filing, edits, bulk edits, tag and region tree moves, trash and restore', async () => {
      const a = await createPublication(t, { name: '杭州日报计数' });
      const b = await createPublication(t, { name: '宁波晚报计数' });
      const people = await createTag(t, { name: '民生计数' });
      const canteen = await createTag(t, { name: '食堂计数', parentId: people.id });
      const economy = await createTag(t, { name: '经济计数' });
      const c1 = await createClipping(t, a.id, {
        issueDate: '2024-10-22',
        regionCodes: ['330106'],
        tagIds: [canteen.id],
      });
      const c2 = await createClipping(t, a.id, {
        issueDate: '2024-10-22',
        regionCodes: ['330106', '330100'],
        tagIds: [people.id, canteen.id],
      });
      const c3 = await createClipping(t, b.id, {
        issueDate: '2024-10-27',
        regionCodes: ['330200'],
        status: 'reviewed',
      });
      await createClipping(t, b.id, { issueDate: '2024-10-28', tagIds: [economy.id] });
      await createClipping(t, b.id, {
        issueDate: '2024-10-28',
        tagIds: [canteen.id],
        regionCodes: ['330106'],
      });
      let d = await expectCountsAsTheList();
      expect(d.total).toBe(5);
      expect(d.perTopic.map((x) => [x.label, x.count])).toEqual([
        ['民生计数', 3],
        ['经济计数', 1],
      ]);

      // Sample pages: parts waiting for their other half, detected regions.
      await filePage(t, a.id, '2', readPage(SAMPLE_JINING_P2), undefined, '2024-10-22');
      await filePage(t, b.id, '2', readPage(SAMPLE_ANKANG_P2), undefined, '2024-10-23');
      d = await expectCountsAsTheList();
      expect(d.queues.waitingParts).toBeGreaterThan(0);

      // An edit moving a clipping to another day, paper, status, tags and regions.
      await t
        .http()
        .patch(`/api/clippings/${c1.id}`)
        .send({
          version: c1.version,
          issueDate: '2024-10-25',
          publicationId: b.id,
          status: 'draft',
          tagIds: [economy.id],
          regionCodes: ['330200'],
        })
        .expect(200);
      await expectCountsAsTheList();

      // A bulk edit.
      await t
        .http()
        .post('/api/clippings/bulk')
        .send({
          ids: [c2.id, c3.id],
          addTagIds: [economy.id],
          removeRegionCodes: ['330106', '330100', '330200'],
          status: 'reviewed',
        })
        .expect(200);
      await expectCountsAsTheList();

      // 食堂 moves under 经济: its clippings count under another topic without being touched.
      await t.http().patch(`/api/tags/${canteen.id}`).send({ parentId: economy.id }).expect(200);
      d = await expectCountsAsTheList();
      // The top-level 民生 goes; its children move up and become topics.
      await t.http().delete(`/api/tags/${economy.id}`).expect(204);
      d = await expectCountsAsTheList();
      expect(d.perTopic.map((x) => x.label)).toContain('食堂计数');

      // 西湖区 moves from 杭州市 to 宁波市: its clippings count under 宁波市.
      await t.http().patch(`/api/regions/${zj.xihu.id}`).send({ parentId: zj.ningbo.id }).expect(200);
      await expectCountsAsTheList();

      // To the trash and back.
      await t.http().delete(`/api/clippings/${c3.id}`).expect(204);
      d = await expectCountsAsTheList();
      expect(d.total).toBe(await total(''));
      const trash = (await t.http().get('/api/trash').expect(200)).body as {
        items: { id: number; entityId: number }[];
      };
      const item = trash.items.find((i) => i.entityId === c3.id);
      if (!item) throw new Error('not in the trash');
      await t.http().post(`/api/trash/${item.id}/restore`).expect(200);
      await expectCountsAsTheList();
    }, 120_000);
  });
});
