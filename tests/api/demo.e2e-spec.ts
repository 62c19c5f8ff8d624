import type { Clipping, Publication } from '@jianbao/contracts';
import { startTestApp, type TestApp } from '../fixtures/test-app';

describe('demo data on first start', () => {
  describe('with an empty database and DEMO_DATA on', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp({ config: { seedRegions: true, demoData: true } });
    });

    afterAll(async () => {
      await t.close();
    });

    it('files the two sample pages: 8 + 4 clippings under 济宁日报 and 安康日报', async () => {
      const pubs = (await t.http().get('/api/publications').expect(200)).body as
        Publication[] | { items: Publication[] };
      const list = Array.isArray(pubs) ? pubs : pubs.items;
      expect(list.map((p) => [p.name, p.homeRegionCode]).sort()).toEqual([
        ['安康日报', '610900'],
        ['济宁日报', '370800'],
      ]);
      const clippings = await t.http().get('/api/clippings?pageSize=50').expect(200);
      expect(clippings.body.total).toBe(12);
      const byPaper = new Map<string, number>();
      for (const c of clippings.body.items as Clipping[]) {
        byPaper.set(c.publicationName, (byPaper.get(c.publicationName) ?? 0) + 1);
        expect(c).toMatchObject({ issueDate: '2024-10-22', pageLabel: '2', status: 'draft' });
      }
      expect(Object.fromEntries(byPaper)).toEqual({ 济宁日报: 8, 安康日报: 4 });
      const liangshan = (clippings.body.items as Clipping[]).find((c) => c.title === '小小明信片倡树大文明');
      expect(liangshan?.regions.map((r) => r.name)).toContain('梁山县');
      const imports = await t.http().get('/api/imports').expect(200);
      expect(imports.body.total).toBe(2);
    });
  });

  it.each([
    ['DEMO_DATA=false', { seedRegions: true, demoData: false }],
    ['tests, unless asked', {}],
  ])('files nothing with %s', async (_what, config) => {
    const t = await startTestApp({ config });
    try {
      expect((await t.http().get('/api/clippings').expect(200)).body.total).toBe(0);
      expect((await t.http().get('/api/imports').expect(200)).body.total).toBe(0);
    } finally {
      await t.close();
    }
  });
});
