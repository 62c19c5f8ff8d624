import type { AuditEvent, Clipping, Page, Publication } from '@jianbao/contracts';
import { filePage, readPage, SAMPLE_JINING_P2 } from '../fixtures/continuations';
import { createClipping, createPublication, createTag } from '../fixtures/seed';
import { startTestApp, TEST_ADMIN, type TestApp } from '../fixtures/test-app';

/**
 * The audit log records the editor's writes too — filing, creating and editing clippings, bulk edits,
 * rule applications — each in the transaction of the write, so a refused write leaves no event.
 */
describe('audit log: filing, edits and rule applications', () => {
  let t: TestApp;
  let pub: Publication;

  const events = async (action: string): Promise<AuditEvent[]> =>
    ((await t.http().get(`/api/audit?action=${action}&pageSize=200`).expect(200)).body as Page<AuditEvent>)
      .items;

  beforeAll(async () => {
    t = await startTestApp();
    pub = await createPublication(t, { name: '济宁日报' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('records a filed page with its import, publication, date, page and count', async () => {
    const filed = await filePage(t, pub.id, '2', readPage(SAMPLE_JINING_P2));
    const [event] = await events('page-filed');
    expect(event).toMatchObject({
      actorName: TEST_ADMIN,
      targetType: 'import',
      targetId: String(filed.import.id),
      detail: {
        publicationId: pub.id,
        publicationName: '济宁日报',
        issueDate: '2024-10-22',
        pageLabel: '2',
        clippings: filed.clippings.length,
      },
    });
  });

  it('records a created and an edited clipping with the fields that changed', async () => {
    const c = await createClipping(t, pub.id, { title: '审计日志里的剪报' });
    expect((await events('clipping-created')).find((e) => e.targetId === String(c.id))).toMatchObject({
      actorName: TEST_ADMIN,
      targetType: 'clipping',
      detail: { label: '审计日志里的剪报' },
    });
    const tag = await createTag(t, { name: '审计' });
    await t
      .http()
      .patch(`/api/clippings/${c.id}`)
      .send({ title: '改过的标题', status: 'reviewed', tagIds: [tag.id], version: c.version })
      .expect(200);
    const edited = (await events('clipping-edited')).filter((e) => e.targetId === String(c.id));
    expect(edited).toHaveLength(1);
    expect(edited[0]?.detail).toEqual({ label: '改过的标题', fields: ['title', 'status', 'tags'] });

    // A refused (stale) edit is rolled back with its event.
    await t
      .http()
      .patch(`/api/clippings/${c.id}`)
      .send({ title: '过期的修改', version: c.version })
      .expect(409);
    expect((await events('clipping-edited')).filter((e) => e.targetId === String(c.id))).toHaveLength(1);
  });

  it('records a bulk edit with its count and change', async () => {
    const a = await createClipping(t, pub.id);
    const b = await createClipping(t, pub.id);
    await t
      .http()
      .post('/api/clippings/bulk')
      .send({ ids: [a.id, b.id], status: 'reviewed' })
      .expect(200);
    const [event] = await events('clippings-bulk-edited');
    expect(event?.detail).toEqual({ count: 2, status: 'reviewed' });
  });

  it('records a rule application with the tag, and nothing for a dry run or a refused one', async () => {
    await createClipping(t, pub.id, { body: '梁山县新建了一座图书馆。' });
    const tag = await createTag(t, { name: '梁山', rule: { mode: 'any', terms: ['梁山县'] } });
    await t.http().post(`/api/tags/${tag.id}/apply`).send({ dryRun: true }).expect(200);
    expect(await events('tag-rule-applied')).toHaveLength(0);
    const applied = await t.http().post(`/api/tags/${tag.id}/apply`).send({}).expect(200);
    const [event] = await events('tag-rule-applied');
    expect(event).toMatchObject({
      targetType: 'tag',
      targetId: String(tag.id),
      detail: {
        tagName: '梁山',
        matched: (applied.body as { matched: number }).matched,
        added: expect.any(Number),
      },
    });
    const ruleless = await createTag(t, { name: '无规则' });
    await t.http().post(`/api/tags/${ruleless.id}/apply`).send({}).expect(400);
    expect(await events('tag-rule-applied')).toHaveLength(1);
  });

  it('is readable by admins only', async () => {
    await (await t.as('editor')).get('/api/audit').expect(403);
    const c = (await t.http().get('/api/clippings?pageSize=1').expect(200)).body as Page<Clipping>;
    expect(c.total).toBeGreaterThan(0);
  });
});
