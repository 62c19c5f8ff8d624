import type { Region } from '@jianbao/contracts';
import { createClipping, createPublication, createZhejiang } from '../fixtures/seed';
import { startTestApp, type TestApp } from '../fixtures/test-app';

describe('/api/regions', () => {
  let t: TestApp;
  let zj: Awaited<ReturnType<typeof createZhejiang>>;

  beforeAll(async () => {
    t = await startTestApp();
    zj = await createZhejiang(t);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('GET list', () => {
    it('pages through all regions ordered by code', async () => {
      const res = await t.http().get('/api/regions').expect(200);
      expect(res.body).toMatchObject({ total: 4, page: 1, pageSize: 50 });
      expect((res.body.items as Region[]).map((r) => r.code)).toEqual([
        '330000',
        '330100',
        '330106',
        '330200',
      ]);
      const second = await t.http().get('/api/regions?page=2&pageSize=3').expect(200);
      expect(second.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect((second.body.items as Region[]).map((r) => r.code)).toEqual(['330200']);
    });

    it('filters by parentId, level and name prefix', async () => {
      const children = await t.http().get(`/api/regions?parentId=${zj.zhejiang.id}`).expect(200);
      expect((children.body.items as Region[]).map((r) => r.name)).toEqual(['杭州市', '宁波市']);
      const counties = await t.http().get('/api/regions?level=county').expect(200);
      expect((counties.body.items as Region[]).map((r) => r.name)).toEqual(['西湖区']);
      const prefix = await t
        .http()
        .get(`/api/regions?q=${encodeURIComponent('杭')}`)
        .expect(200);
      expect((prefix.body.items as Region[]).map((r) => r.name)).toEqual(['杭州市']);
      const notInfix = await t
        .http()
        .get(`/api/regions?q=${encodeURIComponent('州')}`)
        .expect(200);
      expect(notInfix.body.total).toBe(0);
      const literal = await t.http().get('/api/regions?q=%25').expect(200);
      expect(literal.body.total).toBe(0);
    });

    it('400 on bad query values, naming each', async () => {
      const res = await t
        .http()
        .get('/api/regions?level=city&parentId=x&pageSize=201&page=0&bogus=1')
        .expect(400);
      expect(res.body.message).toBe('Validation failed: parentId, level, page, pageSize, bogus');
    });
  });

  describe('GET one', () => {
    it('200, 404, 400', async () => {
      expect((await t.http().get(`/api/regions/${zj.xihu.id}`).expect(200)).body).toEqual({
        id: zj.xihu.id,
        code: '330106',
        name: '西湖区',
        level: 'county',
        parentId: zj.hangzhou.id,
      });
      await t.http().get('/api/regions/999999').expect(404);
      await t.http().get('/api/regions/x1').expect(400);
    });
  });

  describe('POST', () => {
    it('creates a region', async () => {
      const res = await t
        .http()
        .post('/api/regions')
        .send({ code: '330102', name: '上城区', level: 'county', parentId: zj.hangzhou.id })
        .expect(201);
      expect(res.body).toMatchObject({
        code: '330102',
        name: '上城区',
        level: 'county',
        parentId: zj.hangzhou.id,
      });
    });

    it('400 naming every bad field', async () => {
      const res = await t
        .http()
        .post('/api/regions')
        .send({ code: '33', level: 'city', parentId: 0 })
        .expect(400);
      expect(res.body.message).toBe('Validation failed: code, name, level, parentId');
    });

    it('400 for an unknown parent or an inconsistent level', async () => {
      await t
        .http()
        .post('/api/regions')
        .send({ code: '330105', name: '拱墅区', level: 'county', parentId: 999999 })
        .expect(400);
      const res = await t
        .http()
        .post('/api/regions')
        .send({ code: '320000', name: '江苏省', level: 'province', parentId: zj.zhejiang.id })
        .expect(400);
      expect(res.body.details[0].errors[0]).toBe('a province cannot have a parent region');
      await t
        .http()
        .post('/api/regions')
        .send({ code: '330300', name: '温州市', level: 'prefecture' })
        .expect(400);
    });

    it('409 on a duplicate code', async () => {
      await t
        .http()
        .post('/api/regions')
        .send({ code: '330000', name: '浙江', level: 'province' })
        .expect(409);
    });
  });

  describe('PATCH', () => {
    it('renames a region', async () => {
      const res = await t.http().patch(`/api/regions/${zj.ningbo.id}`).send({ name: '宁波市' }).expect(200);
      expect(res.body.name).toBe('宁波市');
    });

    it('shows a renamed, moved or new region at once in clipping paths and region filters', async () => {
      const p = await createPublication(t);
      const c = await createClipping(t, p.id, { regionCodes: [zj.xihu.code] });
      const regionsOf = async (): Promise<Array<{ code: string; path: string[] }>> =>
        ((await t.http().get(`/api/clippings/${c.id}`).expect(200)).body as { regions: [] }).regions;
      expect(await regionsOf()).toEqual([
        expect.objectContaining({ code: zj.xihu.code, path: ['浙江省', '杭州市'] }),
      ]);
      await t.http().patch(`/api/regions/${zj.hangzhou.id}`).send({ name: '杭州' }).expect(200);
      expect((await regionsOf())[0]?.path).toEqual(['浙江省', '杭州']);
      // A new city, then the county moved under it: the path and the city's subtree follow.
      const city = (
        await t
          .http()
          .post('/api/regions')
          .send({ code: '330300', name: '温州市', level: 'prefecture', parentId: zj.zhejiang.id })
          .expect(201)
      ).body as Region;
      const inCity = async (id: number): Promise<number[]> =>
        (
          (await t.http().get(`/api/clippings?regionId=${id}`).expect(200)).body as {
            items: { id: number }[];
          }
        ).items.map((i) => i.id);
      expect(await inCity(city.id)).toEqual([]);
      await t.http().patch(`/api/regions/${zj.xihu.id}`).send({ parentId: city.id }).expect(200);
      expect((await regionsOf())[0]?.path).toEqual(['浙江省', '温州市']);
      expect(await inCity(city.id)).toEqual([c.id]);
      expect(await inCity(zj.hangzhou.id)).not.toContain(c.id);
      await t.http().patch(`/api/regions/${zj.xihu.id}`).send({ parentId: zj.hangzhou.id }).expect(200);
      await t.http().patch(`/api/regions/${zj.hangzhou.id}`).send({ name: '杭州市' }).expect(200);
      expect((await regionsOf())[0]?.path).toEqual(['浙江省', '杭州市']);
    });

    it('400, 404, 409', async () => {
      await t.http().patch(`/api/regions/${zj.ningbo.id}`).send({ level: 'city' }).expect(400);
      await t.http().patch(`/api/regions/${zj.hangzhou.id}`).send({ parentId: zj.hangzhou.id }).expect(400);
      // 杭州市 has a county under it: it cannot become a county itself.
      await t.http().patch(`/api/regions/${zj.hangzhou.id}`).send({ level: 'county' }).expect(400);
      await t.http().patch('/api/regions/999999').send({ name: 'x' }).expect(404);
      await t.http().patch(`/api/regions/${zj.ningbo.id}`).send({ code: '330100' }).expect(409);
    });
  });

  describe('DELETE', () => {
    it('deletes a leaf region', async () => {
      const res = await t
        .http()
        .post('/api/regions')
        .send({ code: '330110', name: '余杭区', level: 'county', parentId: zj.hangzhou.id });
      await t.http().delete(`/api/regions/${res.body.id}`).expect(204);
      await t.http().delete(`/api/regions/${res.body.id}`).expect(404);
    });

    it('409 while it has subregions or linked clippings', async () => {
      await t.http().delete(`/api/regions/${zj.zhejiang.id}`).expect(409);
      const county = await t
        .http()
        .post('/api/regions')
        .send({ code: '330108', name: '滨江区', level: 'county', parentId: zj.hangzhou.id });
      const p = await createPublication(t);
      await createClipping(t, p.id, { regionCodes: ['330108'] });
      await t.http().delete(`/api/regions/${county.body.id}`).expect(409);
    });
  });
});
