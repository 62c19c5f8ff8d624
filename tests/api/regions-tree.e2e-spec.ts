import type { Region, RegionNode } from '@jianbao/contracts';
import { createClipping, createPublication, createZhejiang } from '../fixtures/seed';
import { startTestApp, type TestApp } from '../fixtures/test-app';

describe('GET /api/regions/tree', () => {
  let t: TestApp;
  let zj: { zhejiang: Region; hangzhou: Region; xihu: Region; ningbo: Region };

  beforeAll(async () => {
    t = await startTestApp();
    zj = await createZhejiang(t);
    await t
      .http()
      .post('/api/regions')
      .send({ code: '370000', name: '山东省', level: 'province' })
      .expect(201);
    const p = await createPublication(t);
    await createClipping(t, p.id, { regionCodes: ['330106'] }); // 西湖区
    await createClipping(t, p.id, { regionCodes: ['330106', '330100'] }); // counted once for 杭州市
    await createClipping(t, p.id, { regionCodes: ['330200'] }); // 宁波市
    await createClipping(t, p.id, { regionCodes: ['330000'] }); // the province itself
    await createClipping(t, p.id, { regionCodes: [] });
  });

  afterAll(async () => {
    await t.close();
  });

  const tree = async (query = ''): Promise<RegionNode[]> =>
    (await t.http().get(`/api/regions/tree${query}`).expect(200)).body as RegionNode[];

  it('lists provinces with child counts and distinct clippings of the whole subtree', async () => {
    expect(await tree()).toEqual([
      {
        id: zj.zhejiang.id,
        code: '330000',
        name: '浙江省',
        level: 'province',
        childCount: 2,
        clippingCount: 4,
      },
      {
        id: expect.any(Number),
        code: '370000',
        name: '山东省',
        level: 'province',
        childCount: 0,
        clippingCount: 0,
      },
    ]);
  });

  it('lists the children of a region, descendants included in the counts', async () => {
    expect(await tree(`?parentId=${zj.zhejiang.id}`)).toEqual([
      {
        id: zj.hangzhou.id,
        code: '330100',
        name: '杭州市',
        level: 'prefecture',
        childCount: 1,
        clippingCount: 2,
      },
      {
        id: zj.ningbo.id,
        code: '330200',
        name: '宁波市',
        level: 'prefecture',
        childCount: 0,
        clippingCount: 1,
      },
    ]);
    expect(await tree(`?parentId=${zj.hangzhou.id}`)).toEqual([
      { id: zj.xihu.id, code: '330106', name: '西湖区', level: 'county', childCount: 0, clippingCount: 2 },
    ]);
    expect(await tree(`?parentId=${zj.xihu.id}`)).toEqual([]);
  });

  it('400 for a bad parentId, 404 for an unknown one', async () => {
    await t.http().get('/api/regions/tree?parentId=abc').expect(400);
    await t.http().get('/api/regions/tree?parentId=999999').expect(404);
  });
});
