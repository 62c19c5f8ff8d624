import type { Clipping, CountedPage, Page, Publication, TrashItem } from '@jianbao/contracts';
import { DataSource } from 'typeorm';
import { filePage, readPage, SAMPLE_ANKANG_P2, SAMPLE_JINING_P2 } from '../fixtures/continuations';
import { createClipping, createPublication, createTag, createZhejiang } from '../fixtures/seed';
import { startTestApp, type TestApp } from '../fixtures/test-app';

/**
 * The list's totals for the filters the kept counts answer (no filter, a publication, the drafts, an
 * issue-date range, without region or tag, a region or a topic with everything below it) agree with the
 * rows after every kind of write.
 */
describe('list totals from the kept counts', () => {
  let t: TestApp;
  let a: Publication;
  let b: Publication;
  let tagId: number;
  let childTagId: number;
  let zj: Awaited<ReturnType<typeof createZhejiang>>;

  beforeAll(async () => {
    t = await startTestApp();
    a = await createPublication(t, { name: '济宁日报' });
    b = await createPublication(t, { name: '安康日报' });
    zj = await createZhejiang(t);
    tagId = (await createTag(t, { name: '民生' })).id;
    childTagId = (await createTag(t, { name: '教育', parentId: tagId })).id;
  });

  afterAll(async () => {
    await t.close();
  });

  const total = async (query: Record<string, string | number>): Promise<number> =>
    (
      (
        await t
          .http()
          .get('/api/clippings')
          .query({ ...query, pageSize: 1 })
          .expect(200)
      ).body as CountedPage<Clipping>
    ).total;

  /** Each filter's total against a count of the rows themselves. */
  async function expectTotalsMatchRows(): Promise<void> {
    const db = t.app.get(DataSource);
    const rows = async (where: string, params: unknown[] = []): Promise<number> => {
      const sql = `SELECT COUNT(*) AS n FROM clipping c${where ? ` WHERE ${where}` : ''}`;
      const numbered =
        db.options.type === 'postgres'
          ? sql.replace(
              /\?/g,
              (() => {
                let i = 0;
                return () => `$${++i}`;
              })(),
            )
          : sql;
      const [row] = (await db.query(numbered, params)) as Array<{ n: number | string }>;
      return Number(row?.n ?? 0);
    };
    const cases: Array<[Record<string, string | number>, string, unknown[]]> = [
      [{}, '', []],
      [{ publicationId: a.id }, 'c.publication_id = ?', [a.id]],
      [{ publicationId: b.id }, 'c.publication_id = ?', [b.id]],
      [{ status: 'draft' }, "c.status = 'draft'", []],
      [{ from: '2024-10-22', to: '2024-10-22' }, "c.issue_date = '2024-10-22'", []],
      [{ from: '2024-10-23' }, "c.issue_date >= '2024-10-23'", []],
      [{ to: '2024-10-21' }, "c.issue_date <= '2024-10-21'", []],
      [{ missing: 'region' }, 'NOT EXISTS (SELECT 1 FROM clipping_region r WHERE r.clipping_id = c.id)', []],
      [{ missing: 'tag' }, 'NOT EXISTS (SELECT 1 FROM clipping_tag x WHERE x.clipping_id = c.id)', []],
      ...[zj.zhejiang.id, zj.hangzhou.id, zj.ningbo.id].map(
        (id): [Record<string, number>, string, unknown[]] => [
          { regionId: id },
          'EXISTS (SELECT 1 FROM clipping_region r WHERE r.clipping_id = c.id AND r.region_id IN (' +
            'WITH RECURSIVE s(id) AS (SELECT CAST(? AS INTEGER) UNION ALL SELECT g.id FROM region g JOIN s ON g.parent_id = s.id) ' +
            'SELECT id FROM s))',
          [id],
        ],
      ),
      [
        { tagId },
        'EXISTS (SELECT 1 FROM clipping_tag x WHERE x.clipping_id = c.id AND x.tag_id IN (?, ?))',
        [tagId, childTagId],
      ],
      [
        { tagId: childTagId },
        'EXISTS (SELECT 1 FROM clipping_tag x WHERE x.clipping_id = c.id AND x.tag_id = ?)',
        [childTagId],
      ],
    ];
    for (const [query, where, params] of cases) {
      const [got, want] = [await total(query), await rows(where, params)];
      expect([query, got]).toEqual([query, want]);
    }
  }

  it('agree after filing, editing, moving dates and status, deleting, restoring and purging', async () => {
    await expectTotalsMatchRows();
    await filePage(t, a.id, '2', readPage(SAMPLE_JINING_P2));
    await filePage(t, b.id, '2', readPage(SAMPLE_ANKANG_P2));
    const early = await createClipping(t, a.id, {
      title: '早一天的简讯',
      issueDate: '2024-10-21',
      regionCodes: ['330106'],
    });
    const late = await createClipping(t, b.id, {
      title: '晚一天的简讯',
      issueDate: '2024-10-24',
      status: 'draft',
      tagIds: [childTagId],
      regionCodes: ['330106'],
    });
    await expectTotalsMatchRows();
    expect(await total({ from: '2024-10-23' })).toBe(1);
    // The topic counts its sub-tag's clipping; 浙江 counts its 西湖区 clippings once each.
    expect(await total({ tagId })).toBe(1);
    expect(await total({ regionId: zj.zhejiang.id })).toBeGreaterThanOrEqual(2);

    await t
      .http()
      .patch(`/api/clippings/${late.id}`)
      .send({ version: late.version, issueDate: '2024-10-20', status: 'reviewed', publicationId: a.id })
      .expect(200);
    await t
      .http()
      .patch(`/api/clippings/${early.id}`)
      .send({ version: early.version, regionCodes: [], tagIds: [] })
      .expect(200);
    await expectTotalsMatchRows();
    expect(await total({ from: '2024-10-23' })).toBe(0);

    await t.http().delete(`/api/clippings/${early.id}`).expect(204);
    await expectTotalsMatchRows();
    const trash = (await t.http().get('/api/trash?pageSize=200').expect(200)).body as Page<TrashItem>;
    const item = trash.items.find((i) => i.entityId === early.id);
    if (!item) throw new Error('the deleted clipping is not in the trash');
    await t.http().post(`/api/trash/${item.id}/restore`).expect(200);
    await expectTotalsMatchRows();
    await t.http().delete(`/api/clippings/${early.id}`).expect(204);
    const again = (await t.http().get('/api/trash?pageSize=200').expect(200)).body as Page<TrashItem>;
    const second = again.items.find((i) => i.entityId === early.id);
    if (!second) throw new Error('the deleted clipping is not in the trash');
    await t.http().delete(`/api/trash/${second.id}`).expect(204);
    await expectTotalsMatchRows();
  });
});
