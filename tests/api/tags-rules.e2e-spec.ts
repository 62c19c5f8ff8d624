import type { ApplyRuleResult, Clipping, Publication, Tag } from '@jianbao/contracts';
import { createClipping, createPublication, createTag } from '../fixtures/seed';
import { startTestApp, type TestApp } from '../fixtures/test-app';

describe('/api/tags — tree editing and auto-tagging rules', () => {
  let t: TestApp;
  let pub: Publication;

  beforeAll(async () => {
    t = await startTestApp();
    pub = await createPublication(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const getClipping = async (id: number): Promise<Clipping> =>
    (await t.http().get(`/api/clippings/${id}`).expect(200)).body as Clipping;
  const tagLinks = async (id: number): Promise<Array<[number, string]>> =>
    (await getClipping(id)).tags.map((l) => [l.id, l.source] as [number, string]).sort((a, b) => a[0] - b[0]);

  describe('PATCH /api/tags/:id', () => {
    it('renames, recolours, moves and sets/clears the rule', async () => {
      const a = await createTag(t);
      const b = await createTag(t);
      const res = await t
        .http()
        .patch(`/api/tags/${b.id}`)
        .send({ name: '改名', color: '#00ff00', parentId: a.id, rule: { mode: 'any', terms: ['梁山县'] } })
        .expect(200);
      expect(res.body).toMatchObject({
        name: '改名',
        color: '#00ff00',
        parentId: a.id,
        rule: { mode: 'any', terms: ['梁山县'] },
      });
      const cleared = await t.http().patch(`/api/tags/${b.id}`).send({ rule: null }).expect(200);
      expect(cleared.body.rule).toBeNull();
    });

    it('400 when moving under itself or a descendant; 409 on a sibling name clash', async () => {
      const a = await createTag(t);
      const child = await createTag(t, { parentId: a.id });
      const grandchild = await createTag(t, { parentId: child.id });
      await t.http().patch(`/api/tags/${a.id}`).send({ parentId: a.id }).expect(400);
      const res = await t.http().patch(`/api/tags/${a.id}`).send({ parentId: grandchild.id }).expect(400);
      expect(res.body.details[0].field).toBe('parentId');
      const other = await createTag(t, { name: child.name });
      await t.http().patch(`/api/tags/${other.id}`).send({ parentId: a.id }).expect(409);
    });
  });

  describe('rule validation', () => {
    it.each([
      ['a bad regex', { mode: 'regex', terms: [], pattern: '([' }, 'rule.pattern'],
      ['a catastrophic pattern', { mode: 'regex', terms: [], pattern: '(a+)+$' }, 'rule.pattern'],
      ['empty terms', { mode: 'any', terms: ['  ', ''] }, 'rule.terms'],
      ['an unknown mode', { mode: 'maybe', terms: ['x'] }, 'rule.mode'],
    ])('400 for %s, naming %s', async (_what, rule, field) => {
      for (const req of [
        t
          .http()
          .post('/api/tags')
          .send({ name: `规则${field}${Math.random()}`, rule }),
        t.http().post('/api/tags/rules/preview').send({ rule }),
      ]) {
        const res = await req.expect(400);
        expect(res.body.details).toEqual(
          expect.arrayContaining([expect.objectContaining({ field, errors: [expect.any(String)] })]),
        );
      }
      const tag = await createTag(t);
      await t.http().patch(`/api/tags/${tag.id}`).send({ rule }).expect(400);
    });

    it('400 for a preview without a rule', async () => {
      await t.http().post('/api/tags/rules/preview').send({}).expect(400);
    });
  });

  describe('preview and apply', () => {
    let tag: Tag;
    let hit1: Clipping;
    let hit2: Clipping;
    let manual: Clipping;
    let miss: Clipping;

    beforeAll(async () => {
      hit1 = await createClipping(t, pub.id, {
        title: '梁山明信片',
        body: '济宁市梁山县人民政府近日发布通知，倡导移风易俗。',
      });
      hit2 = await createClipping(t, pub.id, { kicker: '梁山县', title: '秋收', body: '秋收秋种稳步推进。' });
      manual = await createClipping(t, pub.id, { body: '梁山县的好汉文化节开幕。' });
      miss = await createClipping(t, pub.id, { body: '西湖区新开一家社区食堂。' });
      tag = await createTag(t, { rule: { mode: 'any', terms: ['梁山县'] } });
      await t
        .http()
        .patch(`/api/clippings/${manual.id}`)
        .send({ tagIds: [tag.id] })
        .expect(200);
    });

    it('preview counts Chinese matches over all clippings with a sample, writing nothing', async () => {
      const res = await t
        .http()
        .post('/api/tags/rules/preview')
        .send({ rule: { mode: 'any', terms: ['梁山县'] } })
        .expect(200);
      const body = res.body as ApplyRuleResult;
      expect(body.matched).toBe(3);
      expect(body.added).toBe(0);
      expect(body.sample.map((s) => s.id).sort()).toEqual([hit1.id, hit2.id, manual.id].sort());
      expect(body.sample[0]).toMatchObject({ publicationName: pub.name, excerpt: expect.any(String) });
      expect((await getClipping(hit1.id)).tags).toEqual([]);
    });

    it('apply: dry run counts, then adds rule links without touching the manual one', async () => {
      const dry = await t.http().post(`/api/tags/${tag.id}/apply`).send({ dryRun: true }).expect(200);
      expect(dry.body).toMatchObject({ matched: 3, added: 0 });
      expect((await getClipping(hit1.id)).tags).toEqual([]);

      const res = await t.http().post(`/api/tags/${tag.id}/apply`).send({}).expect(200);
      expect(res.body).toMatchObject({ matched: 3, added: 2 });
      expect(await tagLinks(hit1.id)).toEqual([[tag.id, 'rule']]);
      expect(await tagLinks(hit2.id)).toEqual([[tag.id, 'rule']]);
      expect(await tagLinks(manual.id)).toEqual([[tag.id, 'manual']]);
      expect(await tagLinks(miss.id)).toEqual([]);

      const again = await t.http().post(`/api/tags/${tag.id}/apply`).send({}).expect(200);
      expect(again.body).toMatchObject({ matched: 3, added: 0 });
    });

    it('a PATCH keeps the source of links that stay; a removed rule link is never re-added', async () => {
      const other = await createTag(t);
      const kept = await t
        .http()
        .patch(`/api/clippings/${hit1.id}`)
        .send({ tagIds: [tag.id, other.id] })
        .expect(200);
      expect(
        (kept.body as Clipping).tags.map((l) => [l.id, l.source]).sort((a, b) => Number(a[0]) - Number(b[0])),
      ).toEqual([
        [tag.id, 'rule'],
        [other.id, 'manual'],
      ]);

      await t.http().patch(`/api/clippings/${hit2.id}`).send({ tagIds: [] }).expect(200);
      const res = await t.http().post(`/api/tags/${tag.id}/apply`).send({}).expect(200);
      expect(res.body).toMatchObject({ matched: 3, added: 0 });
      expect(await tagLinks(hit2.id)).toEqual([]);

      // Adding it back by hand lifts the exclusion and makes the link manual.
      await t
        .http()
        .patch(`/api/clippings/${hit2.id}`)
        .send({ tagIds: [tag.id] })
        .expect(200);
      expect(await tagLinks(hit2.id)).toEqual([[tag.id, 'manual']]);
    });

    it('400 when the tag has no rule, 404 for an unknown tag', async () => {
      const plain = await createTag(t);
      await t.http().post(`/api/tags/${plain.id}/apply`).send({}).expect(400);
      await t.http().post('/api/tags/999999/apply').send({}).expect(404);
    });
  });

  describe('POST /api/tags/:id/merge', () => {
    it('moves links (manual wins over rule) and children, then deletes the source', async () => {
      const source = await createTag(t);
      const target = await createTag(t, { rule: { mode: 'any', terms: ['合并测试'] } });
      const child = await createTag(t, { parentId: source.id });
      const both = await createClipping(t, pub.id, { body: '合并测试：两个标签都在。' });
      const onlySource = await createClipping(t, pub.id, { body: '只有源标签。', tagIds: [source.id] });
      await t.http().post(`/api/tags/${target.id}/apply`).send({}).expect(200); // rule link on `both`
      await t
        .http()
        .patch(`/api/clippings/${both.id}`)
        .send({ tagIds: [target.id, source.id] })
        .expect(200);
      expect(await tagLinks(both.id)).toEqual([
        [source.id, 'manual'],
        [target.id, 'rule'],
      ]);

      const res = await t.http().post(`/api/tags/${source.id}/merge`).send({ intoId: target.id }).expect(200);
      expect(res.body.id).toBe(target.id);
      expect(await tagLinks(both.id)).toEqual([[target.id, 'manual']]);
      expect(await tagLinks(onlySource.id)).toEqual([[target.id, 'manual']]);
      expect((await t.http().get(`/api/tags/${child.id}`).expect(200)).body.parentId).toBe(target.id);
      await t.http().get(`/api/tags/${source.id}`).expect(404);
    });

    it('400 into itself, a descendant or an unknown tag; 409 and nothing changed on a child name clash', async () => {
      const source = await createTag(t);
      const child = await createTag(t, { parentId: source.id });
      await t.http().post(`/api/tags/${source.id}/merge`).send({ intoId: source.id }).expect(400);
      await t.http().post(`/api/tags/${source.id}/merge`).send({ intoId: child.id }).expect(400);
      await t.http().post(`/api/tags/${source.id}/merge`).send({ intoId: 999999 }).expect(400);
      await t.http().post(`/api/tags/${source.id}/merge`).send({}).expect(400);

      const target = await createTag(t);
      await createTag(t, { parentId: target.id, name: child.name });
      const c = await createClipping(t, pub.id, { tagIds: [source.id] });
      await t.http().post(`/api/tags/${source.id}/merge`).send({ intoId: target.id }).expect(409);
      expect(await tagLinks(c.id)).toEqual([[source.id, 'manual']]);
      await t.http().get(`/api/tags/${source.id}`).expect(200);
    });
  });

  describe('DELETE /api/tags/:id?clippings=', () => {
    it('detach (default) drops the links; children move to its parent', async () => {
      const parent = await createTag(t);
      const tag = await createTag(t, { parentId: parent.id });
      const child = await createTag(t, { parentId: tag.id });
      const c = await createClipping(t, pub.id, { tagIds: [tag.id, parent.id] });
      await t.http().delete(`/api/tags/${tag.id}?clippings=detach`).expect(204);
      expect(await tagLinks(c.id)).toEqual([[parent.id, 'manual']]);
      expect((await t.http().get(`/api/tags/${child.id}`).expect(200)).body.parentId).toBe(parent.id);
    });

    it('moveToParent re-links its clippings to the parent (manual wins)', async () => {
      const parent = await createTag(t, { rule: { mode: 'any', terms: ['移到父标签'] } });
      const tag = await createTag(t, { parentId: parent.id });
      const a = await createClipping(t, pub.id, { body: '移到父标签的测试。', tagIds: [tag.id] });
      const b = await createClipping(t, pub.id, { body: '另一篇。', tagIds: [tag.id] });
      await t.http().post(`/api/tags/${parent.id}/apply`).send({}).expect(200);
      // The rule skipped `a`? No: `a` had no parent link yet, so it now has a rule link too.
      expect(await tagLinks(a.id)).toEqual([
        [parent.id, 'rule'],
        [tag.id, 'manual'],
      ]);
      await t.http().delete(`/api/tags/${tag.id}?clippings=moveToParent`).expect(204);
      expect(await tagLinks(a.id)).toEqual([[parent.id, 'manual']]);
      expect(await tagLinks(b.id)).toEqual([[parent.id, 'manual']]);
    });

    it('400 for moveToParent on a top-level tag or an unknown mode; 409 on a child name clash', async () => {
      const top = await createTag(t);
      await t.http().delete(`/api/tags/${top.id}?clippings=moveToParent`).expect(400);
      await t.http().delete(`/api/tags/${top.id}?clippings=nuke`).expect(400);
      await t.http().get(`/api/tags/${top.id}`).expect(200);

      const parent = await createTag(t);
      const tag = await createTag(t, { parentId: parent.id });
      const sameName = await createTag(t, { parentId: parent.id });
      await createTag(t, { parentId: tag.id, name: sameName.name });
      await t.http().delete(`/api/tags/${tag.id}`).expect(409);
      await t.http().get(`/api/tags/${tag.id}`).expect(200);
    });
  });
});
