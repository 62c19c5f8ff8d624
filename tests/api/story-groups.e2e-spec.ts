import type {
  Clipping,
  ImportResult,
  Page,
  TrashItem,
  StoryGroup,
  StoryGroupChange,
  StoryGroupDetail,
  StoryGroupPage,
} from '@jianbao/contracts';
import { filePage, readPage, SAMPLE_ANKANG_P2, SAMPLE_JINING_P2 } from '../fixtures/continuations';
import { createClipping, createPublication } from '../fixtures/seed';
import {
  BAND_POSTINGS,
  startTestApp,
  StoriesRepository,
  StoryGroupingQueue,
  StoryGroupsService,
  type TestApp,
} from '../fixtures/test-app';
import { DataSource } from 'typeorm';

const squash = (s: string): string => s.replace(/\s+/g, '');
const WHOLE_MARK = '产业工人是工人阶级的主体力量';
const TAIL_MARK = '2000名左右大国工匠';

describe('story groups', () => {
  let t: TestApp;

  const stories = async (query: object = {}): Promise<StoryGroupPage> =>
    (await t.http().get('/api/stories').query(query).expect(200)).body as StoryGroupPage;
  const groupOf = (page: StoryGroupPage, clippingId: number): StoryGroup | undefined =>
    page.items.find((g) => g.members.some((m) => m.partIds.includes(clippingId)));

  /** Files the two sample pages (济宁 and 安康, page 2): the Xinhua text is whole on one, its tail on the other. */
  async function fileSamples(): Promise<{
    whole: Clipping;
    tail: Clipping;
    jining: ImportResult;
    ankang: ImportResult;
  }> {
    const a = await createPublication(t, { name: `济宁日报${Math.random()}` });
    const b = await createPublication(t, { name: `安康日报${Math.random()}` });
    const jining = await filePage(t, a.id, '2', readPage(SAMPLE_JINING_P2));
    const ankang = await filePage(t, b.id, '2', readPage(SAMPLE_ANKANG_P2));
    const whole = jining.clippings.find((c) => squash(c.body).includes(WHOLE_MARK));
    const tail = ankang.clippings.find((c) => squash(c.body).includes(TAIL_MARK));
    if (!whole || !tail) throw new Error('the Xinhua text is missing from the sample pages');
    return { whole, tail, jining, ankang };
  }

  beforeEach(async () => {
    t = await startTestApp();
  });

  afterEach(async () => {
    await t.close();
  });

  it('proposes the Xinhua text (whole on the 济宁 page, its tail on the 安康 page) as one group, nothing else', async () => {
    const { whole, tail } = await fileSamples();
    const page = await stories();
    expect(page.counts).toEqual({ proposed: 1, confirmed: 0 });
    expect(page.total).toBe(1);
    const [group] = page.items;
    expect(group).toMatchObject({ status: 'proposed', mainClippingId: whole.id, mainChosen: false });
    expect(group!.members.map((m) => m.clippingId)).toEqual([whole.id, tail.id]);
    expect(group!.members[0]).toMatchObject({
      main: true,
      containment: 1,
      pageLabels: ['2'],
      issueDate: '2024-10-22',
    });
    expect(group!.members[1]!.publicationName).toMatch(/^安康日报/);
    expect(group!.members[1]!.containment).toBeGreaterThan(0.8);
    expect(group!.members[1]!.textLength).toBeLessThan(group!.members[0]!.textLength);

    const detail = (await t.http().get(`/api/stories/${group!.id}`).expect(200)).body as StoryGroupDetail;
    expect(detail.texts.map((x) => x.clippingId)).toEqual([whole.id, tail.id]);
    expect(squash(detail.texts[1]!.text)).toContain(TAIL_MARK);

    // Confirm: it leaves the queue of proposals.
    const confirmed = (await t.http().post(`/api/stories/${group!.id}/confirm`).expect(200))
      .body as StoryGroup;
    expect(confirmed.status).toBe('confirmed');
    expect((await stories({ status: 'proposed' })).items).toEqual([]);
    expect((await stories({ status: 'confirmed' })).items.map((g) => g.id)).toEqual([group!.id]);

    // Choose the tail as the main text; containments are measured against it.
    const chosen = (
      await t.http().put(`/api/stories/${group!.id}/main`).send({ clippingId: tail.id }).expect(200)
    ).body as StoryGroup;
    expect(chosen).toMatchObject({ mainClippingId: tail.id, mainChosen: true });
    expect(chosen.members[0]).toMatchObject({ clippingId: tail.id, main: true, containment: 1 });
    await t.http().put(`/api/stories/${group!.id}/main`).send({ clippingId: 999999 }).expect(400);
  });

  it('answers 4xx for bad input and unknown groups', async () => {
    await t.http().get('/api/stories').query({ status: 'maybe' }).expect(400);
    await t.http().get('/api/stories').query({ pageSize: 0 }).expect(400);
    await t.http().get('/api/stories/x').expect(400);
    await t.http().get('/api/stories/999999').expect(404);
    await t.http().post('/api/stories/999999/confirm').expect(404);
    await t.http().post('/api/stories/1/split').send({ clippingIds: [] }).expect(400);
    await t
      .http()
      .post('/api/stories/1/reject')
      .send({ clippingIds: ['a'] })
      .expect(400);
    await t.http().put('/api/stories/1/main').send({}).expect(400);
    const viewer = await t.as('viewer');
    await viewer.get('/api/stories').expect(200);
    await viewer.post('/api/stories/1/confirm').expect(403);
  });

  it('remembers a rejection: re-filing the page with replace does not propose the pair again', async () => {
    const { tail, ankang } = await fileSamples();
    const [group] = (await stories()).items;
    const change = (await t.http().post(`/api/stories/${group!.id}/reject`).send({}).expect(200))
      .body as StoryGroupChange;
    expect(change).toEqual({ group: null, split: null });
    expect((await stories()).counts).toEqual({ proposed: 0, confirmed: 0 });

    const res = await t
      .http()
      .post('/api/imports')
      .send({
        text: readPage(SAMPLE_ANKANG_P2),
        publicationId: ankang.import.publicationId,
        issueDate: '2024-10-22',
        pageLabel: '2',
        replace: true,
      })
      .expect(201);
    const refiled = (res.body as ImportResult).clippings.find((c) => squash(c.body).includes(TAIL_MARK))!;
    expect(refiled.id).not.toBe(tail.id);
    expect((await stories()).items).toEqual([]);

    // A new paper printing the whole text again is still proposed with the one it was not rejected against.
    const c = await createPublication(t, { name: '新华每日电讯' });
    const whole = (await t.http().get(`/api/clippings/${group!.members[0]!.clippingId}`).expect(200))
      .body as Clipping;
    const copy = await createClipping(t, c.id, {
      body: whole.body,
      title: whole.title,
      issueDate: '2024-10-23',
    });
    const after = await stories();
    expect(after.items).toHaveLength(1);
    expect(after.items[0]!.members.map((m) => m.clippingId).sort((x, y) => x - y)).toEqual(
      [whole.id, copy.id].sort((x, y) => x - y),
    );
  });

  it('rejects one member, splits members into their own group, and mends groups when a member is deleted', async () => {
    const { whole, tail } = await fileSamples();
    const p = await createPublication(t, { name: '第三家报纸' });
    const wholeCopy = await createClipping(t, p.id, {
      body: whole.body,
      issueDate: '2024-10-23',
      pageLabel: '3',
    });
    const tailCopy = await createClipping(t, p.id, {
      body: tail.body,
      issueDate: '2024-10-23',
      pageLabel: '4',
    });
    const extra = await createClipping(t, p.id, {
      body: `${tail.body}\n（本报综合）`,
      issueDate: '2024-10-24',
    });
    const [group] = (await stories()).items;
    expect(group!.members.map((m) => m.clippingId).sort((x, y) => x - y)).toEqual(
      [whole.id, tail.id, wholeCopy.id, tailCopy.id, extra.id].sort((x, y) => x - y),
    );

    // Reject one member: it leaves and stays out when edited without changing its text.
    const rejected = (
      await t
        .http()
        .post(`/api/stories/${group!.id}/reject`)
        .send({ clippingIds: [extra.id] })
        .expect(200)
    ).body as StoryGroupChange;
    expect(rejected.group!.members.map((m) => m.clippingId)).not.toContain(extra.id);
    await t.http().patch(`/api/clippings/${extra.id}`).send({ title: '改了标题' }).expect(200);
    expect(groupOf(await stories(), extra.id)).toBeUndefined();

    // Split the two tails off into their own group.
    const split = (
      await t
        .http()
        .post(`/api/stories/${group!.id}/split`)
        .send({ clippingIds: [tail.id, tailCopy.id] })
        .expect(200)
    ).body as StoryGroupChange;
    expect(split.group!.members.map((m) => m.clippingId).sort((x, y) => x - y)).toEqual(
      [whole.id, wholeCopy.id].sort((x, y) => x - y),
    );
    expect(split.split!.members.map((m) => m.clippingId).sort((x, y) => x - y)).toEqual(
      [tail.id, tailCopy.id].sort((x, y) => x - y),
    );
    expect((await stories()).counts.proposed).toBe(2);
    await t
      .http()
      .post(`/api/stories/${split.group!.id}/split`)
      .send({ clippingIds: [whole.id, wholeCopy.id] })
      .expect(400);
    await t
      .http()
      .post(`/api/stories/${split.group!.id}/split`)
      .send({ clippingIds: [tail.id] })
      .expect(400);

    // Deleting a member of a two-text group leaves no group of one.
    await t.http().delete(`/api/clippings/${wholeCopy.id}`).expect(204);
    expect(groupOf(await stories(), whole.id)).toBeUndefined();
    expect(groupOf(await stories(), tail.id)).toBeDefined();

    // Restored from the trash, it is proposed with the whole text again.
    const trash = (await t.http().get('/api/trash?pageSize=200').expect(200)).body as Page<TrashItem>;
    const item = trash.items.find((i) => i.entityId === wholeCopy.id)!;
    await t.http().post(`/api/trash/${item.id}/restore`).send({}).expect(200);
    const again = groupOf(await stories(), whole.id);
    expect(again?.members.map((m) => m.clippingId).sort((x, y) => x - y)).toEqual(
      [whole.id, wholeCopy.id].sort((x, y) => x - y),
    );
  });

  it('counts a continued article as one text: its parts together', async () => {
    const { whole } = await fileSamples();
    const p = await createPublication(t, { name: '分两版的报纸' });
    const text = whole.body;
    const cut = text.indexOf('。', Math.floor(text.length / 2)) + 1;
    const head = await createClipping(t, p.id, {
      body: text.slice(0, cut),
      pageLabel: '1',
      issueDate: '2024-10-23',
    });
    const tailPart = await createClipping(t, p.id, {
      body: text.slice(cut),
      pageLabel: '3',
      issueDate: '2024-10-23',
    });
    await t
      .http()
      .put(`/api/clippings/${head.id}/continuation`)
      .send({ nextPartId: tailPart.id })
      .expect(200);

    const group = groupOf(await stories(), whole.id)!;
    const member = group.members.find((m) => m.clippingId === head.id);
    expect(member).toMatchObject({ partIds: [head.id, tailPart.id], pageLabels: ['1', '3'] });
    expect(member!.containment).toBeGreaterThan(0.95);
    expect(group.members.some((m) => m.clippingId === tailPart.id)).toBe(false);

    // Unlinked again, each half is a text of its own, each contained in the whole.
    await t.http().put(`/api/clippings/${head.id}/continuation`).send({ nextPartId: null }).expect(200);
    const after = groupOf(await stories(), whole.id)!;
    expect(after.members.find((m) => m.clippingId === head.id)!.partIds).toEqual([head.id]);
    expect(after.members.find((m) => m.clippingId === tailPart.id)!.partIds).toEqual([tailPart.id]);
  });

  it('mends a growing group from its main text: a copy joins against the main, an earlier copy becomes main', async () => {
    const { whole, tail } = await fileSamples();
    const before = groupOf(await stories(), whole.id)!;
    const tailContainment = before.members.find((m) => m.clippingId === tail.id)!.containment;
    const p = await createPublication(t, { name: '转载的报纸' });

    // A later reprint joins; the main text and the others' containments stay as they were.
    const reprint = await createClipping(t, p.id, { body: whole.body, issueDate: '2024-10-25' });
    const grown = groupOf(await stories(), whole.id)!;
    expect(grown.id).toBe(before.id);
    expect(grown.mainClippingId).toBe(whole.id);
    expect(grown.members.map((m) => [m.clippingId, m.containment])).toEqual([
      [whole.id, 1],
      [tail.id, tailContainment],
      [reprint.id, 1],
    ]);

    // An earlier printing of the same text outranks the main: the whole group is measured against it.
    const earlier = await createClipping(t, p.id, {
      body: `${whole.body}（完）`,
      issueDate: '2024-10-21',
    });
    const regrouped = groupOf(await stories(), whole.id)!;
    expect(regrouped.mainClippingId).toBe(earlier.id);
    const byId = new Map(regrouped.members.map((m) => [m.clippingId, m]));
    expect(byId.get(earlier.id)).toMatchObject({ main: true, containment: 1 });
    expect(byId.get(whole.id)!.main).toBe(false);
    expect(byId.get(whole.id)!.containment).toBeGreaterThan(0.95);
    expect(byId.get(tail.id)!.containment).toBeGreaterThan(0.8);
  });

  it('groups after the write, many writes in one grouping transaction, and every reader sees its write grouped', async () => {
    const { whole } = await fileSamples();
    const queue = t.app.get(StoryGroupingQueue);
    const before = queue.transactions;
    const p = await createPublication(t, { name: '同时转载的报纸' });
    // Eight editors file the same wire text at once: their saves queue, and grouping follows them.
    const copies = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        createClipping(t, p.id, { title: `转载${i + 1}`, body: whole.body, issueDate: '2024-10-25' }),
      ),
    );
    // Each answer came back before its grouping ran; asked now, the groups show every copy.
    const group = groupOf(await stories(), whole.id)!;
    for (const c of copies) expect(group.members.map((m) => m.clippingId)).toContain(c.id);
    expect(group.members).toHaveLength(10);
    const same = (await t.http().get(`/api/clippings/${whole.id}/stories`).expect(200)).body as Array<{
      clipping: { id: number };
    }>;
    for (const c of copies) expect(same.map((s) => s.clipping.id)).toContain(c.id);
    const grouped = queue.transactions - before;
    expect(grouped).toBeGreaterThanOrEqual(1);
    expect(grouped).toBeLessThan(copies.length);
  });

  it('a notice filed more often than a band holds: the lookup reads the newest copies of each band, and every copy is in the one group', async () => {
    const p = await createPublication(t, { name: '每日刊登的报纸' });
    const notice =
      '本报讯 市气象台发布天气预报：今天夜里到明天多云转阴，局部地区有小雨，偏北风三到四级，' +
      '最低气温十二摄氏度，最高气温二十摄氏度。请广大市民注意添衣保暖，出行注意交通安全。';
    const copies: Clipping[] = [];
    for (let start = 0; start < BAND_POSTINGS + 20; start += 20) {
      copies.push(
        ...(await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            createClipping(t, p.id, {
              title: `天气预报${start + i + 1}`,
              body: notice,
              issueDate: `2024-${String(1 + Math.floor((start + i) / 28)).padStart(2, '0')}-${String(1 + ((start + i) % 28)).padStart(2, '0')}`,
            }),
          ),
        )),
      );
    }
    const ids = copies.map((c) => c.id).sort((a, b) => a - b);
    const group = groupOf(await stories({ pageSize: 100 }), ids[0]!)!;
    expect(group.members.map((m) => m.clippingId).sort((a, b) => a - b)).toEqual(ids);
    // Every band of every copy is shared by all the others; the lookup reads the newest of each.
    const last = ids[ids.length - 1]!;
    const found = await t.app.get(StoriesRepository).candidates(last);
    expect(found).toHaveLength(BAND_POSTINGS);
    expect(found.map((c) => c.id)).toEqual(ids.slice(-BAND_POSTINGS - 1, -1).reverse());
    const first = await t.app.get(StoriesRepository).candidates(ids[0]!);
    expect(first.map((c) => c.id)).toEqual(ids.slice(-BAND_POSTINGS).reverse());
    // A copy filed now joins the same group.
    const next = await createClipping(t, p.id, { body: notice, issueDate: '2024-12-30' });
    expect(groupOf(await stories({ pageSize: 100 }), next.id)?.id).toBe(group.id);
  }, 180_000); // 221 filings: about 30 s on PostgreSQL on a busy machine

  it("groups an archive filed before story groups in the background, never in a reader's or an editor's request", async () => {
    const { whole, tail } = await fileSamples();
    expect(groupOf(await stories(), whole.id)).toBeDefined();
    // As if filed before story groups existed: no group, nothing seen, nothing indexed.
    const db = t.app.get(DataSource);
    for (const table of [
      'story_group_member',
      'story_group',
      'story_check',
      'clipping_story_band',
      'clipping_story',
    ]) {
      await db.query(`DELETE FROM ${table}`);
    }
    expect((await stories()).total).toBe(0);
    // An edit of a clipping grouping never saw does not make the editor's save group it.
    await t
      .http()
      .patch(`/api/clippings/${tail.id}`)
      .send({ title: '改过的标题', version: tail.version })
      .expect(200);
    expect((await stories()).total).toBe(0);

    const grouped = await t.app.get(StoryGroupsService).catchUpInBackground(7, 0);
    const all = (await db.query('SELECT COUNT(*) AS n FROM clipping')) as { n: number | string }[];
    expect(grouped).toBe(Number(all[0]!.n));
    const page = await stories();
    expect(page.total).toBe(1);
    expect(page.items[0]!.members.map((m) => m.clippingId)).toEqual([whole.id, tail.id]);
    // Seen now: a second catch-up has nothing to do.
    expect(await t.app.get(StoryGroupsService).catchUpInBackground(7, 0)).toBe(0);
  });

  it('remembers a confirmation: re-filing either page with replace keeps the group confirmed, a new text makes it proposed again', async () => {
    const { whole, tail, ankang, jining } = await fileSamples();
    const [group] = (await stories()).items;
    await t.http().post(`/api/stories/${group!.id}/confirm`).expect(200);
    const refile = async (text: string, publicationId: number): Promise<ImportResult> =>
      (
        await t
          .http()
          .post('/api/imports')
          .send({ text, publicationId, issueDate: '2024-10-22', pageLabel: '2', replace: true })
          .expect(201)
      ).body as ImportResult;

    const ankang2 = await refile(readPage(SAMPLE_ANKANG_P2), ankang.import.publicationId);
    const newTail = ankang2.clippings.find((c) => squash(c.body).includes(TAIL_MARK))!;
    expect(newTail.id).not.toBe(tail.id);
    let page = await stories();
    expect(page.counts).toEqual({ proposed: 0, confirmed: 1 });
    expect(page.items[0]!.members.map((m) => m.clippingId)).toEqual([whole.id, newTail.id]);

    const jining2 = await refile(readPage(SAMPLE_JINING_P2), jining.import.publicationId);
    const newWhole = jining2.clippings.find((c) => squash(c.body).includes(WHOLE_MARK))!;
    page = await stories();
    expect(page.counts).toEqual({ proposed: 0, confirmed: 1 });
    expect(page.items[0]!.members.map((m) => m.clippingId)).toEqual([newWhole.id, newTail.id]);
    expect(page.items[0]!.mainClippingId).toBe(newWhole.id);

    // A text the editor never saw joins: the group goes back to the review queue.
    const p = await createPublication(t, { name: '新华每日电讯' });
    await createClipping(t, p.id, { body: `${newWhole.body}（新华社）`, issueDate: '2024-10-23' });
    expect((await stories()).counts).toEqual({ proposed: 1, confirmed: 0 });
  });
});
