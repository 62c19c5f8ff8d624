import type {
  ApiError,
  AuditEvent,
  Clipping,
  ClippingRevision,
  ContinuationView,
  ImportResult,
  Page,
  Publication,
  RegionNode,
  Tag,
  BulkRestoreResult,
  TrashItem,
  TrashRestoreOutcome,
} from '@jianbao/contracts';
import { filePage, readPage, SAMPLE_JINING_P2 } from '../fixtures/continuations';
import { createClipping, createPublication, createTag, createZhejiang } from '../fixtures/seed';
import { startTestApp, TEST_ADMIN, type TestApp } from '../fixtures/test-app';

describe('trash', () => {
  let t: TestApp;
  let pub: Publication;
  let tag: Tag;
  let zhejiangId: number;

  const trash = async (): Promise<Page<TrashItem>> =>
    (await t.http().get('/api/trash?pageSize=200').expect(200)).body as Page<TrashItem>;
  const itemOf = async (clippingId: number): Promise<TrashItem> => {
    const item = (await trash()).items.find((i) => i.entityType === 'clipping' && i.entityId === clippingId);
    if (!item) throw new Error(`clipping ${clippingId} is not in the trash`);
    return item;
  };
  const listTotal = async (query: string): Promise<number> =>
    ((await t.http().get(`/api/clippings?${query}`).expect(200)).body as Page<Clipping>).total;
  const regionCount = async (): Promise<number> => {
    const nodes = (await t.http().get('/api/regions/tree').expect(200)).body as RegionNode[];
    return nodes.find((n) => n.id === zhejiangId)?.clippingCount ?? 0;
  };
  const audit = async (action: string): Promise<AuditEvent[]> =>
    ((await t.http().get(`/api/audit?action=${action}&pageSize=200`).expect(200)).body as Page<AuditEvent>)
      .items;
  const history = async (id: number): Promise<ClippingRevision[]> =>
    (await t.http().get(`/api/clippings/${id}/history`).expect(200)).body as ClippingRevision[];

  beforeAll(async () => {
    t = await startTestApp();
    pub = await createPublication(t);
    tag = await createTag(t, { name: '城市更新' });
    zhejiangId = (await createZhejiang(t)).zhejiang.id;
  });

  afterAll(async () => {
    await t.close();
  });

  it('moves a deleted clipping to the trash and restores it with the same id, tags and regions', async () => {
    const c = await createClipping(t, pub.id, {
      title: '老旧小区加装电梯提速',
      tagIds: [tag.id],
      regionCodes: ['330106'],
    });
    const before = {
      list: await listTotal(`publicationId=${pub.id}`),
      tag: await listTotal(`tagId=${tag.id}`),
      region: await regionCount(),
    };
    await t.http().delete(`/api/clippings/${c.id}`).expect(204);

    await t.http().get(`/api/clippings/${c.id}`).expect(404);
    expect(await listTotal(`publicationId=${pub.id}`)).toBe(before.list - 1);
    expect(await listTotal(`tagId=${tag.id}`)).toBe(before.tag - 1);
    expect(await regionCount()).toBe(before.region - 1);
    const item = await itemOf(c.id);
    expect(item).toMatchObject({
      entityType: 'clipping',
      label: '老旧小区加装电梯提速',
      reason: 'deleted',
      deletedByName: TEST_ADMIN,
    });
    // History stays readable for admins, not for viewers.
    expect((await history(c.id))[0]).toMatchObject({ action: 'trashed', actorName: TEST_ADMIN });
    const viewer = await t.as('viewer');
    await viewer.get(`/api/clippings/${c.id}/history`).expect(404);

    const restored = (await t.http().post(`/api/trash/${item.id}/restore`).expect(200)).body as Clipping;
    expect(restored.id).toBe(c.id);
    expect(restored.title).toBe(c.title);
    expect(restored.tags.map((x) => x.id)).toEqual([tag.id]);
    expect(restored.regions.map((r) => r.code)).toEqual(['330106']);
    expect(await listTotal(`publicationId=${pub.id}`)).toBe(before.list);
    expect(await listTotal(`tagId=${tag.id}`)).toBe(before.tag);
    expect(await regionCount()).toBe(before.region);
    expect((await trash()).items.some((i) => i.entityId === c.id)).toBe(false);
    const revisions = await history(c.id);
    expect(revisions.map((r) => r.action).slice(0, 2)).toEqual(['untrashed', 'trashed']);
    expect(restored.version).toBe(revisions[0]?.version);

    expect((await audit('clipping-trashed')).some((e) => e.targetId === String(c.id))).toBe(true);
    const untrashed = (await audit('clipping-untrashed')).find((e) => e.targetId === String(c.id));
    expect(untrashed).toMatchObject({ actorName: TEST_ADMIN, targetType: 'clipping' });
  });

  it('mends a continued article when a middle part is trashed and re-links it on restore', async () => {
    const head = await createClipping(t, pub.id, { title: '钱塘江畔的新城', pageLabel: '1' });
    const middle = await createClipping(t, pub.id, {
      title: null,
      pageLabel: '2',
      body: '（上接第一版）新城规划……',
    });
    const tail = await createClipping(t, pub.id, {
      title: null,
      pageLabel: '3',
      body: '（上接第二版）首批居民……',
    });
    await t
      .http()
      .put(`/api/clippings/${middle.id}/continuation`)
      .send({ previousPartId: head.id, nextPartId: tail.id })
      .expect(200);
    const chain = async (id: number): Promise<number[]> =>
      (
        (await t.http().get(`/api/clippings/${id}/continuation`).expect(200)).body as ContinuationView
      ).chain.map((p) => p.clippingId);
    expect(await chain(head.id)).toEqual([head.id, middle.id, tail.id]);

    await t.http().delete(`/api/clippings/${middle.id}`).expect(204);
    const headNow = (await t.http().get(`/api/clippings/${head.id}`).expect(200)).body as Clipping;
    const tailNow = (await t.http().get(`/api/clippings/${tail.id}`).expect(200)).body as Clipping;
    expect(headNow.nextPartId).toBeNull();
    expect(tailNow.previousPartId).toBeNull();
    expect(headNow.articleId).toBeNull();
    expect((await history(head.id))[0]).toMatchObject({ action: 'unlinked' });

    const item = await itemOf(middle.id);
    await t.http().post(`/api/trash/${item.id}/restore`).expect(200);
    expect(await chain(head.id)).toEqual([head.id, middle.id, tail.id]);
    const article = (await t.http().get(`/api/clippings/${head.id}`).expect(200)).body as Clipping;
    expect(article.articleId).not.toBeNull();
    await t.http().get(`/api/articles/${article.articleId}`).expect(200);
  });

  it('restores a part without its link when the slot was taken meanwhile', async () => {
    const head = await createClipping(t, pub.id, { title: '湿地公园开园', pageLabel: '1' });
    const tail = await createClipping(t, pub.id, {
      title: null,
      pageLabel: '4',
      body: '（上接第一版）园内共有……',
    });
    const rival = await createClipping(t, pub.id, {
      title: null,
      pageLabel: '5',
      body: '（上接第一版）另一段……',
    });
    await t.http().put(`/api/clippings/${head.id}/continuation`).send({ nextPartId: tail.id }).expect(200);
    await t.http().delete(`/api/clippings/${tail.id}`).expect(204);
    await t.http().put(`/api/clippings/${head.id}/continuation`).send({ nextPartId: rival.id }).expect(200);
    const item = await itemOf(tail.id);
    const restored = (await t.http().post(`/api/trash/${item.id}/restore`).expect(200)).body as Clipping;
    expect(restored.previousPartId).toBeNull();
    expect(((await t.http().get(`/api/clippings/${head.id}`).expect(200)).body as Clipping).nextPartId).toBe(
      rival.id,
    );
    expect(JSON.stringify((await history(tail.id))[0]?.detail)).toContain('not re-linked');
  });

  it('puts the clippings of a deleted import in the trash and brings the import back with them', async () => {
    const jining = await createPublication(t, { name: '济宁日报', homeRegionCode: null });
    const filed: ImportResult = await filePage(t, jining.id, '2', readPage(SAMPLE_JINING_P2));
    const importId = filed.import.id;
    const ids = filed.clippings.map((c) => c.id);
    await t.http().delete(`/api/imports/${importId}`).expect(204);
    await t.http().get(`/api/imports/${importId}`).expect(404);
    expect(await listTotal(`publicationId=${jining.id}`)).toBe(0);
    const items = (await trash()).items.filter((i) => ids.includes(i.entityId));
    expect(items).toHaveLength(ids.length);
    expect(new Set(items.map((i) => i.reason))).toEqual(new Set(['import-deleted']));

    const first = items.find((i) => i.entityId === ids[0]);
    const restored = (await t.http().post(`/api/trash/${first?.id}/restore`).expect(200)).body as Clipping;
    expect(restored.importId).toBe(importId);
    const detail = (await t.http().get(`/api/imports/${importId}`).expect(200)).body as {
      clippingIds: number[];
    };
    expect(detail.clippingIds).toEqual([ids[0]]);
    expect(await listTotal(`publicationId=${jining.id}`)).toBe(1);
  });

  it('puts the clippings of a replaced import in the trash', async () => {
    const p = await createPublication(t, { name: '安康日报', homeRegionCode: null });
    const text = readPage(SAMPLE_JINING_P2);
    const first = await filePage(t, p.id, '2', text);
    const res = await t
      .http()
      .post('/api/imports')
      .send({ text, publicationId: p.id, issueDate: '2024-10-22', pageLabel: '2', replace: true })
      .expect(201);
    expect((res.body as ImportResult).import.id).not.toBe(first.import.id);
    const items = (await trash()).items.filter((i) => first.clippings.some((c) => c.id === i.entityId));
    expect(items).toHaveLength(first.clippings.length);
    expect(new Set(items.map((i) => i.reason))).toEqual(new Set(['import-replaced']));
    // The import is not brought back (its text is filed again), the clipping comes back without it.
    const restored = (await t.http().post(`/api/trash/${items[0]?.id}/restore`).expect(200)).body as Clipping;
    expect(restored.importId).toBeNull();
  });

  it('lets only admins replace an import (replacing deletes its clippings)', async () => {
    const p = await createPublication(t, { name: '汉中日报', homeRegionCode: null });
    const text = readPage(SAMPLE_JINING_P2);
    const editor = await t.as('editor');
    const body = { text, publicationId: p.id, issueDate: '2024-10-22', pageLabel: '2' };
    const first = (await editor.post('/api/imports').send(body).expect(201)).body as ImportResult;
    const res = await editor
      .post('/api/imports')
      .send({ ...body, replace: true })
      .expect(403);
    expect((res.body as ApiError).message).toContain('admins');
    await t.http().get(`/api/imports/${first.import.id}`).expect(200);
    expect((await trash()).items.some((i) => first.clippings.some((c) => c.id === i.entityId))).toBe(false);
  });

  it('refuses (409) to restore a clipping whose publication is gone', async () => {
    const lonely = await createPublication(t);
    const c = await createClipping(t, lonely.id);
    await t.http().delete(`/api/clippings/${c.id}`).expect(204);
    await t.http().delete(`/api/publications/${lonely.id}`).expect(204);
    const item = await itemOf(c.id);
    const res = await t.http().post(`/api/trash/${item.id}/restore`).expect(409);
    expect((res.body as ApiError).message).toContain(`publication ${lonely.id}`);
    expect((await trash()).items.some((i) => i.id === item.id)).toBe(true);
  });

  it('shows where each item was printed and the start of its body', async () => {
    const c = await createClipping(t, pub.id, {
      title: '回收站里的版面信息',
      issueDate: '2024-06-01',
      pageLabel: 'A3',
      body: '本报讯  这是一段足够长的正文，用来检查回收站里显示的摘要。'.repeat(4),
    });
    await t.http().delete(`/api/clippings/${c.id}`).expect(204);
    const item = await itemOf(c.id);
    expect(item).toMatchObject({
      publicationId: pub.id,
      publicationName: pub.name,
      issueDate: '2024-06-01',
      pageLabel: 'A3',
    });
    expect(item.excerpt.startsWith('本报讯 这是一段足够长的正文')).toBe(true);
    expect(Array.from(item.excerpt)).toHaveLength(81);
    expect(item.excerpt.endsWith('…')).toBe(true);
    await t.http().post(`/api/trash/${item.id}/restore`).expect(200);
  });

  it('restores several items at once, each recorded, in one transaction', async () => {
    const a = await createClipping(t, pub.id, { title: '一起恢复之一' });
    const b = await createClipping(t, pub.id, { title: '一起恢复之二' });
    await t.http().delete(`/api/clippings/${a.id}`).expect(204);
    await t.http().delete(`/api/clippings/${b.id}`).expect(204);
    const ids = [(await itemOf(a.id)).id, (await itemOf(b.id)).id];
    const res = await t.http().post('/api/trash/restore').send({ ids }).expect(200);
    const body = res.body as BulkRestoreResult;
    expect(body.restored).toBe(2);
    expect(body.items.map((i) => [i.trashItemId, i.clippingId, i.restored, i.problem])).toEqual([
      [ids[0], a.id, true, null],
      [ids[1], b.id, true, null],
    ]);
    await t.http().get(`/api/clippings/${a.id}`).expect(200);
    await t.http().get(`/api/clippings/${b.id}`).expect(200);
    expect((await trash()).items.some((i) => ids.includes(i.id))).toBe(false);
    const untrashed = (await audit('clipping-untrashed')).map((e) => e.targetId);
    expect(untrashed).toEqual(expect.arrayContaining([String(a.id), String(b.id)]));
  });

  it('restores none when one cannot be restored, naming the problem of each (409)', async () => {
    const lonely = await createPublication(t);
    const ok = await createClipping(t, pub.id, { title: '本可以恢复' });
    const orphan = await createClipping(t, lonely.id, { title: '报刊已删除' });
    await t.http().delete(`/api/clippings/${ok.id}`).expect(204);
    await t.http().delete(`/api/clippings/${orphan.id}`).expect(204);
    await t.http().delete(`/api/publications/${lonely.id}`).expect(204);
    const okItem = await itemOf(ok.id);
    const orphanItem = await itemOf(orphan.id);
    const untrashedBefore = (await audit('clipping-untrashed')).length;
    const res = await t
      .http()
      .post('/api/trash/restore')
      .send({ ids: [okItem.id, orphanItem.id, 999999] })
      .expect(409);
    const items = ((res.body as ApiError).details as { items: TrashRestoreOutcome[] }).items;
    expect(items.map((i) => [i.trashItemId, i.restored, i.problem])).toEqual([
      [okItem.id, false, null],
      [orphanItem.id, false, 'publication-gone'],
      [999999, false, 'not-found'],
    ]);
    expect(items[1]?.label).toBe('报刊已删除');
    // Nothing happened: both still in the trash, the good one not live, no audit event.
    await t.http().get(`/api/clippings/${ok.id}`).expect(404);
    expect((await trash()).items.map((i) => i.id)).toEqual(
      expect.arrayContaining([okItem.id, orphanItem.id]),
    );
    expect(await audit('clipping-untrashed')).toHaveLength(untrashedBefore);
    await t
      .http()
      .post('/api/trash/restore')
      .send({ ids: [okItem.id] })
      .expect(200);
    await t.http().post('/api/trash/restore').send({ ids: [] }).expect(400);
    await t
      .http()
      .post('/api/trash/restore')
      .send({ ids: ['x'] })
      .expect(400);
    await (
      await t.as('editor')
    )
      .post('/api/trash/restore')
      .send({ ids: [orphanItem.id] })
      .expect(403);
  });

  it('purges one item for good, history included, and empties the trash', async () => {
    const a = await createClipping(t, pub.id, { title: '将被彻底删除的剪报' });
    const b = await createClipping(t, pub.id, { title: '清空回收站' });
    await t.http().delete(`/api/clippings/${a.id}`).expect(204);
    await t.http().delete(`/api/clippings/${b.id}`).expect(204);
    const itemA = await itemOf(a.id);
    const total = (await trash()).total;
    await t.http().delete(`/api/trash/${itemA.id}`).expect(204);
    expect((await trash()).total).toBe(total - 1);
    await t.http().get(`/api/clippings/${a.id}/history`).expect(404);
    await t.http().delete(`/api/trash/${itemA.id}`).expect(404);
    await t.http().post(`/api/trash/${itemA.id}/restore`).expect(404);
    expect((await audit('trash-purged')).some((e) => e.targetId === String(a.id))).toBe(true);

    const emptied = await t.http().delete('/api/trash').expect(200);
    expect(emptied.body).toEqual({ purged: total - 1 });
    expect((await trash()).total).toBe(0);
    await t.http().get(`/api/clippings/${b.id}/history`).expect(404);
    expect((await audit('trash-emptied'))[0]?.detail).toEqual({ purged: total - 1 });
  });

  it('is for admins only, and so is deleting', async () => {
    const c = await createClipping(t, pub.id);
    const editor = await t.as('editor');
    await editor.delete(`/api/clippings/${c.id}`).expect(403);
    await editor.get('/api/trash').expect(403);
    await editor.delete('/api/trash').expect(403);
    await t.anon().get('/api/trash').expect(401);
    await t.http().get(`/api/clippings/${c.id}`).expect(200);
  });

  it('answers 404 for unknown items and ids', async () => {
    await t.http().delete('/api/clippings/999999').expect(404);
    await t.http().post('/api/trash/999999/restore').expect(404);
    await t.http().get('/api/trash?page=0').expect(400);
  });
});
