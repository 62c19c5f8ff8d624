import type { Clipping, Publication, Tag } from '@jianbao/contracts';
import { buildClipping } from '../fixtures/builders';
import { createClipping, createPublication, createTag, createZhejiang } from '../fixtures/seed';
import { startTestApp, type TestApp } from '../fixtures/test-app';

describe('/api/clippings (CRUD)', () => {
  let t: TestApp;
  let pub: Publication;
  let tag: Tag;

  beforeAll(async () => {
    t = await startTestApp();
    pub = await createPublication(t, { name: '钱江晚报' });
    tag = await createTag(t, { name: '民生' });
    await createZhejiang(t);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('POST', () => {
    it('creates a clipping with tags and regions (paths included)', async () => {
      const res = await t
        .http()
        .post('/api/clippings')
        .send(buildClipping(pub.id, { tagIds: [tag.id], regionCodes: ['330106', '330000'] }))
        .expect(201);
      const c = res.body as Clipping;
      expect(c).toMatchObject({
        publicationId: pub.id,
        publicationName: '钱江晚报',
        issueDate: '2024-03-15',
        pageLabel: '第三版',
        kind: 'article',
        title: '西湖边新开了一家社区食堂',
        subheads: ['一碗面只要八元', '志愿者轮流帮厨'],
        status: 'draft',
        continuesFrom: null,
        continuesTo: null,
        importId: null,
        articleId: null,
        previousPartId: null,
        nextPartId: null,
        version: 1,
      });
      expect(c.pageSort).toBe((await createClipping(t, pub.id, { pageLabel: '3' })).pageSort);
      expect(c.tags).toEqual([{ id: tag.id, name: '民生', color: '#cc3333', source: 'manual' }]);
      expect(c.regions).toEqual([
        { code: '330000', name: '浙江省', level: 'province', path: [], source: 'manual' },
        { code: '330106', name: '西湖区', level: 'county', path: ['浙江省', '杭州市'], source: 'manual' },
      ]);
    });

    it('accepts a minimal body and any printed page label', async () => {
      for (const pageLabel of ['1', 'A2', '第三版', '特刊封面']) {
        const res = await t
          .http()
          .post('/api/clippings')
          .send({ publicationId: pub.id, issueDate: '2024-02-29', pageLabel, body: '' })
          .expect(201);
        expect(res.body).toMatchObject({
          pageLabel,
          kind: 'article',
          status: 'draft',
          subheads: [],
          tags: [],
          regions: [],
        });
      }
    });

    it('400 naming exactly: no publicationId, impossible issueDate, unknown field', async () => {
      const body: Record<string, unknown> = {
        ...buildClipping(pub.id),
        issueDate: '2024-13-45',
        colour: 'red',
      };
      delete body['publicationId'];
      const res = await t.http().post('/api/clippings').send(body).expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed: publicationId, issueDate, colour',
        details: [
          {
            field: 'publicationId',
            errors: expect.arrayContaining([expect.any(String)]),
            constraints: expect.arrayContaining([{ constraint: 'isInt' }]),
          },
          {
            field: 'issueDate',
            errors: ['issueDate must be a real date written YYYY-MM-DD'],
            constraints: [{ constraint: 'isIsoDate' }],
          },
          {
            field: 'colour',
            errors: ['property colour should not exist'],
            constraints: [{ constraint: 'whitelistValidation' }],
          },
        ],
      });
    });

    it('400 on wrong enum values and element types', async () => {
      const res = await t
        .http()
        .post('/api/clippings')
        .send(
          buildClipping(pub.id, {
            kind: 'poem' as never,
            status: 'done' as never,
            subheads: [1] as never,
            tagIds: ['a'] as never,
          }),
        )
        .expect(400);
      expect(res.body.message).toBe('Validation failed: kind, subheads, status, tagIds');
    });

    it('400 naming references that do not exist', async () => {
      const res = await t
        .http()
        .post('/api/clippings')
        .send(buildClipping(999999, { tagIds: [tag.id, 888888], regionCodes: ['110000'] }))
        .expect(400);
      expect(res.body.message).toBe('Validation failed: publicationId, tagIds, regionCodes');
      expect(res.body.details[1].errors).toEqual(['unknown tag id(s): 888888']);
    });
  });

  describe('GET one', () => {
    it('200, 404, 400', async () => {
      const c = await createClipping(t, pub.id);
      expect((await t.http().get(`/api/clippings/${c.id}`).expect(200)).body).toEqual(c);
      const missing = await t.http().get('/api/clippings/999999').expect(404);
      expect(missing.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'Clipping 999999 not found',
      });
      const bad = await t.http().get('/api/clippings/abc').expect(400);
      expect(bad.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed: id',
        details: [{ field: 'id', errors: ['id must be a positive integer'] }],
      });
    });
  });

  describe('PATCH', () => {
    it('updates fields, recomputes the page sort key and bumps the version', async () => {
      const c = await createClipping(t, pub.id);
      const res = await t
        .http()
        .patch(`/api/clippings/${c.id}`)
        .send({ version: 1, title: '社区食堂开业首日', pageLabel: 'A2', status: 'reviewed', kicker: null })
        .expect(200);
      expect(res.body).toMatchObject({
        title: '社区食堂开业首日',
        pageLabel: 'A2',
        status: 'reviewed',
        kicker: null,
        version: 2,
      });
      expect(res.body.pageSort).not.toBe(c.pageSort);
      expect(res.body.body).toBe(c.body);
    });

    it('replaces tags and regions, bumping the version even when only links change', async () => {
      const other = await createTag(t);
      const c = await createClipping(t, pub.id, { tagIds: [tag.id], regionCodes: ['330106'] });
      const res = await t
        .http()
        .patch(`/api/clippings/${c.id}`)
        .send({ tagIds: [other.id], regionCodes: ['330200'] })
        .expect(200);
      expect((res.body as Clipping).tags.map((x) => x.id)).toEqual([other.id]);
      expect((res.body as Clipping).regions).toEqual([
        { code: '330200', name: '宁波市', level: 'prefecture', path: ['浙江省'], source: 'manual' },
      ]);
      expect(res.body.version).toBe(2);
      const cleared = await t.http().patch(`/api/clippings/${c.id}`).send({ tagIds: [] }).expect(200);
      expect(cleared.body.tags).toEqual([]);
      expect(cleared.body.regions).toHaveLength(1);
    });

    it('409 when the given version is stale, with the current one in details', async () => {
      const c = await createClipping(t, pub.id);
      await t.http().patch(`/api/clippings/${c.id}`).send({ version: 1, title: '第一次修改' }).expect(200);
      const res = await t
        .http()
        .patch(`/api/clippings/${c.id}`)
        .send({ version: 1, title: '过时的修改' })
        .expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict', details: { currentVersion: 2 } });
      expect((await t.http().get(`/api/clippings/${c.id}`)).body.title).toBe('第一次修改');
      await t.http().patch(`/api/clippings/${c.id}`).send({ title: '不带版本号的修改' }).expect(200);
    });

    it('400 on bad input (null for a required field, bad date, unknown field), 404 on unknown id', async () => {
      const c = await createClipping(t, pub.id);
      const res = await t
        .http()
        .patch(`/api/clippings/${c.id}`)
        .send({ body: null, issueDate: '2023-02-29', version: 0, publicationId: 999999, foo: 1 })
        .expect(400);
      expect(res.body.message).toBe('Validation failed: version, issueDate, body, foo');
      await t.http().patch(`/api/clippings/${c.id}`).send({ publicationId: 999999 }).expect(400);
      await t.http().patch('/api/clippings/999999').send({ title: 'x' }).expect(404);
      await t.http().patch('/api/clippings/abc').send({ title: 'x' }).expect(400);
    });
  });

  describe('DELETE', () => {
    it('deletes the clipping and its links, then 404', async () => {
      const c = await createClipping(t, pub.id, { tagIds: [tag.id], regionCodes: ['330106'] });
      await t.http().delete(`/api/clippings/${c.id}`).expect(204);
      await t.http().get(`/api/clippings/${c.id}`).expect(404);
      await t.http().delete(`/api/clippings/${c.id}`).expect(404);
      await t.http().delete('/api/clippings/abc').expect(400);
      // The tag is no longer in use, so it can go.
      const fresh = await createTag(t);
      const d = await createClipping(t, pub.id, { tagIds: [fresh.id] });
      await t.http().delete(`/api/clippings/${d.id}`).expect(204);
      await t.http().delete(`/api/tags/${fresh.id}`).expect(204);
    });
  });
});
