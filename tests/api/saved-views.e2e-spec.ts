import type { ApiError, Clipping, Page, Publication, SavedView, Tag } from '@jianbao/contracts';
import { createClipping, createPublication, createTag } from '../fixtures/seed';
import { startTestApp, TEST_PASSWORD, type TestAgent, type TestApp } from '../fixtures/test-app';

/**
 * Saved views over HTTP: a view is a stored list query string, counted by the list's own query;
 * personal views are their owner's alone, shared ones are seen by all and changed by admins only.
 */
describe('saved views', () => {
  let t: TestApp;
  let pub: Publication;
  let other: Publication;
  let tag: Tag;
  let admin: TestAgent;
  let editor: TestAgent;
  let viewer: TestAgent;
  /** A second editor, to see that a personal view stays personal. */
  let editor2: TestAgent;
  /** A second admin: shared views are every admin's to edit. */
  let admin2: TestAgent;

  const login = async (username: string, role: 'editor' | 'admin'): Promise<TestAgent> => {
    await t.http().post('/api/users').send({ username, password: TEST_PASSWORD, role }).expect(201);
    const res = await t
      .anon()
      .post('/api/auth/login')
      .send({ username, password: TEST_PASSWORD })
      .expect(200);
    return t.anon().set('Authorization', `Bearer ${(res.body as { token: string }).token}`);
  };

  /** The list's total for a query string, as the list itself answers it. */
  const listTotal = async (query: string): Promise<number> =>
    ((await admin.get(`/api/clippings?${query}`).expect(200)).body as Page<Clipping>).total;

  const names = async (agent: TestAgent): Promise<string[]> =>
    ((await agent.get('/api/saved-views').expect(200)).body as SavedView[]).map((v) => v.name);

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.http();
    editor = await t.as('editor');
    viewer = await t.as('viewer');
    editor2 = await login('第二编辑', 'editor');
    admin2 = await login('第二管理员', 'admin');
    pub = await createPublication(t, { name: '济宁日报' });
    other = await createPublication(t, { name: '安康日报' });
    tag = await createTag(t, { name: '交通' });
    await createClipping(t, pub.id, { title: '鱼台护学岗', issueDate: '2024-10-22', tagIds: [tag.id] });
    await createClipping(t, pub.id, {
      title: '梁山县新建学校',
      body: '梁山县今年新建三所学校。',
      issueDate: '2024-10-21',
      status: 'reviewed',
    });
    await createClipping(t, pub.id, { title: '简讯', kind: 'brief', issueDate: '2024-09-01' });
    await createClipping(t, other.id, {
      title: '安康新闻',
      body: '梁山的客人来到安康。',
      issueDate: '2024-10-22',
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it('saves the list query, canonical and without the page, and counts it as the list does', async () => {
    const res = await editor
      .post('/api/saved-views')
      .send({
        name: '  济宁十月  ',
        query: `?sort=title&to=2024-10-31&page=3&publicationId=${pub.id}&from=2024-10-01`,
      })
      .expect(201);
    const view = res.body as SavedView;
    expect(view).toMatchObject({
      name: '济宁十月',
      query: `publicationId=${pub.id}&from=2024-10-01&to=2024-10-31&sort=title`,
      shared: false,
      ownerName: 'editor-用户',
      editable: true,
      count: 2,
      countExact: true,
    });
    expect(view.count).toBe(await listTotal(view.query));
  });

  it('counts every kind of filter through the list: text, tag, enum, and a query matching nothing', async () => {
    const cases = [
      'q=梁山',
      `tagId=${tag.id}`,
      'kind=brief',
      'status=reviewed&q=学校',
      'q=没有这样的剪报',
      'pageLabel=第三版&sort=-issueDate',
    ];
    for (const [i, query] of cases.entries()) {
      const view = (
        await editor
          .post('/api/saved-views')
          .send({ name: `视图${i}`, query })
          .expect(201)
      ).body as SavedView;
      expect([query, view.count]).toEqual([query, await listTotal(query)]);
    }
    const listed = (await editor.get('/api/saved-views').expect(200)).body as SavedView[];
    for (const v of listed) expect([v.name, v.count]).toEqual([v.name, await listTotal(v.query)]);
    // Counts follow the data: a new matching clipping is counted at once.
    await createClipping(t, pub.id, { title: '梁山又一所学校', issueDate: '2024-10-23' });
    const q = ((await editor.get('/api/saved-views').expect(200)).body as SavedView[]).find(
      (v) => v.query === `q=${encodeURIComponent('梁山')}`,
    );
    expect(q?.count).toBe(3);
  });

  it('re-saves, renames and deletes a view; names are unique per owner', async () => {
    const view = (
      await editor.post('/api/saved-views').send({ name: '待改', query: 'kind=brief' }).expect(201)
    ).body as SavedView;
    const clash = await editor
      .post('/api/saved-views')
      .send({ name: '待改', query: 'kind=photo' })
      .expect(409);
    expect((clash.body as ApiError).message).toContain('待改');
    // Another owner may use the same name.
    await editor2.post('/api/saved-views').send({ name: '待改', query: 'kind=photo' }).expect(201);
    const updated = (
      await editor
        .patch(`/api/saved-views/${view.id}`)
        .send({ name: '简讯', query: 'kind=brief&status=draft' })
        .expect(200)
    ).body as SavedView;
    expect(updated).toMatchObject({ id: view.id, name: '简讯', query: 'kind=brief&status=draft', count: 1 });
    await editor.patch(`/api/saved-views/${view.id}`).send({ name: '济宁十月' }).expect(409);
    await editor.delete(`/api/saved-views/${view.id}`).expect(204);
    await editor.get(`/api/saved-views/${view.id}`).expect(404);
    expect(await names(editor)).not.toContain('简讯');
  });

  it('keeps a personal view to its owner: others, admins included, neither see nor touch it', async () => {
    const mine = (await editor2.post('/api/saved-views').send({ name: '我的', query: 'q=鱼台' }).expect(201))
      .body as SavedView;
    expect(await names(editor2)).toContain('我的');
    for (const agent of [editor, viewer, admin]) {
      expect(await names(agent)).not.toContain('我的');
      await agent.get(`/api/saved-views/${mine.id}`).expect(404);
      await agent.patch(`/api/saved-views/${mine.id}`).send({ name: '抢走' }).expect(404);
      await agent.delete(`/api/saved-views/${mine.id}`).expect(404);
    }
    expect(((await editor2.get(`/api/saved-views/${mine.id}`).expect(200)).body as SavedView).name).toBe(
      '我的',
    );
  });

  it('lets a viewer keep personal views, and only admins share, edit or delete a shared view', async () => {
    const own = (
      await viewer.post('/api/saved-views').send({ name: '读者的', query: 'status=draft' }).expect(201)
    ).body as SavedView;
    await viewer.patch(`/api/saved-views/${own.id}`).send({ query: 'status=reviewed' }).expect(200);
    for (const agent of [viewer, editor]) {
      const refused = await agent
        .post('/api/saved-views')
        .send({ name: '共享试试', query: 'kind=article', shared: true })
        .expect(403);
      expect((refused.body as ApiError).message).toMatch(/admin/i);
    }
    await viewer.patch(`/api/saved-views/${own.id}`).send({ shared: true }).expect(403);

    const shared = (
      await admin
        .post('/api/saved-views')
        .send({ name: '全馆：交通', query: `tagId=${tag.id}`, shared: true })
        .expect(201)
    ).body as SavedView;
    expect(shared).toMatchObject({ shared: true, editable: true, count: 1 });
    for (const agent of [viewer, editor, editor2]) {
      const seen = ((await agent.get('/api/saved-views').expect(200)).body as SavedView[]).find(
        (v) => v.id === shared.id,
      );
      expect(seen).toMatchObject({ shared: true, editable: false, count: 1, ownerName: '测试管理员' });
      await agent.patch(`/api/saved-views/${shared.id}`).send({ name: '改名' }).expect(403);
      await agent.delete(`/api/saved-views/${shared.id}`).expect(403);
    }
    // Another admin may edit it; the name stays unique among its owner's views.
    const renamed = (
      await admin2.patch(`/api/saved-views/${shared.id}`).send({ name: '全馆：交通安全' }).expect(200)
    ).body as SavedView;
    expect(renamed).toMatchObject({ name: '全馆：交通安全', ownerName: '测试管理员', editable: true });
    // Unsharing makes it its owner's personal view again.
    await admin2.patch(`/api/saved-views/${shared.id}`).send({ shared: false }).expect(200);
    await admin2.get(`/api/saved-views/${shared.id}`).expect(404);
    expect(((await admin.get(`/api/saved-views/${shared.id}`).expect(200)).body as SavedView).shared).toBe(
      false,
    );
    await admin.delete(`/api/saved-views/${shared.id}`).expect(204);
  });

  it('refuses a stored query the list would refuse, naming the field inside the query', async () => {
    const cases: Array<[string, string]> = [
      ['kind=poem', 'query.kind'],
      ['from=2024-02-30', 'query.from'],
      ['colour=red', 'query.colour'],
      ['sort=wordCount', 'query.sort'],
      ['publicationId=abc', 'query.publicationId'],
      ['from=2024-10-31&to=2024-10-01', 'query.to'],
      ['kind=article&kind=photo', 'query.kind'],
      ['page=0', 'query.page'],
      [`q=${'长'.repeat(201)}`, 'query.q'],
      ['q=a%00b', 'query.q'],
    ];
    for (const [query, field] of cases) {
      const res = await editor.post('/api/saved-views').send({ name: `坏的 ${query.slice(0, 20)}`, query });
      expect([query, res.status]).toEqual([query, 400]);
      const details = (res.body as ApiError).details as { field: string }[];
      expect([query, details.map((d) => d.field)]).toEqual([query, expect.arrayContaining([field])]);
    }
    expect(await names(editor)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^坏的/)]));
  });

  it('checks names: 1–80 characters, not blank', async () => {
    await editor.post('/api/saved-views').send({ name: '', query: '' }).expect(400);
    await editor.post('/api/saved-views').send({ name: '   ', query: '' }).expect(400);
    await editor
      .post('/api/saved-views')
      .send({ name: '名'.repeat(81), query: '' })
      .expect(400);
    const longest = (
      await editor
        .post('/api/saved-views')
        .send({ name: '名'.repeat(80), query: '' })
        .expect(201)
    ).body as SavedView;
    // The empty query is the whole list.
    expect(longest.count).toBe(await listTotal(''));
  });

  it('answers 401 without a login', async () => {
    await t.anon().get('/api/saved-views').expect(401);
    await t.anon().post('/api/saved-views').send({ name: 'x', query: '' }).expect(401);
  });
});
