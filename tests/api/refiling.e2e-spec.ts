// Re-filing a page that was filed before: the preview warns, the replace plan shows the work done on
// the earlier clippings since filing, replacing carries that work over (or keeps those clippings), and
// restoring a replaced clipping from the trash says which live clipping it duplicates.
import type {
  ApiError,
  Clipping,
  ClippingRevision,
  EditedClipping,
  ImportPreview,
  ImportResult,
  Page,
  ReplacePlan,
  RestoredClipping,
  Tag,
  TrashItem,
} from '@jianbao/contracts';
import {
  filePage,
  readPage,
  SAMPLE_ANKANG_P2,
  SAMPLE_DATE,
  SAMPLE_JINING_P2,
} from '../fixtures/continuations';
import { DataSource } from 'typeorm';
import { ON_POSTGRES } from '../fixtures/postgres';
import { createClipping, createPublication, createTag, createZhejiang } from '../fixtures/seed';
import { listInFull, startTestApp, TEST_ADMIN, type TestApp } from '../fixtures/test-app';

describe('re-filing a page', () => {
  let t: TestApp;
  let tag: Tag;

  const page = (publicationId: number, text: string, extra: object = {}): object => ({
    text,
    publicationId,
    issueDate: SAMPLE_DATE,
    pageLabel: '2',
    ...extra,
  });
  const get = async (id: number): Promise<Clipping> =>
    (await t.http().get(`/api/clippings/${id}`).expect(200)).body as Clipping;
  const history = async (id: number): Promise<ClippingRevision[]> =>
    (await t.http().get(`/api/clippings/${id}/history`).expect(200)).body as ClippingRevision[];
  const trashItemOf = async (clippingId: number): Promise<TrashItem> => {
    const items = ((await t.http().get('/api/trash?pageSize=200').expect(200)).body as Page<TrashItem>).items;
    const item = items.find((i) => i.entityId === clippingId);
    if (!item) throw new Error(`clipping ${clippingId} is not in the trash`);
    return item;
  };
  /** The first filed clipping whose title no other clipping of the page shares. */
  const titled = (filed: ImportResult): Clipping => {
    const found = filed.clippings.find(
      (c) => c.title && filed.clippings.filter((o) => o.title === c.title).length === 1,
    );
    if (!found) throw new Error('no clipping with a title of its own on the page');
    return found;
  };
  /** Edits the clipping as an editor would after filing: title, reviewed, a manual tag and region. */
  const work = async (c: Clipping, title: string): Promise<Clipping> =>
    (
      await t
        .http()
        .patch(`/api/clippings/${c.id}`)
        .send({
          version: c.version,
          title,
          status: 'reviewed',
          tagIds: [...c.tags.map((x) => x.id), tag.id],
          regionCodes: ['330106'],
        })
        .expect(200)
    ).body as Clipping;

  beforeAll(async () => {
    t = await startTestApp();
    tag = await createTag(t, { name: '秋粮收购' });
    await createZhejiang(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('warns at preview time that the page text was filed, when and as which import', async () => {
    const p = await createPublication(t, { homeRegionCode: null });
    const text = readPage(SAMPLE_ANKANG_P2);
    const before = (await t.http().post('/api/imports/preview').send(page(p.id, text)).expect(200))
      .body as ImportPreview;
    expect(before.duplicate).toBeNull();
    const filed = await filePage(t, p.id, '2', text);
    // Another date and line ends do not hide it: the same text is the same page.
    const after = (
      await t
        .http()
        .post('/api/imports/preview')
        .send(page(p.id, text.replace(/\n/g, '\r\n'), { issueDate: '2024-10-23' }))
        .expect(200)
    ).body as ImportPreview;
    expect(after.duplicate?.import).toEqual(filed.import);
    expect(after.duplicate?.worked).toEqual([]);
    // Another publication's copy of the page is not a duplicate.
    const other = await createPublication(t);
    const elsewhere = (await t.http().post('/api/imports/preview').send(page(other.id, text)).expect(200))
      .body as ImportPreview;
    expect(elsewhere.duplicate).toBeNull();
  });

  it('carries a title edit, the reviewed status, a manual tag and region over to the re-filed clipping', async () => {
    const p = await createPublication(t, { homeRegionCode: null });
    const text = readPage(SAMPLE_JINING_P2);
    const first = await filePage(t, p.id, '2', text);
    const old = titled(first);
    const index = first.clippings.indexOf(old);
    await work(old, '编辑改过的标题');

    // The preview names the worked clipping, what was done, by whom, and the new clipping it matches.
    const preview = (await t.http().post('/api/imports/preview').send(page(p.id, text)).expect(200))
      .body as ImportPreview;
    expect(preview.duplicate?.import.id).toBe(first.import.id);
    expect(preview.duplicate?.worked).toHaveLength(1);
    const worked = preview.duplicate?.worked[0];
    expect(worked?.clipping).toMatchObject({ id: old.id, title: '编辑改过的标题', pageLabel: '2' });
    expect(worked?.work).toMatchObject({
      fields: ['title'],
      status: 'reviewed',
      tagsAdded: [{ id: tag.id, name: '秋粮收购' }],
      tagsRemoved: [],
      regionsAdded: [{ code: '330106', name: '西湖区' }],
      links: [],
      editors: [TEST_ADMIN],
    });
    expect(worked).toMatchObject({ match: index, matchedBy: 'body' });

    // Filing without replace is still refused.
    await t.http().post('/api/imports').send(page(p.id, text)).expect(409);
    const res = await t
      .http()
      .post('/api/imports')
      .send(page(p.id, text, { replace: true }));
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    const result = res.body as ImportResult;
    const fresh = result.clippings[index];
    if (!fresh) throw new Error('no new clipping at the matched index');
    expect(result.replaced).toMatchObject({
      importId: first.import.id,
      mode: 'carry-over',
      trashed: first.clippings.length,
      carried: [{ fromId: old.id, toId: fresh.id }],
      kept: [],
      linksNotRemade: [],
    });
    // The editor's title wins over the newly parsed one; reviewed, the hand tag and region stay.
    const now = await get(fresh.id);
    expect(now.title).toBe('编辑改过的标题');
    expect(now.status).toBe('reviewed');
    expect(now.tags).toContainEqual(expect.objectContaining({ id: tag.id, source: 'manual' }));
    expect(now.regions).toContainEqual(expect.objectContaining({ code: '330106', source: 'manual' }));
    // The others are as parsed.
    expect(result.clippings.filter((c) => c.status === 'reviewed')).toHaveLength(1);

    // History: filed as parsed, then the carried work as its own revision, by the admin who replaced.
    const revisions = await history(fresh.id);
    expect(revisions.map((r) => r.action)).toEqual(['carried-over', 'created']);
    const carried = revisions[0];
    expect(carried?.actorName).toBe(TEST_ADMIN);
    expect(carried?.detail).toEqual({ fromClippingId: old.id, replacedImportId: first.import.id });
    expect(carried?.changes.map((c) => c.field)).toEqual(['title', 'status', 'tags', 'regions']);
    expect(now.version).toBe(carried?.version);

    // The earlier clipping is in the trash; the list and its restore say which live clipping it duplicates.
    const item = await trashItemOf(old.id);
    expect(item.reason).toBe('import-replaced');
    expect(item.duplicates).toEqual([
      expect.objectContaining({
        id: fresh.id,
        title: '编辑改过的标题',
        pageLabel: '2',
        issueDate: SAMPLE_DATE,
      }),
    ]);
    const restored = (await t.http().post(`/api/trash/${item.id}/restore`).expect(200))
      .body as RestoredClipping;
    expect(restored.id).toBe(old.id);
    expect(restored.duplicates.map((d) => d.id)).toEqual([fresh.id]);
    expect((await history(old.id))[0]).toMatchObject({
      action: 'untrashed',
      detail: expect.objectContaining({ duplicates: [fresh.id] }),
    });
  });

  it('matches the new clipping by body whatever the whitespace, and by title when the body changed', async () => {
    const p = await createPublication(t, { homeRegionCode: null });
    const text = readPage(SAMPLE_JINING_P2);
    const first = await filePage(t, p.id, '2', text);
    const [a, b] = first.clippings.filter((c) => c.title && c.body.length > 20);
    if (!a || !b) throw new Error('the sample page has fewer than two titled clippings');
    await work(a, '改标题甲');
    await t
      .http()
      .patch(`/api/clippings/${b.id}`)
      .send({ version: b.version, status: 'reviewed' })
      .expect(200);
    // The editor's corrections in the wizard: a's body re-spaced, b's body shortened (its title unchanged).
    const clippings: EditedClipping[] = first.clippings.map((c) => ({
      kind: c.kind,
      title: c.title,
      body:
        c.id === a.id ? ` ${c.body.split('').join(' ')}\u3000` : c.id === b.id ? c.body.slice(10) : c.body,
    }));
    const plan = (
      await t
        .http()
        .post('/api/imports/replace-plan')
        .send(page(p.id, text, { clippings }))
        .expect(200)
    ).body as ReplacePlan;
    const byId = new Map(plan.duplicate?.worked.map((w) => [w.clipping.id, w]));
    expect(byId.get(a.id)).toMatchObject({ match: first.clippings.indexOf(a), matchedBy: 'body' });
    expect(byId.get(b.id)).toMatchObject({ match: first.clippings.indexOf(b), matchedBy: 'title' });
    const result = (
      await t
        .http()
        .post('/api/imports')
        .send(page(p.id, text, { clippings, replace: true }))
        .expect(201)
    ).body as ImportResult;
    expect(result.replaced?.carried.map((c) => c.fromId).sort()).toEqual([a.id, b.id].sort());
  });

  it('keeps the worked clippings instead, with "keep", and does not file their duplicates', async () => {
    const p = await createPublication(t, { homeRegionCode: null });
    const text = readPage(SAMPLE_JINING_P2);
    const first = await filePage(t, p.id, '2', text);
    const old = titled(first);
    await work(old, '保留这条');
    const res = await t
      .http()
      .post('/api/imports')
      .send(page(p.id, text, { replace: true, replaceMode: 'keep' }))
      .expect(201);
    const result = res.body as ImportResult;
    expect(result.replaced).toMatchObject({
      mode: 'keep',
      trashed: first.clippings.length - 1,
      carried: [],
      kept: [{ clippingId: old.id, reason: 'keep' }],
    });
    // The old clipping is live, with its work, now part of the new import; its match was not filed.
    const kept = await get(old.id);
    expect(kept).toMatchObject({ title: '保留这条', status: 'reviewed', importId: result.import.id });
    expect(result.clippings).toHaveLength(first.clippings.length - 1);
    expect(result.import.clippingCount).toBe(first.clippings.length);
    const detail = (await t.http().get(`/api/imports/${result.import.id}`).expect(200)).body as {
      clippingIds: number[];
    };
    expect(detail.clippingIds).toContain(old.id);
    const list = await listInFull(t, { publicationId: p.id });
    expect(list.filter((c) => c.body === old.body)).toHaveLength(1);
    expect((await history(old.id))[0]).toMatchObject({
      action: 'kept',
      actorName: TEST_ADMIN,
      detail: { replacedImportId: first.import.id, importId: result.import.id },
    });
  });

  it('makes a hand-made continuation link again on the new clipping', async () => {
    const p = await createPublication(t, { homeRegionCode: null });
    const text = readPage(SAMPLE_JINING_P2);
    const first = await filePage(t, p.id, '2', text);
    const head = first.clippings.find((c) => c.nextPartId === null && c.continuesTo === null && c.title);
    if (!head) throw new Error('no free head on the sample page');
    const tail = await createClipping(t, p.id, { issueDate: SAMPLE_DATE, pageLabel: '5', title: null });
    await t.http().put(`/api/clippings/${head.id}/continuation`).send({ nextPartId: tail.id }).expect(200);
    const plan = (await t.http().post('/api/imports/replace-plan').send(page(p.id, text)).expect(200))
      .body as ReplacePlan;
    expect(plan.duplicate?.worked.find((w) => w.clipping.id === head.id)?.work.links).toEqual([
      { state: 'linked', side: 'next', otherId: tail.id },
    ]);
    const result = (
      await t
        .http()
        .post('/api/imports')
        .send(page(p.id, text, { replace: true }))
        .expect(201)
    ).body as ImportResult;
    const carried = result.replaced?.carried.find((c) => c.fromId === head.id);
    if (!carried) throw new Error('the linked head was not carried over');
    expect(result.replaced?.linksNotRemade).toEqual([]);
    expect((await get(carried.toId)).nextPartId).toBe(tail.id);
    expect((await get(tail.id)).previousPartId).toBe(carried.toId);
  });

  it('replaces all or nothing: a failure while carrying work over leaves the earlier filing as it was', async () => {
    const p = await createPublication(t, { homeRegionCode: null });
    const text = readPage(SAMPLE_JINING_P2);
    const first = await filePage(t, p.id, '2', text);
    const old = titled(first);
    await work(old, '不能丢的标题');
    // The last step of the replace (recording the carried work) fails inside the database.
    const db = t.app.get(DataSource);
    const failing = ON_POSTGRES
      ? [
          `CREATE FUNCTION jb_test_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'carry-over refused'; END $$ LANGUAGE plpgsql`,
          `CREATE TRIGGER jb_test_fail BEFORE INSERT ON clipping_revision FOR EACH ROW
             WHEN (NEW.action = 'carried-over') EXECUTE FUNCTION jb_test_fail()`,
        ]
      : [
          `CREATE TRIGGER jb_test_fail BEFORE INSERT ON clipping_revision
             WHEN NEW.action = 'carried-over' BEGIN SELECT RAISE(ABORT, 'carry-over refused'); END`,
        ];
    for (const sql of failing) await db.query(sql);
    try {
      const res = await t
        .http()
        .post('/api/imports')
        .send(page(p.id, text, { replace: true }));
      expect(res.status).toBe(500);
    } finally {
      await db.query(
        ON_POSTGRES ? 'DROP TRIGGER jb_test_fail ON clipping_revision' : 'DROP TRIGGER jb_test_fail',
      );
      if (ON_POSTGRES) await db.query('DROP FUNCTION jb_test_fail()');
    }
    // Nothing happened: the earlier import and its clippings are live, the work is where it was.
    const detail = (await t.http().get(`/api/imports/${first.import.id}`).expect(200)).body as {
      clippingIds: number[];
    };
    expect(detail.clippingIds).toEqual(first.clippings.map((c) => c.id));
    expect(await get(old.id)).toMatchObject({ title: '不能丢的标题', status: 'reviewed' });
    const trash = ((await t.http().get('/api/trash?pageSize=200').expect(200)).body as Page<TrashItem>).items;
    expect(trash.filter((i) => first.clippings.some((c) => c.id === i.entityId))).toEqual([]);
    // And the same replace goes through once the database lets it.
    await t
      .http()
      .post('/api/imports')
      .send(page(p.id, text, { replace: true }))
      .expect(201);
  });

  it('answers 400 for a bad replace mode and 403 when an editor tries to replace', async () => {
    const p = await createPublication(t, { homeRegionCode: null });
    const text = readPage(SAMPLE_ANKANG_P2);
    const bad = (
      await t
        .http()
        .post('/api/imports')
        .send(page(p.id, text, { replace: true, replaceMode: 'merge' }))
        .expect(400)
    ).body as ApiError;
    expect(bad.details).toEqual([
      {
        field: 'replaceMode',
        errors: ['replaceMode must be one of: carry-over, keep'],
        constraints: [{ constraint: 'isIn', values: ['carry-over', 'keep'] }],
      },
    ]);
    const alone = (
      await t
        .http()
        .post('/api/imports')
        .send(page(p.id, text, { replaceMode: 'keep' }))
        .expect(400)
    ).body as ApiError;
    expect(alone.details).toEqual([
      { field: 'replaceMode', errors: ['replaceMode applies only with replace: true'] },
    ]);
    const missing = (await t.http().post('/api/imports/replace-plan').send(page(999999, text)).expect(400))
      .body as ApiError;
    expect(missing.details).toEqual([
      { field: 'publicationId', errors: ['publication 999999 does not exist'] },
    ]);
    await filePage(t, p.id, '2', text);
    const editor = await t.as('editor');
    await editor
      .post('/api/imports')
      .send(page(p.id, text, { replace: true }))
      .expect(403);
    // A viewer may look at the plan (it changes nothing).
    const viewer = await t.as('viewer');
    const plan = (await viewer.post('/api/imports/replace-plan').send(page(p.id, text)).expect(200))
      .body as ReplacePlan;
    expect(plan.duplicate?.worked).toEqual([]);
  });
});
