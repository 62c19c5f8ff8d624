import type { Clipping, Publication, Region } from '@jianbao/contracts';
import { createClipping, createPublication, createTag, createZhejiang } from '../fixtures/seed';
import { startTestApp, type TestApp } from '../fixtures/test-app';

describe('POST /api/clippings/bulk', () => {
  let t: TestApp;
  let pub: Publication;
  let other: Publication;
  let zj: { zhejiang: Region; hangzhou: Region; xihu: Region; ningbo: Region };

  beforeAll(async () => {
    t = await startTestApp();
    pub = await createPublication(t);
    other = await createPublication(t);
    zj = await createZhejiang(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const get = async (id: number): Promise<Clipping> =>
    (await t.http().get(`/api/clippings/${id}`).expect(200)).body as Clipping;
  const bulk = (body: object) => t.http().post('/api/clippings/bulk').send(body);

  it('by ids: adds/removes tags and regions (manual), changes kind, status and publication, bumps versions', async () => {
    const keep = await createTag(t);
    const drop = await createTag(t);
    const a = await createClipping(t, pub.id, { tagIds: [drop.id], regionCodes: ['330200'] });
    const b = await createClipping(t, pub.id);
    const untouched = await createClipping(t, pub.id);
    const res = await bulk({
      ids: [a.id, b.id],
      addTagIds: [keep.id],
      removeTagIds: [drop.id],
      addRegionCodes: ['330106'],
      removeRegionCodes: ['330200'],
      kind: 'brief',
      status: 'reviewed',
      publicationId: other.id,
    }).expect(200);
    expect(res.body).toEqual({ matched: 2, updated: 2 });
    for (const [before, after] of [
      [a, await get(a.id)],
      [b, await get(b.id)],
    ] as const) {
      expect(after).toMatchObject({ kind: 'brief', status: 'reviewed', publicationId: other.id });
      expect(after.tags.map((l) => [l.id, l.source])).toEqual([[keep.id, 'manual']]);
      expect(after.regions.map((r) => [r.code, r.source])).toEqual([['330106', 'manual']]);
      expect(after.version).toBe(before.version + 1);
    }
    expect((await get(untouched.id)).version).toBe(untouched.version);
  });

  it('by filter (descendants included): the dry-run count equals the applied count', async () => {
    const parent = await createTag(t);
    const child = await createTag(t, { parentId: parent.id });
    const label = await createTag(t);
    const p = await createPublication(t);
    const inXihu = await createClipping(t, p.id, { regionCodes: ['330106'], tagIds: [child.id] });
    const inHangzhou = await createClipping(t, p.id, { regionCodes: ['330100'], tagIds: [parent.id] });
    const inNingbo = await createClipping(t, p.id, { regionCodes: ['330200'], tagIds: [parent.id] });
    const noTag = await createClipping(t, p.id, { regionCodes: ['330106'] });

    const filter = { publicationId: p.id, tagId: parent.id, regionId: zj.hangzhou.id };
    const dry = await bulk({ filter, addTagIds: [label.id], dryRun: true }).expect(200);
    expect(dry.body).toEqual({ matched: 2, updated: 0 });
    expect((await get(inXihu.id)).tags.map((l) => l.id)).toEqual([child.id]);

    const done = await bulk({ filter, addTagIds: [label.id] }).expect(200);
    expect(done.body).toEqual({ matched: 2, updated: 2 });
    for (const c of [inXihu, inHangzhou]) expect((await get(c.id)).tags.map((l) => l.id)).toContain(label.id);
    for (const c of [inNingbo, noTag])
      expect((await get(c.id)).tags.map((l) => l.id)).not.toContain(label.id);
  });

  it('adding a tag a rule put there makes it manual; removing a rule link keeps rules from re-adding it', async () => {
    const tag = await createTag(t, { rule: { mode: 'any', terms: ['批量规则'] } });
    const a = await createClipping(t, pub.id, { body: '批量规则测试一。' });
    const b = await createClipping(t, pub.id, { body: '批量规则测试二。' });
    await t.http().post(`/api/tags/${tag.id}/apply`).send({}).expect(200);
    await bulk({ ids: [a.id], addTagIds: [tag.id] }).expect(200);
    await bulk({ ids: [b.id], removeTagIds: [tag.id] }).expect(200);
    const again = await t.http().post(`/api/tags/${tag.id}/apply`).send({}).expect(200);
    expect(again.body).toMatchObject({ matched: 2, added: 0 });
    expect((await get(a.id)).tags.map((l) => [l.id, l.source])).toEqual([[tag.id, 'manual']]);
    expect((await get(b.id)).tags).toEqual([]);
  });

  it('all or nothing: an unknown tag, region, publication or clipping id → 400 and nothing changed', async () => {
    const tag = await createTag(t);
    const c = await createClipping(t, pub.id);
    for (const body of [
      { ids: [c.id], addTagIds: [tag.id, 999999], status: 'reviewed' },
      { ids: [c.id], addRegionCodes: ['999999'], status: 'reviewed' },
      { ids: [c.id], publicationId: 999999 },
      { ids: [c.id, 999999], status: 'reviewed' },
    ]) {
      const res = await bulk(body).expect(400);
      expect(res.body.details.length).toBeGreaterThan(0);
    }
    const after = await get(c.id);
    expect(after).toMatchObject({ status: 'draft', tags: [], regions: [], version: c.version });
  });

  it('400 without an action, with both or neither of ids and filter, or a bad filter', async () => {
    const c = await createClipping(t, pub.id);
    await bulk({ ids: [c.id] }).expect(400);
    await bulk({ status: 'reviewed' }).expect(400);
    await bulk({ ids: [c.id], filter: {}, status: 'reviewed' }).expect(400);
    const res = await bulk({ filter: { kind: 'poem' }, status: 'reviewed' }).expect(400);
    expect(res.body.details[0].field).toBe('filter.kind');
    await bulk({ ids: [c.id], addTagIds: [1], removeTagIds: [1] }).expect(400);
  });
});
