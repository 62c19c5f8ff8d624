import type {
  AuditEvent,
  EditedClipping,
  ImportBin,
  ImportPreview,
  ImportResult,
  Page,
  Publication,
  WorkQueues,
} from '@jianbao/contracts';
import { DataSource } from 'typeorm';
import {
  filePage,
  readPage,
  SAMPLE_ANKANG_P2,
  SAMPLE_DATE,
  SAMPLE_JINING_P2,
} from '../fixtures/continuations';
import { createPublication } from '../fixtures/seed';
import { ImportBinService, startTestApp, type TestApp } from '../fixtures/test-app';

/**
 * The work queue of filed pages with unassigned lines: worked out in the filing's transaction (filing,
 * re-filing with replace), listed until marked reviewed, back-filled for pages filed before.
 */
describe('imports with unassigned lines', () => {
  let t: TestApp;
  let ankang: Publication;
  let jining: Publication;
  const text = readPage(SAMPLE_ANKANG_P2);
  let preview: ImportPreview;

  beforeAll(async () => {
    t = await startTestApp();
    ankang = await createPublication(t, { name: '安康日报', homeRegionCode: '610900' });
    jining = await createPublication(t, { name: '济宁日报', homeRegionCode: '370800' });
    preview = (
      await t
        .http()
        .post('/api/imports/preview')
        .send({ text, publicationId: ankang.id, issueDate: SAMPLE_DATE, pageLabel: '2' })
        .expect(200)
    ).body as ImportPreview;
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    const db = t.app.get(DataSource);
    for (const id of (await t.http().get('/api/imports?pageSize=200').expect(200)).body.items.map(
      (i: { id: number }) => i.id,
    ))
      await t
        .http()
        .delete(`/api/imports/${id as number}`)
        .expect(204);
    await db.query('DELETE FROM import_unassigned');
  });

  const queues = async (): Promise<WorkQueues> =>
    (await t.http().get('/api/dashboard/queues').expect(200)).body as WorkQueues;
  const bins = async (query = ''): Promise<Page<ImportBin>> =>
    (await t.http().get(`/api/imports/unassigned${query}`).expect(200)).body as Page<ImportBin>;

  /** The preview's clippings as the wizard sends them, the one at `drop` left out (the editor dropped it). */
  function withoutClipping(drop: number): EditedClipping[] {
    return preview.clippings
      .filter((_, i) => i !== drop)
      .map((c) => ({
        kind: c.kind,
        kicker: c.kicker,
        title: c.title,
        subtitle: c.subtitle,
        byline: c.byline,
        dateline: c.dateline,
        body: c.body,
        subheads: c.subheads,
        continuesFrom: c.continuesFrom,
        continuesTo: c.continuesTo,
      }));
  }

  /** The non-blank page lines of the preview's clipping `i`, as the bin lists them. */
  function linesOf(i: number): { line: number; text: string }[] {
    const all = text.split('\n');
    return [...new Set(preview.clippings[i]!.lines.map((l) => l.line))]
      .sort((a, b) => a - b)
      .map((line) => ({ line, text: (all[line] ?? '').trim() }))
      .filter((l) => l.text.length > 0);
  }

  it('a page filed as previewed has nothing unassigned: no queue entry', async () => {
    expect(preview.unassignedLines).toEqual([]);
    await filePage(t, ankang.id, '2', text);
    expect((await queues()).unassignedImports).toBe(0);
    expect((await bins()).total).toBe(0);
  });

  it('a clipping the editor dropped: its lines wait in the queue, exactly those, until marked reviewed (audited)', async () => {
    const filed = await filePage(t, ankang.id, '2', text, withoutClipping(1));
    expect((await queues()).unassignedImports).toBe(1);
    const page = await bins();
    expect(page.total).toBe(1);
    const [bin] = page.items;
    expect(bin).toMatchObject({
      importId: filed.import.id,
      publicationId: ankang.id,
      publicationName: '安康日报',
      issueDate: SAMPLE_DATE,
      pageLabel: '2',
      clippingCount: preview.clippings.length - 1,
      reviewedAt: null,
    });
    const want = linesOf(1);
    expect(want.length).toBeGreaterThan(3);
    expect(bin!.lines.map((l) => ({ line: l.line, text: l.text }))).toEqual(want);
    expect(bin!.lineCount).toBe(want.length);

    const reviewed = (await t.http().post(`/api/imports/${filed.import.id}/unassigned/review`).expect(200))
      .body as ImportBin;
    expect(reviewed.reviewedAt).not.toBeNull();
    expect(reviewed.reviewedBy).toBe('测试管理员');
    expect((await queues()).unassignedImports).toBe(0);
    expect((await bins()).total).toBe(0);

    const again = await t.http().post(`/api/imports/${filed.import.id}/unassigned/review`).expect(409);
    expect(again.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    const events = (await t.http().get('/api/audit?action=unassigned-reviewed').expect(200))
      .body as Page<AuditEvent>;
    expect(events.items).toHaveLength(1);
    expect(events.items[0]).toMatchObject({
      targetType: 'import',
      targetId: String(filed.import.id),
      detail: { publicationName: '安康日报', issueDate: SAMPLE_DATE, pageLabel: '2', lines: want.length },
    });
  });

  it('re-filing with replace works the bin out again, in the same transaction', async () => {
    await filePage(t, ankang.id, '2', text, withoutClipping(0));
    expect((await queues()).unassignedImports).toBe(1);
    // Re-filed as previewed: every line held, the earlier bin leaves with the earlier import.
    const whole = (
      await t
        .http()
        .post('/api/imports')
        .send({ text, publicationId: ankang.id, issueDate: SAMPLE_DATE, pageLabel: '2', replace: true })
        .expect(201)
    ).body as ImportResult;
    expect((await queues()).unassignedImports).toBe(0);
    // Re-filed once more dropping another clipping: that clipping's lines wait now.
    const dropped = (
      await t
        .http()
        .post('/api/imports')
        .send({
          text,
          publicationId: ankang.id,
          issueDate: SAMPLE_DATE,
          pageLabel: '2',
          replace: true,
          clippings: withoutClipping(2),
        })
        .expect(201)
    ).body as ImportResult;
    expect(dropped.import.id).not.toBe(whole.import.id);
    const page = await bins();
    expect(page.items.map((b) => b.importId)).toEqual([dropped.import.id]);
    expect(page.items[0]!.lines.map((l) => ({ line: l.line, text: l.text }))).toEqual(linesOf(2));
  });

  it('the 济宁 sample: its one unassigned slogan line waits; newest filing first, paged', async () => {
    const first = await filePage(t, ankang.id, '2', text, withoutClipping(3));
    const second = await filePage(t, jining.id, '2', readPage(SAMPLE_JINING_P2));
    expect((await queues()).unassignedImports).toBe(2);
    const all = await bins();
    expect(all.items.map((b) => b.importId)).toEqual([second.import.id, first.import.id]);
    expect(all.items[0]!.lines).toEqual([
      { line: 363, text: '深化移移风易俗 倡树文明新新风', furniture: false },
    ]);
    const paged = await bins('?page=2&pageSize=1');
    expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.items.map((b) => b.importId)).toEqual([first.import.id]);
  });

  it('page furniture left unassigned is kept in the bin but does not make the page wait', async () => {
    const page =
      '2024年10月22日 星期二\n第2版\n\n小麦播种进度过半\n■本报记者 张三\n本报讯 近日，记者走进东山镇，看到\n农机手正抢抓晴好天气播种小麦。\n';
    const filed = await filePage(t, ankang.id, '2', page);
    expect((await queues()).unassignedImports).toBe(0);
    const bin = (await t.app
      .get(DataSource)
      .query(`SELECT lines, line_count FROM import_unassigned WHERE import_id = ${filed.import.id}`)) as {
      lines: string;
      line_count: number | string;
    }[];
    expect(Number(bin[0]!.line_count)).toBe(0);
    expect(JSON.parse(bin[0]!.lines)).toEqual([
      { line: 0, text: '2024年10月22日 星期二', furniture: true },
      { line: 1, text: '第2版', furniture: true },
    ]);
  });

  it('pages filed before bins existed get theirs from the catch-up; a page whose clippings are all deleted is marked reviewed by it', async () => {
    const kept = await filePage(t, ankang.id, '2', text, withoutClipping(1));
    const emptied = await filePage(t, jining.id, '2', readPage(SAMPLE_JINING_P2));
    for (const c of emptied.clippings) await t.http().delete(`/api/clippings/${c.id}`).expect(204);
    const db = t.app.get(DataSource);
    await db.query('DELETE FROM import_unassigned');
    expect((await queues()).unassignedImports).toBe(0);

    const service = t.app.get(ImportBinService);
    expect(await service.catchUpInBackground(1, 0)).toBe(2);
    expect((await queues()).unassignedImports).toBe(1);
    const [bin] = (await bins()).items;
    expect(bin!.importId).toBe(kept.import.id);
    expect(bin!.lines.map((l) => ({ line: l.line, text: l.text }))).toEqual(linesOf(1));
    const rows = (await db.query(
      `SELECT reviewed_by, line_count FROM import_unassigned WHERE import_id = ${emptied.import.id}`,
    )) as { reviewed_by: string | null; line_count: number | string }[];
    expect(rows[0]!.reviewed_by).toBe('system');
    expect(Number(rows[0]!.line_count)).toBeGreaterThan(100);
    // Nothing left to do the second time.
    expect(await service.catchUpInBackground(1, 0)).toBe(0);
  });

  it('refuses: an unknown import (404), a bad id or page (400), a viewer marking reviewed (403)', async () => {
    const missing = await t.http().post('/api/imports/999999/unassigned/review').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    await t.http().post('/api/imports/abc/unassigned/review').expect(400);
    await t.http().get('/api/imports/unassigned?page=0').expect(400);
    await t.http().get('/api/imports/unassigned?pageSize=abc').expect(400);
    const filed = await filePage(t, ankang.id, '2', text, withoutClipping(1));
    const viewer = await t.as('viewer');
    await viewer.get('/api/imports/unassigned').expect(200);
    await viewer.post(`/api/imports/${filed.import.id}/unassigned/review`).expect(403);
    expect((await queues()).unassignedImports).toBe(1);
  });
});
