import type { Publication } from '@jianbao/contracts';
import { buildPublication } from '../fixtures/builders';
import { createClipping, createPublication } from '../fixtures/seed';
import { startTestApp, type TestApp } from '../fixtures/test-app';

describe('/api/publications', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  describe('POST', () => {
    it('creates a publication with defaults', async () => {
      const res = await t.http().post('/api/publications').send({ name: '宁波日报' }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        name: '宁波日报',
        shortName: null,
        homeRegionCode: null,
        language: 'zh-CN',
        notes: null,
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
    });

    it('400 naming every bad field', async () => {
      const res = await t
        .http()
        .post('/api/publications')
        .send({ name: '', homeRegionCode: '33', language: 5, colour: 'red' })
        .expect(400);
      expect(res.body.message).toBe('Validation failed: name, homeRegionCode, language, colour');
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([
        'name',
        'homeRegionCode',
        'language',
        'colour',
      ]);
    });

    it('409 on a duplicate name', async () => {
      const body = buildPublication();
      await t.http().post('/api/publications').send(body).expect(201);
      const res = await t.http().post('/api/publications').send(body).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    });
  });

  describe('GET', () => {
    it('lists publications by name', async () => {
      const a = await createPublication(t, { name: '浙江日报' });
      const res = await t.http().get('/api/publications').expect(200);
      const names = (res.body as Publication[]).map((p) => p.name);
      expect(names).toContain(a.name);
      expect([...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))).toEqual(names);
    });

    it('gets one by id', async () => {
      const p = await createPublication(t);
      const res = await t.http().get(`/api/publications/${p.id}`).expect(200);
      expect(res.body).toEqual(p);
    });

    it('404 for an unknown id, 400 for a non-integer one', async () => {
      const missing = await t.http().get('/api/publications/999999').expect(404);
      expect(missing.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'Publication 999999 not found',
      });
      const bad = await t.http().get('/api/publications/abc').expect(400);
      expect(bad.body.message).toBe('Validation failed: id');
      await t.http().get('/api/publications/1.5').expect(400);
      await t.http().get('/api/publications/-1').expect(400);
      await t.http().get('/api/publications/0').expect(400);
    });
  });

  describe('PATCH', () => {
    it('changes only the given fields, null clears optional ones', async () => {
      const p = await createPublication(t);
      const res = await t
        .http()
        .patch(`/api/publications/${p.id}`)
        .send({ shortName: null, notes: '改版后的都市报' })
        .expect(200);
      expect(res.body).toMatchObject({
        name: p.name,
        shortName: null,
        notes: '改版后的都市报',
        language: 'zh-CN',
      });
    });

    it('400 when clearing a required field or sending an unknown one', async () => {
      const p = await createPublication(t);
      const res = await t
        .http()
        .patch(`/api/publications/${p.id}`)
        .send({ name: null, extra: 1 })
        .expect(400);
      expect(res.body.message).toBe('Validation failed: name, extra');
    });

    it('404 for an unknown id', async () => {
      await t.http().patch('/api/publications/999999').send({ notes: 'x' }).expect(404);
    });

    it('409 when renaming onto another publication', async () => {
      const a = await createPublication(t);
      const b = await createPublication(t);
      await t.http().patch(`/api/publications/${b.id}`).send({ name: a.name }).expect(409);
      await t.http().patch(`/api/publications/${b.id}`).send({ name: b.name }).expect(200);
    });
  });

  describe('DELETE', () => {
    it('deletes, then 404', async () => {
      const p = await createPublication(t);
      await t.http().delete(`/api/publications/${p.id}`).expect(204);
      await t.http().get(`/api/publications/${p.id}`).expect(404);
      await t.http().delete(`/api/publications/${p.id}`).expect(404);
    });

    it('409 while clippings still belong to it', async () => {
      const p = await createPublication(t);
      await createClipping(t, p.id);
      const res = await t.http().delete(`/api/publications/${p.id}`).expect(409);
      expect(res.body.message).toContain('clipping');
    });
  });
});
