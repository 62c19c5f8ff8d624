import type { Clipping, Page, Publication, Tag } from '@jianbao/contracts';
import { createClipping, createPublication, createTag, createZhejiang } from '../fixtures/seed';
import { startTestApp, type TestApp } from '../fixtures/test-app';

/**
 * Tag and region filters over a few hundred clippings: past the size where the list counts on the
 * link table and (SQLite, default order) walks the list-order index instead of sorting the matches.
 * Every page must equal the unfiltered list narrowed in JS, in the same order, with the same total.
 */
describe('GET /api/clippings with tag/region filters over 300 clippings', () => {
  let t: TestApp;
  let pub: Publication;
  let wide: Tag;
  let child: Tag;
  let narrow: Tag;
  let zj: Awaited<ReturnType<typeof createZhejiang>>;
  let all: Clipping[] = [];

  async function list(query: string): Promise<Page<Clipping>> {
    return (await t.http().get(`/api/clippings?${query}`).expect(200)).body as Page<Clipping>;
  }

  /** Every page of `query` (pageSize 20), concatenated, and the total each page reported. */
  async function everyPage(query: string): Promise<{ ids: number[]; totals: number[] }> {
    const ids: number[] = [];
    const totals: number[] = [];
    for (let page = 1; ; page += 1) {
      const res = await list(`${query}&pageSize=20&page=${page}`);
      totals.push(res.total);
      ids.push(...res.items.map((c) => c.id));
      if (res.items.length < 20) break;
    }
    return { ids, totals };
  }

  beforeAll(async () => {
    t = await startTestApp();
    pub = await createPublication(t, { name: '浙江日报' });
    wide = await createTag(t, { name: '民生' });
    child = await createTag(t, { name: '就业', parentId: wide.id });
    narrow = await createTag(t, { name: '围棋' });
    zj = await createZhejiang(t);
    const dates = [
      '2024-03-01',
      '2024-03-02',
      '2024-02-28',
      '2023-12-31',
      '2024-03-01',
      '2024-01-15',
      '2024-03-02',
    ];
    const pages = ['1', 'A3', '2', '第四版'];
    for (let i = 0; i < 300; i += 1) {
      const tagIds = [
        ...(i % 5 !== 0 ? (i % 2 === 0 ? [wide.id] : i % 10 === 1 ? [wide.id, child.id] : [child.id]) : []),
        ...(i % 37 === 0 ? [narrow.id] : []),
      ];
      await createClipping(t, pub.id, {
        title: `第${i}条：民生实事`,
        issueDate: dates[i % dates.length],
        pageLabel: pages[i % pages.length],
        kind: i % 4 === 0 ? 'brief' : 'article',
        tagIds,
        regionCodes: i % 3 !== 0 ? ['330106'] : [],
      });
    }
    all = [];
    for (let page = 1; ; page += 1) {
      const res = await list(`pageSize=200&page=${page}`);
      all.push(...res.items);
      if (res.items.length < 200) break;
    }
  }, 600_000); // builds a large archive: minutes on a busy machine (what it checks is the walk, not speed)

  afterAll(async () => {
    await t.close();
  });

  const has = (c: Clipping, tagIds: number[]): boolean => c.tags.some((l) => tagIds.includes(l.id));

  it('has the 300 clippings in the default order', () => {
    expect(all).toHaveLength(300);
  });

  it('a tag subtree (240 matches) lists every match once, in the default order, with the right total', async () => {
    const expected = all.filter((c) => has(c, [wide.id, child.id])).map((c) => c.id);
    expect(expected).toHaveLength(240);
    const { ids, totals } = await everyPage(`tagId=${wide.id}`);
    expect(ids).toEqual(expected);
    expect(new Set(totals)).toEqual(new Set([240]));
  });

  it('a region subtree (200 matches) does too', async () => {
    const expected = all.filter((c) => c.regions.some((r) => r.code === '330106')).map((c) => c.id);
    expect(expected).toHaveLength(200);
    const { ids, totals } = await everyPage(`regionId=${zj.zhejiang.id}`);
    expect(ids).toEqual(expected);
    expect(new Set(totals)).toEqual(new Set([200]));
  });

  it('a sparse tag (9 matches) and a tag with a second filter count and order the same way', async () => {
    const sparse = all.filter((c) => has(c, [narrow.id])).map((c) => c.id);
    expect(sparse).toHaveLength(9);
    expect((await everyPage(`tagId=${narrow.id}`)).ids).toEqual(sparse);
    const briefs = all.filter((c) => has(c, [wide.id, child.id]) && c.kind === 'brief').map((c) => c.id);
    const both = await everyPage(`tagId=${wide.id}&kind=brief`);
    expect(both.ids).toEqual(briefs);
    expect(both.totals[0]).toBe(briefs.length);
  });

  it('another order with a tag filter gives the same set, sorted by that order', async () => {
    const expected = all.filter((c) => has(c, [wide.id, child.id]));
    const { ids } = await everyPage(`tagId=${wide.id}&sort=-issueDate,pageSort,id`);
    const byOrder = [...expected]
      .sort(
        (a, b) =>
          b.issueDate.localeCompare(a.issueDate) || a.pageSort.localeCompare(b.pageSort) || a.id - b.id,
      )
      .map((c) => c.id);
    expect(ids).toEqual(byOrder);
  });
});
