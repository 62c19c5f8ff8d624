import type { Clipping, ClippingListItem, Page, Publication, Tag } from '@jianbao/contracts';
import { createClipping, createPublication, createTag, createZhejiang } from '../fixtures/seed';
import { startTestApp, type TestApp } from '../fixtures/test-app';

describe('GET /api/clippings (filters, sort, pagination)', () => {
  let t: TestApp;
  let qianjiang: Publication;
  let ningboDaily: Publication;
  let society: Tag;
  let education: Tag;
  let university: Tag;
  let sport: Tag;
  let zj: Awaited<ReturnType<typeof createZhejiang>>;
  const ids: Record<string, number> = {};

  /** Titles of the list answer for `query`, in order. */
  async function titles(query: string): Promise<string[]> {
    const res = await t.http().get(`/api/clippings${query}`).expect(200);
    return (res.body as Page<Clipping>).items.map((c) => c.title ?? '');
  }

  beforeAll(async () => {
    t = await startTestApp();
    qianjiang = await createPublication(t, { name: '钱江晚报' });
    ningboDaily = await createPublication(t, { name: '宁波日报' });
    society = await createTag(t, { name: '社会' });
    education = await createTag(t, { name: '教育', parentId: society.id });
    university = await createTag(t, { name: '高校', parentId: education.id });
    sport = await createTag(t, { name: '体育' });
    zj = await createZhejiang(t);
    const make = async (key: string, pub: Publication, over: Parameters<typeof createClipping>[2]) => {
      ids[key] = (await createClipping(t, pub.id, { title: key, ...over })).id;
    };
    await make('一月头版', qianjiang, { issueDate: '2024-01-05', pageLabel: '1', tagIds: [society.id] });
    await make('一月三版', qianjiang, {
      issueDate: '2024-01-05',
      pageLabel: '第三版',
      kind: 'brief',
      tagIds: [education.id],
      regionCodes: ['330106'],
    });
    await make('二月A2', qianjiang, {
      issueDate: '2024-02-10',
      pageLabel: 'A2',
      status: 'reviewed',
      tagIds: [university.id],
      regionCodes: ['330100'],
    });
    await make('三月十版', ningboDaily, {
      issueDate: '2024-03-01',
      pageLabel: '10',
      kind: 'photo',
      tagIds: [sport.id],
      regionCodes: ['330200'],
      body: '宁波马拉松鸣枪开跑，百分之百完赛率。',
    });
    await make('去年年底', ningboDaily, { issueDate: '2023-12-31', pageLabel: '2', kind: 'notice' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('lists rows with an excerpt instead of the body, and no rawText; the clipping itself has both', async () => {
    const body = `${'鱼台县校车安全检查，'.repeat(12)}\n\n第二段`;
    const long = await createClipping(t, ningboDaily.id, {
      title: '长文一篇',
      body,
      rawText: '鱼台县\n校车',
    });
    const short = await createClipping(t, ningboDaily.id, { title: '短讯一则', body: '鱼台\n简讯。' });
    const res = await t.http().get('/api/clippings').query({ publicationId: ningboDaily.id }).expect(200);
    const rows = (res.body as Page<ClippingListItem>).items;
    const row = rows.find((c) => c.id === long.id)!;
    expect(row).not.toHaveProperty('body');
    expect(row).not.toHaveProperty('rawText');
    expect(row.excerpt).toBe(`${Array.from(body.replace(/\s+/g, ' ')).slice(0, 80).join('')}…`);
    expect(rows.find((c) => c.id === short.id)?.excerpt).toBe('鱼台 简讯。');
    const full = (await t.http().get(`/api/clippings/${long.id}`).expect(200)).body as Clipping;
    expect(full).toMatchObject({ body, rawText: '鱼台县\n校车' });
    // The same rows with q: the excerpt, and the highlight around the hits.
    const found = await t
      .http()
      .get('/api/clippings')
      .query({ q: '校车', publicationId: ningboDaily.id })
      .expect(200);
    const hit = (found.body as Page<ClippingListItem>).items.find((c) => c.id === long.id)!;
    expect(hit).toMatchObject({ excerpt: row.excerpt });
    expect(hit).not.toHaveProperty('body');
    expect(hit.highlight?.snippet).toContain('<mark>校车</mark>');
    for (const id of [long.id, short.id]) await t.http().delete(`/api/clippings/${id}`).expect(204);
  });

  it('answers a page: newest issue first, then pages in printed order', async () => {
    const res = await t.http().get('/api/clippings').expect(200);
    expect(res.body).toMatchObject({ total: 5, page: 1, pageSize: 50 });
    expect((res.body as Page<Clipping>).items.map((c) => c.title)).toEqual([
      '三月十版',
      '二月A2',
      '一月头版',
      '一月三版',
      '去年年底',
    ]);
    expect(res.body.items[0]).toMatchObject({ publicationName: '宁波日报', tags: [{ name: '体育' }] });
  });

  it('filters by issue date range (inclusive)', async () => {
    expect(await titles('?from=2024-01-05&to=2024-02-10&sort=issueDate,pageSort')).toEqual([
      '一月头版',
      '一月三版',
      '二月A2',
    ]);
    expect(await titles('?from=2024-02-11')).toEqual(['三月十版']);
    expect(await titles('?to=2023-12-31')).toEqual(['去年年底']);
  });

  it('filters by publication, kind, status and page label (any spelling of the page)', async () => {
    expect(await titles(`?publicationId=${ningboDaily.id}`)).toEqual(['三月十版', '去年年底']);
    expect(await titles('?kind=brief')).toEqual(['一月三版']);
    expect(await titles('?status=reviewed')).toEqual(['二月A2']);
    expect(await titles(`?pageLabel=${encodeURIComponent('3')}`)).toEqual(['一月三版']);
    expect(await titles(`?pageLabel=${encodeURIComponent('第3版')}`)).toEqual(['一月三版']);
    expect(await titles('?pageLabel=A2')).toEqual(['二月A2']);
  });

  it('filters by tag including its descendants', async () => {
    expect(await titles(`?tagId=${society.id}&sort=title`)).toEqual(
      ['一月三版', '一月头版', '二月A2'].sort(),
    );
    expect(await titles(`?tagId=${education.id}`)).toEqual(['二月A2', '一月三版']);
    expect(await titles(`?tagId=${university.id}`)).toEqual(['二月A2']);
    expect(await titles(`?tagId=${sport.id}`)).toEqual(['三月十版']);
    expect(await titles('?tagId=999999')).toEqual([]);
  });

  it('filters by region including the regions inside it', async () => {
    expect(await titles(`?regionId=${zj.zhejiang.id}`)).toEqual(['三月十版', '二月A2', '一月三版']);
    expect(await titles(`?regionId=${zj.hangzhou.id}`)).toEqual(['二月A2', '一月三版']);
    expect(await titles(`?regionId=${zj.xihu.id}`)).toEqual(['一月三版']);
    expect(await titles(`?regionId=${zj.ningbo.id}`)).toEqual(['三月十版']);
  });

  it('combines filters', async () => {
    expect(await titles(`?tagId=${society.id}&regionId=${zj.hangzhou.id}&from=2024-02-01`)).toEqual([
      '二月A2',
    ]);
  });

  it('q matches title or body text (wildcards literal)', async () => {
    expect(await titles(`?q=${encodeURIComponent('马拉松')}`)).toEqual(['三月十版']);
    expect(await titles(`?q=${encodeURIComponent('一月')}`)).toEqual(['一月头版', '一月三版']);
    expect(await titles('?q=%25')).toEqual([]);
  });

  it('sorts by whitelisted fields, - for descending, id breaking ties', async () => {
    expect(await titles('?sort=issueDate')).toEqual([
      '去年年底',
      '一月头版',
      '一月三版',
      '二月A2',
      '三月十版',
    ]);
    expect(await titles('?sort=-pageSort')).toEqual([
      '二月A2',
      '三月十版',
      '一月三版',
      '去年年底',
      '一月头版',
    ]);
    const byId = await t.http().get('/api/clippings?sort=-id').expect(200);
    const got = (byId.body as Page<Clipping>).items.map((c) => c.id);
    expect(got).toEqual([...got].sort((a, b) => b - a));
  });

  it('paginates', async () => {
    const page1 = await t.http().get('/api/clippings?pageSize=2&page=1').expect(200);
    const page3 = await t.http().get('/api/clippings?pageSize=2&page=3').expect(200);
    const page4 = await t.http().get('/api/clippings?pageSize=2&page=4').expect(200);
    expect(page1.body).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(page1.body.items.map((c: Clipping) => c.title)).toEqual(['三月十版', '二月A2']);
    expect(page3.body.items.map((c: Clipping) => c.title)).toEqual(['去年年底']);
    expect(page4.body).toMatchObject({ items: [], total: 5, page: 4 });
    await t.http().get('/api/clippings?pageSize=200').expect(200);
    await t.http().get('/api/clippings?pageSize=1').expect(200);
  });

  it.each([
    ['pageSize=201', 'pageSize'],
    ['pageSize=0', 'pageSize'],
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['page=1.5', 'page'],
    ['from=2024-13-45', 'from'],
    ['to=2024-02-30', 'to'],
    ['from=20240105', 'from'],
    ['kind=poem', 'kind'],
    ['status=done', 'status'],
    ['tagId=abc', 'tagId'],
    ['regionId=-3', 'regionId'],
    ['publicationId=x', 'publicationId'],
    ['sort=body', 'sort'],
    ['sort=-issueDate,password', 'sort'],
    ['colour=red', 'colour'],
    ['from=2024-03-01&to=2024-01-01', 'to'],
  ])('400 for %s naming %s', async (query, field) => {
    const res = await t.http().get(`/api/clippings?${query}`).expect(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      message: `Validation failed: ${field}`,
    });
    expect(res.body.details[0].field).toBe(field);
  });

  it('names every bad query field at once', async () => {
    const res = await t.http().get('/api/clippings?pageSize=201&from=2024-13-45&kind=poem&x=1').expect(400);
    expect(res.body.message).toBe('Validation failed: from, kind, pageSize, x');
  });

  it('returns ids in list order (item ids match the seeded clippings)', async () => {
    const res = await t.http().get('/api/clippings?sort=issueDate&pageSize=1').expect(200);
    expect(res.body.items[0].id).toBe(ids['去年年底']);
  });
});
