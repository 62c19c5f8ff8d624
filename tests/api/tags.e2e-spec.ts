import type { Tag } from '@jianbao/contracts';
import { createClipping, createPublication, createTag } from '../fixtures/seed';
import { startTestApp, type TestApp } from '../fixtures/test-app';

describe('/api/tags', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  describe('POST', () => {
    it('creates top-level and child tags', async () => {
      const parent = await t.http().post('/api/tags').send({ name: '社会', color: '#336699' }).expect(201);
      expect(parent.body).toEqual({
        id: expect.any(Number),
        name: '社会',
        parentId: null,
        color: '#336699',
        description: null,
        rule: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const child = await t
        .http()
        .post('/api/tags')
        .send({ name: '教育', parentId: parent.body.id })
        .expect(201);
      expect(child.body.parentId).toBe(parent.body.id);
    });

    it('400 naming every bad field', async () => {
      const res = await t
        .http()
        .post('/api/tags')
        .send({ parentId: 'x', color: 'red', colour: '#fff' })
        .expect(400);
      expect(res.body.message).toBe('Validation failed: name, parentId, color, colour');
    });

    it('400 when the parent does not exist', async () => {
      const res = await t.http().post('/api/tags').send({ name: '孤儿', parentId: 999999 }).expect(400);
      expect(res.body.details).toEqual([{ field: 'parentId', errors: ['parent tag 999999 does not exist'] }]);
    });

    it('409 for a duplicate name among siblings (top level included), fine under another parent', async () => {
      await t.http().post('/api/tags').send({ name: '体育' }).expect(201);
      await t.http().post('/api/tags').send({ name: '体育' }).expect(409);
      const a = await createTag(t);
      const b = await createTag(t);
      await t.http().post('/api/tags').send({ name: '足球', parentId: a.id }).expect(201);
      await t.http().post('/api/tags').send({ name: '足球', parentId: a.id }).expect(409);
      await t.http().post('/api/tags').send({ name: '足球', parentId: b.id }).expect(201);
    });
  });

  describe('GET', () => {
    it('returns the flat list', async () => {
      const parent = await createTag(t);
      const child = await createTag(t, { parentId: parent.id });
      const res = await t.http().get('/api/tags').expect(200);
      expect(Array.isArray(res.body)).toBe(true);
      const ids = (res.body as Tag[]).map((x) => x.id);
      expect(ids).toEqual(expect.arrayContaining([parent.id, child.id]));
    });

    it('gets one; 404 unknown; 400 non-integer', async () => {
      const tag = await createTag(t);
      expect((await t.http().get(`/api/tags/${tag.id}`).expect(200)).body).toEqual(tag);
      await t.http().get('/api/tags/999999').expect(404);
      await t.http().get('/api/tags/abc').expect(400);
    });
  });

  describe('PATCH', () => {
    it('renames, recolours and moves a tag', async () => {
      const a = await createTag(t);
      const tag = await createTag(t);
      const res = await t
        .http()
        .patch(`/api/tags/${tag.id}`)
        .send({ name: '交通出行', color: null, parentId: a.id })
        .expect(200);
      expect(res.body).toMatchObject({ name: '交通出行', color: null, parentId: a.id });
      const back = await t.http().patch(`/api/tags/${tag.id}`).send({ parentId: null }).expect(200);
      expect(back.body.parentId).toBeNull();
    });

    it('400 when moving a tag under itself or its descendant', async () => {
      const root = await createTag(t);
      const child = await createTag(t, { parentId: root.id });
      const grandchild = await createTag(t, { parentId: child.id });
      await t.http().patch(`/api/tags/${root.id}`).send({ parentId: root.id }).expect(400);
      const res = await t.http().patch(`/api/tags/${root.id}`).send({ parentId: grandchild.id }).expect(400);
      expect(res.body.message).toBe('Validation failed: parentId');
    });

    it('400 on bad input, 404 on unknown id, 409 on a sibling name clash', async () => {
      const a = await createTag(t);
      const b = await createTag(t);
      await t.http().patch(`/api/tags/${a.id}`).send({ name: null }).expect(400);
      await t.http().patch('/api/tags/999999').send({ name: '新' }).expect(404);
      await t.http().patch(`/api/tags/${b.id}`).send({ name: a.name }).expect(409);
    });
  });

  describe('DELETE', () => {
    it('deletes a leaf tag, then 404', async () => {
      const tag = await createTag(t);
      await t.http().delete(`/api/tags/${tag.id}`).expect(204);
      await t.http().delete(`/api/tags/${tag.id}`).expect(404);
    });

    it('detaches its clippings by default and moves its children up (see tags-rules spec for the modes)', async () => {
      const parent = await createTag(t);
      const child = await createTag(t, { parentId: parent.id });
      const p = await createPublication(t);
      const c = await createClipping(t, p.id, { tagIds: [parent.id] });
      await t.http().delete(`/api/tags/${parent.id}`).expect(204);
      expect((await t.http().get(`/api/tags/${child.id}`).expect(200)).body.parentId).toBeNull();
      expect((await t.http().get(`/api/clippings/${c.id}`).expect(200)).body.tags).toEqual([]);
    });
  });
});
