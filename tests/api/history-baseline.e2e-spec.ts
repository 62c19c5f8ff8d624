import type { ClippingRevision, Publication, Tag } from '@jianbao/contracts';
import { DataSource } from 'typeorm';
import { createPublication, createTag } from '../fixtures/seed';
import { StartupData, startTestApp, type TestApp } from '../fixtures/test-app';

/**
 * Clippings filed before history existed get a first revision (`baseline`) from the start-up step
 * (run here directly; it is off under NODE_ENV=test), without a version bump; a rule applied
 * afterwards then records a delta revision on top of it.
 */
describe('history baselines for clippings filed before history', () => {
  let t: TestApp;
  let pub: Publication;
  let tag: Tag;
  const ids: number[] = [];

  async function history(id: number): Promise<ClippingRevision[]> {
    return (await t.http().get(`/api/clippings/${id}/history`).expect(200)).body as ClippingRevision[];
  }

  beforeAll(async () => {
    t = await startTestApp();
    pub = await createPublication(t, { name: '老报纸' });
    tag = await createTag(t, { name: '水利', rule: { mode: 'any', terms: ['水库'] } });
    const ds = t.app.get(DataSource);
    for (const body of [
      '旧系统迁移的水库除险加固报道。',
      '旧系统迁移的秋粮收购简讯。',
      '旧系统迁移的水库蓄水通知。',
    ]) {
      await ds.query(
        `INSERT INTO clipping (publication_id, issue_date, page_label, page_sort, body) VALUES (${pub.id}, '2019-05-04', '2', '0002', '${body}')`,
      );
      const [row] = (await ds.query('SELECT MAX(id) AS id FROM clipping')) as { id: number | string }[];
      ids.push(Number(row?.id));
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('starts with no history, then gets one baseline revision each, in batches, without a version bump', async () => {
    for (const id of ids) expect(await history(id)).toEqual([]);
    const startup = t.app.get(StartupData);
    expect(await startup.recordHistoryBaselines(2)).toBe(3);
    for (const id of ids) {
      const revisions = await history(id);
      expect(revisions).toHaveLength(1);
      expect(revisions[0]).toMatchObject({
        action: 'baseline',
        version: 1,
        changes: [],
        actorName: 'system',
        detail: { historyStarts: true },
      });
      expect(revisions[0]?.snapshot.body).toContain('旧系统迁移');
      expect((await t.http().get(`/api/clippings/${id}`).expect(200)).body.version).toBe(1);
    }
    expect(await startup.recordHistoryBaselines(2)).toBe(0);
  });

  it('a rule applied afterwards records the tag added as a change on top of the baseline', async () => {
    const res = await t.http().post(`/api/tags/${tag.id}/apply`).send({}).expect(200);
    expect(res.body.added).toBe(2);
    const [reservoir] = ids;
    const revisions = await history(reservoir ?? 0);
    expect(revisions.map((r) => r.action)).toEqual(['rule', 'baseline']);
    expect(revisions[0]).toMatchObject({ version: 2, changes: [{ field: 'tags', before: [] }] });
    expect(revisions[0]?.snapshot.tags.map((x) => x.name)).toEqual(['水利']);
    expect(revisions[1]?.snapshot.tags).toEqual([]);
  });
});
