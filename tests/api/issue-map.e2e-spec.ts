import type { ApiError, IssueMap, IssueMapPage, Publication } from '@jianbao/contracts';
import { pageSortKey } from '@jianbao/contracts';
import {
  JINING_P1,
  SAMPLE_DATE,
  SAMPLE_JINING_P2,
  filePage,
  readPage,
  waiting,
} from '../fixtures/continuations';
import { createClipping, createPublication } from '../fixtures/seed';
import { startTestApp, type TestApp } from '../fixtures/test-app';

/** The issue map (版次): one publication's issue page by page, read through the clippings readers. */
describe('issue map', () => {
  let t: TestApp;
  let jining: Publication;

  const issue = async (publicationId: number, date: string): Promise<IssueMap> =>
    (await (await t.as('viewer')).get(`/api/issues/${publicationId}/${date}`).expect(200)).body as IssueMap;
  const pageOf = (map: IssueMap, label: string): IssueMapPage | undefined =>
    map.pages.find((p) => p.sortKey === pageSortKey(label));

  beforeAll(async () => {
    t = await startTestApp();
    jining = await createPublication(t, { name: '济宁日报' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('shows a filed page with its clippings, the page its tails point at not filed, and the waiting parts', async () => {
    const p2 = await filePage(t, jining.id, '2', readPage(SAMPLE_JINING_P2));
    const map = await issue(jining.id, SAMPLE_DATE);
    expect(map).toMatchObject({
      publicationId: jining.id,
      publicationName: '济宁日报',
      issueDate: SAMPLE_DATE,
    });
    expect(map.pages.map((p) => [p.label, p.filed])).toEqual([
      ['1', false],
      ['2', true],
    ]);
    const page2 = pageOf(map, '2');
    expect(page2?.clippings.map((c) => c.id)).toEqual(p2.clippings.map((c) => c.id));
    expect(page2?.clippings.map((c) => c.title)).toEqual(p2.clippings.map((c) => c.title));
    // Waiting parts are marked exactly as the waiting list lists them.
    const listed = await waiting(t, { publicationId: jining.id });
    const marked = page2?.clippings.filter((c) => c.waitingFor.length > 0).map((c) => c.id) ?? [];
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.sort()).toEqual(listed.map((w) => w.clipping.id).sort());
    // Page 1 is known from the tails' markers (上接1版A…) and is a gap before page 2.
    const page1 = pageOf(map, '1');
    expect(page1).toMatchObject({ filed: false, gap: true, clippings: [] });
    expect(page1?.referencedBy.sort()).toEqual(
      p2.clippings
        .filter((c) => c.continuesFrom?.page === '1')
        .map((c) => c.id)
        .sort(),
    );
  });

  it('once the other page is filed, shows it in order and the linked parts no longer wait', async () => {
    const p1 = await filePage(t, jining.id, '1', readPage(JINING_P1));
    const map = await issue(jining.id, SAMPLE_DATE);
    expect(map.pages.map((p) => [p.label, p.filed])).toEqual([
      ['1', true],
      ['2', true],
    ]);
    expect(pageOf(map, '1')?.clippings.map((c) => c.id)).toEqual(p1.clippings.map((c) => c.id));
    const stillWaiting = map.pages.flatMap((p) => p.clippings.filter((c) => c.waitingFor.length > 0));
    const listed = await waiting(t, { publicationId: jining.id });
    expect(stillWaiting.map((c) => c.id).sort()).toEqual(listed.map((w) => w.clipping.id).sort());
    const linked = map.pages.flatMap((p) => p.clippings).filter((c) => c.previousPartId !== null);
    expect(linked.length).toBeGreaterThan(0);
    for (const c of linked) expect(c.waitingFor).not.toContain('head');
  });

  it('names the neighbouring issues and answers an issue without clippings with no pages', async () => {
    await createClipping(t, jining.id, { issueDate: '2024-10-20', pageLabel: '第三版', title: '早两天' });
    const empty = await issue(jining.id, '2024-10-21');
    expect(empty).toMatchObject({ pages: [], previousDate: '2024-10-20', nextDate: SAMPLE_DATE });
    const earlier = await issue(jining.id, '2024-10-20');
    expect(earlier.pages.map((p) => [p.label, p.filed, p.gap])).toEqual([
      ['1', false, true],
      ['2', false, true],
      ['第三版', true, false],
    ]);
    expect(earlier).toMatchObject({ previousDate: null, nextDate: SAMPLE_DATE });
  });

  it('refuses a bad publication id or date (400), a missing publication (404), and anonymous callers (401)', async () => {
    for (const path of [`/api/issues/abc/${SAMPLE_DATE}`, `/api/issues/0/${SAMPLE_DATE}`]) {
      const res = await t.http().get(path).expect(400);
      expect(((res.body as ApiError).details as { field: string }[])[0]?.field).toBe('publicationId');
    }
    for (const date of ['2024-02-30', '20241022', 'yesterday']) {
      const res = await t.http().get(`/api/issues/${jining.id}/${date}`).expect(400);
      expect(((res.body as ApiError).details as { field: string }[])[0]?.field).toBe('date');
    }
    await t.http().get(`/api/issues/2147483647/${SAMPLE_DATE}`).expect(404);
    await t.anon().get(`/api/issues/${jining.id}/${SAMPLE_DATE}`).expect(401);
  });
});
