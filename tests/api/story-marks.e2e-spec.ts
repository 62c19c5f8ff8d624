import type { Clipping, StoryGroupChange, StoryGroupPage, StoryMark } from '@jianbao/contracts';
import { DataSource } from 'typeorm';
import { filePage, readPage, SAMPLE_ANKANG_P2, SAMPLE_JINING_P2 } from '../fixtures/continuations';
import { ON_POSTGRES } from '../fixtures/postgres';
import { createClipping, createPublication } from '../fixtures/seed';
import { startTestApp, type TestApp } from '../fixtures/test-app';

const squash = (s: string): string => s.replace(/\s+/g, '');

/** Ends a transaction made only to be looked at, carrying what was seen. */
class Rollback extends Error {
  constructor(readonly lines: string[]) {
    super('rolled back');
  }
}
const WHOLE_MARK = '产业工人是工人阶级的主体力量';
const TAIL_MARK = '2000名左右大国工匠';

describe('GET /api/stories/marks: the same-story marks of a list page', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp();
  });

  afterEach(async () => {
    await t.close();
  });

  const marks = async (ids: readonly number[]): Promise<StoryMark[]> =>
    (
      await t
        .http()
        .get('/api/stories/marks')
        .query({ ids: ids.join(',') })
        .expect(200)
    ).body as StoryMark[];

  /** Files both sample pages (济宁 and 安康, page 2): the Xinhua wire story is on both. */
  async function fileSamples(): Promise<{ whole: Clipping; tail: Clipping; others: Clipping[] }> {
    const a = await createPublication(t, { name: '济宁日报' });
    const b = await createPublication(t, { name: '安康日报' });
    const jining = await filePage(t, a.id, '2', readPage(SAMPLE_JINING_P2));
    const ankang = await filePage(t, b.id, '2', readPage(SAMPLE_ANKANG_P2));
    const all = [...jining.clippings, ...ankang.clippings];
    const whole = all.find((c) => squash(c.body).includes(WHOLE_MARK));
    const tail = all.find((c) => squash(c.body).includes(TAIL_MARK) && c.id !== whole?.id);
    if (!whole || !tail) throw new Error('the Xinhua text is missing from the sample pages');
    return { whole, tail, others: all.filter((c) => c.id !== whole.id && c.id !== tail.id) };
  }

  it('marks both filings of the Xinhua story with one group, and no other clipping of the two pages', async () => {
    const { whole, tail, others } = await fileSamples();
    expect(others.length).toBeGreaterThan(2);
    const [group] = ((await t.http().get('/api/stories').expect(200)).body as StoryGroupPage).items;

    // The list's page order is kept; clippings in no group have no mark.
    const page = await marks([others[0]!.id, tail.id, others[1]!.id, whole.id, tail.id]);
    expect(page).toEqual([
      { clippingId: tail.id, groupId: group!.id, status: 'proposed', texts: 2, main: false },
      { clippingId: whole.id, groupId: group!.id, status: 'proposed', texts: 2, main: true },
    ]);
    expect(await marks(others.map((c) => c.id))).toEqual([]);
    expect(await marks([2_147_483_647])).toEqual([]);

    // Confirmed: the marks say so; a viewer may read them.
    await t.http().post(`/api/stories/${group!.id}/confirm`).expect(200);
    const viewer = await t.as('viewer');
    const seen = (
      await viewer
        .get('/api/stories/marks')
        .query({ ids: `${whole.id},${tail.id}` })
        .expect(200)
    ).body as StoryMark[];
    expect(seen.map((m) => [m.clippingId, m.status])).toEqual([
      [whole.id, 'confirmed'],
      [tail.id, 'confirmed'],
    ]);

    // Rejected: the group is gone, so are the marks.
    await t.http().post(`/api/stories/${group!.id}/reject`).send({}).expect(200);
    expect(await marks([whole.id, tail.id])).toEqual([]);
  });

  it('follows a split and a member rejected: counts, main text and groups change with them', async () => {
    const { whole, tail } = await fileSamples();
    const p = await createPublication(t, { name: '第三家报纸' });
    const wholeCopy = await createClipping(t, p.id, { body: whole.body, issueDate: '2024-10-23' });
    const tailCopy = await createClipping(t, p.id, { body: tail.body, issueDate: '2024-10-23' });
    const extra = await createClipping(t, p.id, {
      body: `${tail.body}\n（本报综合）`,
      issueDate: '2024-10-24',
    });
    const ids = [whole.id, tail.id, wholeCopy.id, tailCopy.id, extra.id];
    const before = await marks(ids);
    expect(before.map((m) => m.texts)).toEqual([5, 5, 5, 5, 5]);
    expect(new Set(before.map((m) => m.groupId)).size).toBe(1);
    expect(before.filter((m) => m.main).map((m) => m.clippingId)).toEqual([whole.id]);
    const groupId = before[0]!.groupId;

    await t
      .http()
      .post(`/api/stories/${groupId}/reject`)
      .send({ clippingIds: [extra.id] })
      .expect(200);
    const afterReject = await marks(ids);
    expect(afterReject.map((m) => m.clippingId)).toEqual([whole.id, tail.id, wholeCopy.id, tailCopy.id]);
    expect(afterReject.every((m) => m.texts === 4 && m.groupId === groupId)).toBe(true);

    const split = (
      await t
        .http()
        .post(`/api/stories/${groupId}/split`)
        .send({ clippingIds: [tail.id, tailCopy.id] })
        .expect(200)
    ).body as StoryGroupChange;
    const newId = split.split!.id;
    const afterSplit = await marks(ids);
    expect(afterSplit.map((m) => [m.clippingId, m.groupId, m.texts])).toEqual([
      [whole.id, groupId, 2],
      [tail.id, newId, 2],
      [wholeCopy.id, groupId, 2],
      [tailCopy.id, newId, 2],
    ]);
    // Each group has exactly one main text.
    for (const g of [groupId, newId]) {
      expect(afterSplit.filter((m) => m.groupId === g && m.main)).toHaveLength(1);
    }
  });

  it('reads a page of 200 ids in one statement through the member key on clipping_id', async () => {
    const { whole, tail } = await fileSamples();
    const ds = t.app.get(DataSource);
    const seen: string[] = [];
    const original = ds.manager.query.bind(ds.manager);
    const spy = jest.spyOn(ds.manager, 'query').mockImplementation((sql: string, params?: unknown[]) => {
      if (sql.includes('story_group')) seen.push(sql);
      return original(sql, params);
    });
    const ids = [whole.id, tail.id, ...Array.from({ length: 198 }, (_, i) => 1_000_000 + i)];
    try {
      expect((await marks(ids)).map((m) => m.clippingId)).toEqual([whole.id, tail.id]);
    } finally {
      spy.mockRestore();
    }
    expect(seen).toHaveLength(1);
    const statement = seen[0]!;
    if (!ON_POSTGRES) {
      const plan = ((await ds.query(`EXPLAIN QUERY PLAN ${statement}`, ids)) as { detail: string }[]).map(
        (r) => r.detail,
      );
      expect(plan.some((d) => /^SEARCH m USING INTEGER PRIMARY KEY/.test(d))).toBe(true);
      expect(plan.filter((d) => /^SCAN /.test(d))).toEqual([]);
    } else {
      const plan = await ds
        .transaction(async (m) => {
          // PostgreSQL plans a two-row table by scanning whatever is at hand: the plan at scale is asked of
          // 40,000 members in 20,000 groups, made in this transaction (the clipping key dropped, DDL is
          // transactional) and rolled back.
          await m.query('ALTER TABLE story_group_member DROP CONSTRAINT story_group_member_clipping_id_fkey');
          await m.query(
            `INSERT INTO story_group (id, status, main_chosen, created_at, updated_at)
           SELECT 1000000 + g, 'proposed', 0, now(), now() FROM generate_series(1, 20000) g`,
          );
          await m.query(
            `INSERT INTO story_group_member (clipping_id, group_id, text_key, containment)
           SELECT 2000000 + i, 1000000 + (i + 1) / 2, md5(i::text), 1 FROM generate_series(1, 40000) i`,
          );
          await m.query('ANALYZE story_group_member');
          await m.query('ANALYZE story_group');
          const lines = ((await m.query(`EXPLAIN ${statement}`, ids)) as { 'QUERY PLAN': string }[]).map(
            (r) => r['QUERY PLAN'],
          );
          throw new Rollback(lines);
        })
        .catch((e: unknown) => {
          if (e instanceof Rollback) return e.lines;
          throw e;
        });
      expect(plan.join('\n')).toMatch(/Index .*Scan using story_group_member_pkey on story_group_member m/);
      // (Joining 200 members to 20,000 groups, PostgreSQL may hash a scan of story_group: its choice.)
      expect(plan.filter((line) => /Seq Scan on story_group_member/.test(line))).toEqual([]);
    }
  });

  it('answers 400 for what is not a list of 1 to 200 clipping ids', async () => {
    for (const ids of ['', 'a', '0', '-1', '1.5', '1e2', '1,,2', '2147483648', '99999999999']) {
      const res = await t.http().get('/api/stories/marks').query({ ids }).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    }
    await t.http().get('/api/stories/marks').expect(400);
    const tooMany = Array.from({ length: 201 }, (_, i) => i + 1).join(',');
    await t.http().get('/api/stories/marks').query({ ids: tooMany }).expect(400);
    await t.anon().get('/api/stories/marks').query({ ids: '1' }).expect(401);
  });
});
