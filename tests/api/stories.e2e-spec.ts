import type { Clipping, KeywordSuggestion, SameStory } from '@jianbao/contracts';
import { SAMPLE_PAGE_000, SAMPLE_PAGE_004, sampleClippingBodies } from '../fixtures/sample-clippings';
import { createClipping, createPublication, createTag } from '../fixtures/seed';
import { startTestApp, type TestApp } from '../fixtures/test-app';

const squash = (s: string): string => s.replace(/\s+/g, '');

describe('same story and keywords', () => {
  let t: TestApp;
  let page000: Clipping[];
  let page004: Clipping[];

  beforeAll(async () => {
    t = await startTestApp();
    const a = await createPublication(t, { name: '济宁日报' });
    const b = await createPublication(t, { name: '安康日报' });
    const file = async (bodies: ReturnType<typeof sampleClippingBodies>): Promise<Clipping[]> => {
      const out: Clipping[] = [];
      for (const body of bodies) out.push(await createClipping(t, body.publicationId, body));
      return out;
    };
    page000 = await file(sampleClippingBodies(SAMPLE_PAGE_000, a.id, '2'));
    page004 = await file(sampleClippingBodies(SAMPLE_PAGE_004, b.id, '2'));
  });

  afterAll(async () => {
    await t.close();
  });

  const stories = async (id: number): Promise<SameStory[]> =>
    (await t.http().get(`/api/clippings/${id}/stories`).expect(200)).body as SameStory[];

  it('recognises the Xinhua policy text (whole on 000, tail only on 004) across the two papers, nothing else', async () => {
    const whole = page000.find((c) => squash(c.body).includes('产业工人是工人阶级的主体力量'));
    const tail = page004.find((c) => squash(c.body).includes('2000名左右大国工匠'));
    expect(whole).toBeDefined();
    expect(tail).toBeDefined();

    const fromWhole = await stories(whole!.id);
    expect(fromWhole.map((s) => s.clipping.id)).toEqual([tail!.id]);
    expect(fromWhole[0]!.containment).toBeGreaterThan(0.8);
    expect(fromWhole[0]!.clipping).toMatchObject({ publicationName: '安康日报', pageLabel: '2' });

    const fromTail = await stories(tail!.id);
    expect(fromTail.map((s) => s.clipping.id)).toEqual([whole!.id]);

    for (const c of [...page000, ...page004]) {
      if (c.id === whole!.id || c.id === tail!.id) continue;
      expect({ id: c.id, title: c.title, found: await stories(c.id) }).toEqual({
        id: c.id,
        title: c.title,
        found: [],
      });
    }
  });

  it('re-indexes a clipping after its body is edited', async () => {
    const p = await createPublication(t);
    const tail = page004.find((c) => squash(c.body).includes('2000名左右大国工匠'))!;
    const copy = await createClipping(t, p.id, {
      body: '与此无关的一篇稿子，讲的是社区食堂开业的事情，老人吃饭不再犯愁。',
    });
    expect(await stories(copy.id)).toEqual([]);
    await t.http().patch(`/api/clippings/${copy.id}`).send({ body: tail.body }).expect(200);
    expect((await stories(copy.id)).map((s) => s.clipping.id)).toContain(tail.id);
  });

  it('404 for an unknown clipping', async () => {
    await t.http().get('/api/clippings/999999/stories').expect(404);
    await t.http().get('/api/clippings/999999/keywords').expect(404);
  });

  it('suggests topic keywords without place names or the tags it already carries', async () => {
    const whole = page000.find((c) => squash(c.body).includes('产业工人是工人阶级的主体力量'))!;
    const first = (await t.http().get(`/api/clippings/${whole.id}/keywords`).expect(200))
      .body as KeywordSuggestion[];
    expect(first.length).toBeGreaterThan(0);
    expect(first[0]).toEqual({ keyword: expect.any(String), weight: expect.any(Number) });
    const words = first.map((k) => k.keyword);
    expect(words).toContain('产业工人');
    for (const place of ['北京', '北京市', '中国']) expect(words).not.toContain(place);

    const tag = await createTag(t, { name: '产业工人' });
    await t
      .http()
      .patch(`/api/clippings/${whole.id}`)
      .send({ tagIds: [tag.id] })
      .expect(200);
    const second = (await t.http().get(`/api/clippings/${whole.id}/keywords`).expect(200))
      .body as KeywordSuggestion[];
    expect(second.map((k) => k.keyword)).not.toContain('产业工人');
  });
});

describe('filing runs the tag rules and indexes the new clippings', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('tags matching clippings (rule) when a page is filed via POST /api/imports', async () => {
    const tag = await createTag(t, { rule: { mode: 'any', terms: ['梁山县'] } });
    const p = await createPublication(t, { name: '济宁日报' });
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const text = readFileSync(join(__dirname, '..', 'fixtures', 'pages', SAMPLE_PAGE_000), 'utf8');
    const res = await t
      .http()
      .post('/api/imports')
      .send({ text, publicationId: p.id, issueDate: '2024-10-22', pageLabel: '2' });
    expect(res.status).toBe(201);
    const filed = res.body.clippings as Clipping[];
    expect(filed.length).toBeGreaterThan(3);
    const tagged = filed.filter((c) => c.tags.some((l) => l.id === tag.id && l.source === 'rule'));
    const expected = filed.filter((c) =>
      [c.kicker, c.title, c.subtitle, c.body].some((s) => s?.includes('梁山县')),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(tagged.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
  });
});
