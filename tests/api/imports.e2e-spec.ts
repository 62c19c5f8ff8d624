import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  Clipping,
  ClippingListItem,
  ImportPreview,
  ImportResult,
  Publication,
  Region,
} from '@jianbao/contracts';
import { DataSource } from 'typeorm';
import { createPublication, createTag } from '../fixtures/seed';
import { createTestDatabase, type TestDatabase } from '../fixtures/postgres';
import { runCli, startTestApp, type TestApp } from '../fixtures/test-app';

const PAGES = join(__dirname, '..', 'fixtures', 'pages');
const JINING = readFileSync(join(PAGES, '000_7bc5541b3fe100b2.txt'), 'utf8');
const ANKANG = readFileSync(join(PAGES, '004_425bbb1547604c11.txt'), 'utf8');

interface Counts {
  imports: number;
  clippings: number;
  regionLinks: number;
}

describe('/api/imports', () => {
  let t: TestApp;
  let jining: Publication;
  let ankang: Publication;
  let db: DataSource;

  const counts = async (): Promise<Counts> => {
    const one = async (table: string): Promise<number> =>
      Number(((await db.query(`SELECT COUNT(*) AS n FROM ${table}`)) as { n: number }[])[0]?.n);
    return {
      imports: await one('page_import'),
      clippings: await one('clipping'),
      regionLinks: await one('clipping_region'),
    };
  };
  const page = (publicationId: number, text: string, extra: object = {}): object => ({
    text,
    publicationId,
    issueDate: '2024-10-22',
    pageLabel: '2',
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp({ config: { seedRegions: true } });
    db = t.app.get(DataSource);
    jining = await createPublication(t, { name: '济宁日报', homeRegionCode: '370800' });
    // No home region recorded: the name says 安康.
    ankang = await createPublication(t, { name: '安康日报', homeRegionCode: null });
  });

  afterAll(async () => {
    await t.close();
  });

  describe('gazetteer seeded on start-up', () => {
    it('has every province, prefecture and county, 梁山县 under 济宁市 under 山东省', async () => {
      for (const [level, total] of [
        ['province', 34],
        ['prefecture', 333],
        ['county', 2848],
      ] as const) {
        const res = await t.http().get(`/api/regions?level=${level}&pageSize=1`).expect(200);
        expect(res.body.total).toBe(total);
      }
      const liangshan = (
        await t
          .http()
          .get(`/api/regions?q=${encodeURIComponent('梁山县')}`)
          .expect(200)
      ).body.items[0] as Region;
      expect(liangshan).toMatchObject({ code: '370832', level: 'county' });
      const jiningCity = (await t.http().get(`/api/regions/${liangshan.parentId}`).expect(200))
        .body as Region;
      expect(jiningCity).toMatchObject({ code: '370800', name: '济宁市' });
      const shandong = (await t.http().get(`/api/regions/${jiningCity.parentId}`).expect(200)).body as Region;
      expect(shandong).toMatchObject({ code: '370000', name: '山东省', parentId: null });
    });
  });

  describe('POST /preview', () => {
    it('proposes 8 + 4 clippings on the sample pages with regions filled', async () => {
      const a = (await t.http().post('/api/imports/preview').send(page(jining.id, JINING)).expect(200))
        .body as ImportPreview;
      const b = (await t.http().post('/api/imports/preview').send(page(ankang.id, ANKANG)).expect(200))
        .body as ImportPreview;
      expect(a.clippings).toHaveLength(8);
      expect(b.clippings).toHaveLength(4);
      const liangshan = a.clippings.find((c) => c.title === '小小明信片倡树大文明');
      expect(liangshan?.regions.map((r) => r.name)).toContain('梁山县');
      expect(b.clippings.flatMap((c) => c.regions.map((r) => r.code))).toContain('610900');
      expect(a.clippings.every((c) => Array.isArray(c.regions) && c.lines.length > 0)).toBe(true);
    });

    it('400 naming each bad field; an unknown publication is named too', async () => {
      const res = await t
        .http()
        .post('/api/imports/preview')
        .send({ text: ' \n ', publicationId: 999999, issueDate: '2024-02-30', pageLabel: '版' })
        .expect(400);
      expect(res.body.message).toBe('Validation failed: text, issueDate, pageLabel');
      const missing = await t.http().post('/api/imports/preview').send(page(999999, JINING)).expect(400);
      expect(missing.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed: publicationId',
        details: [{ field: 'publicationId', errors: ['publication 999999 does not exist'] }],
      });
    });
  });

  describe('POST (filing)', () => {
    let first: ImportResult;

    it('files the automatic preview: 201, clippings listed with their importId', async () => {
      const res = await t.http().post('/api/imports').send(page(jining.id, JINING)).expect(201);
      first = res.body as ImportResult;
      expect(first.import).toMatchObject({
        publicationId: jining.id,
        issueDate: '2024-10-22',
        pageLabel: '2',
        clippingCount: 8,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(first.clippings).toHaveLength(8);
      expect(Array.isArray(first.links)).toBe(true);
      const listed = await t.http().get(`/api/clippings?publicationId=${jining.id}&pageSize=50`).expect(200);
      expect(listed.body.total).toBe(8);
      for (const c of listed.body.items as ClippingListItem[]) {
        expect(c).toMatchObject({
          importId: first.import.id,
          status: 'draft',
          pageLabel: '2',
          issueDate: '2024-10-22',
        });
        // The list leaves the page lines out; the clipping's own page has them.
        expect(c).not.toHaveProperty('rawText');
        const one = await t.http().get(`/api/clippings/${c.id}`).expect(200);
        expect((one.body as Clipping).rawText).toEqual(expect.any(String));
      }
      const liangshan = first.clippings.find((c) => c.title === '小小明信片倡树大文明');
      expect(liangshan?.regions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: '370832',
            name: '梁山县',
            path: ['山东省', '济宁市'],
            source: 'rule',
          }),
        ]),
      );
      // Every line of the clipping's raw text is a line of the page.
      const pageLines = new Set(JINING.split('\n').map((l) => l.replace(/\r$/, '')));
      expect(liangshan?.rawText?.split('\n').every((l) => pageLines.has(l))).toBe(true);
    });

    it('409 on the same page again (even under another date), naming the earlier import', async () => {
      const before = await counts();
      for (const extra of [{}, { issueDate: '2024-10-23', pageLabel: 'A3' }]) {
        const res = await t
          .http()
          .post('/api/imports')
          .send(page(jining.id, JINING, extra))
          .expect(409);
        expect(res.body).toEqual({
          statusCode: 409,
          error: 'Conflict',
          message: expect.stringMatching(new RegExp(`^这一版已于 .+ 导入 \\(import #${first.import.id}\\)$`)),
          details: { importId: first.import.id },
        });
      }
      // Windows line ends and a BOM do not make it a new page.
      await t
        .http()
        .post('/api/imports')
        .send(page(jining.id, `\uFEFF${JINING.replace(/\n/g, '\r\n')}`))
        .expect(409);
      expect(await counts()).toEqual(before);
    });

    it('replace: true re-files it in place of the earlier import', async () => {
      const res = await t
        .http()
        .post('/api/imports')
        .send(page(jining.id, JINING, { replace: true }))
        .expect(201);
      const again = res.body as ImportResult;
      expect(again.import.id).not.toBe(first.import.id);
      expect(again.clippings).toHaveLength(8);
      await t.http().get(`/api/imports/${first.import.id}`).expect(404);
      await t.http().get(`/api/clippings/${first.clippings[0]!.id}`).expect(404);
      const listed = await t.http().get(`/api/clippings?publicationId=${jining.id}`).expect(200);
      expect(listed.body.total).toBe(8);
      first = again;
    });

    it('files the editor’s clippings as given: manual regions and tags, detection when none given', async () => {
      const tag = await createTag(t, { name: '消费' });
      const lines = ANKANG.split('\n');
      const kept = [lines.findIndex((l) => l.includes('向“新”而进'))];
      const res = await t
        .http()
        .post('/api/imports')
        .send(
          page(ankang.id, ANKANG, {
            pageLabel: '第二版',
            clippings: [
              {
                kind: 'article',
                kicker: '经济',
                title: '向“新”而进 聚力前行',
                subtitle: null,
                byline: '本报记者 张三',
                dateline: null,
                body: '编辑改过的正文。',
                subheads: ['一', '二'],
                continuesFrom: { page: '1', label: null, marker: '(上接一版)' },
                continuesTo: null,
                regionCodes: ['610923'],
                tagIds: [tag.id],
                lines: kept,
              },
              { kind: 'brief', title: '梁山简讯', body: '梁山县举办农民丰收节。' },
            ],
          }),
        )
        .expect(201);
      const result = res.body as ImportResult;
      expect(result.import).toMatchObject({ clippingCount: 2, pageLabel: '第二版' });
      const [a, b] = result.clippings;
      expect(a).toMatchObject({
        kind: 'article',
        kicker: '经济',
        title: '向“新”而进 聚力前行',
        byline: '本报记者 张三',
        body: '编辑改过的正文。',
        subheads: ['一', '二'],
        continuesFrom: { page: '1', label: null, marker: '(上接一版)' },
        continuesTo: null,
        pageLabel: '第二版',
        pageSort: '  00002',
        rawText: lines[kept[0]!],
        regions: [expect.objectContaining({ code: '610923', name: '宁陕县', source: 'manual' })],
        tags: [expect.objectContaining({ id: tag.id, source: 'manual' })],
      });
      expect(b).toMatchObject({ kind: 'brief', title: '梁山简讯', rawText: null });
      expect(b!.regions).toEqual([expect.objectContaining({ code: '370832', source: 'rule' })]);
    });
  });

  describe('all or nothing', () => {
    const edited = (middle: object): object[] => [
      { kind: 'article', title: '一', body: '第一篇。' },
      { kind: 'article', title: '二', body: '第二篇。', ...middle },
      { kind: 'article', title: '三', body: '第三篇。' },
    ];
    const text = '一\n第一篇。\n二\n第二篇。\n三\n第三篇。';

    it('a bad clipping in the middle: 400 naming it, and nothing written', async () => {
      const before = await counts();
      const bad = await t
        .http()
        .post('/api/imports')
        .send(page(jining.id, text, { clippings: edited({ kind: 'poem', subheads: 'x' }) }))
        .expect(400);
      expect(bad.body.message).toBe('Validation failed: clippings.1.kind, clippings.1.subheads');
      const unknownTag = await t
        .http()
        .post('/api/imports')
        .send(page(jining.id, text, { clippings: edited({ tagIds: [987654], regionCodes: ['999999'] }) }))
        .expect(400);
      expect(unknownTag.body).toMatchObject({
        message: 'Validation failed: clippings.1.tagIds, clippings.1.regionCodes',
        details: [
          { field: 'clippings.1.tagIds', errors: ['unknown tag id(s): 987654'] },
          { field: 'clippings.1.regionCodes', errors: ['unknown region code(s): 999999'] },
        ],
      });
      expect(await counts()).toEqual(before);
    });

    it('a failure after the rows were written rolls the whole page back', async () => {
      const before = await counts();
      // The import row and the clippings are written before the links: fail on the links.
      const postgres = db.options.type === 'postgres';
      if (postgres) {
        await db.query(
          "CREATE FUNCTION fail_links() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected'; END $$",
        );
        await db.query(
          'CREATE TRIGGER fail_links BEFORE INSERT ON clipping_region FOR EACH ROW EXECUTE FUNCTION fail_links()',
        );
      } else {
        await db.query(
          "CREATE TEMP TRIGGER fail_links BEFORE INSERT ON clipping_region BEGIN SELECT RAISE(ABORT, 'injected'); END",
        );
      }
      const body = page(ankang.id, text, { clippings: edited({ regionCodes: ['610900'] }) });
      try {
        await t.http().post('/api/imports').send(body).expect(500);
      } finally {
        if (postgres) {
          await db.query('DROP TRIGGER fail_links ON clipping_region');
          await db.query('DROP FUNCTION fail_links()');
        } else {
          await db.query('DROP TRIGGER fail_links');
        }
      }
      expect(await counts()).toEqual(before);
      await t.http().post('/api/imports').send(body).expect(201);
      const after = await counts();
      expect(after).toMatchObject({ imports: before.imports + 1, clippings: before.clippings + 3 });
      expect(after.regionLinks).toBeGreaterThan(before.regionLinks);
    });
  });

  describe('bad input: 400 (or 413) with the error shape, never 500', () => {
    it.each([
      ['a date that does not exist', { issueDate: '2024-13-01' }, 'issueDate'],
      ['an unreadable page label', { pageLabel: 'front' }, 'pageLabel'],
      ['empty text', { text: '' }, 'text'],
      ['a missing publication', { publicationId: undefined }, 'publicationId'],
      ['replace that is not a boolean', { replace: 'yes' }, 'replace'],
      ['clippings that are not a list', { clippings: 'all' }, 'clippings'],
      ['an unknown field', { colour: 'red' }, 'colour'],
    ])('%s', async (_what, extra, field) => {
      const res = await t
        .http()
        .post('/api/imports')
        .send(page(jining.id, '正文', extra))
        .expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('3 MB of text: 400 naming text; beyond the body limit: 413', async () => {
      const big = '字'.repeat(1024 * 1024); // 3 MB of UTF-8
      const res = await t.http().post('/api/imports').send(page(jining.id, big)).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, message: 'Validation failed: text' });
      const huge = await t
        .http()
        .post('/api/imports/preview')
        .send(page(jining.id, 'x'.repeat(6 * 1024 * 1024)));
      expect(huge.status).toBe(413);
      expect(huge.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    });
  });

  describe('GET and DELETE', () => {
    it('lists imports newest first with their clipping counts, paginated', async () => {
      const res = await t.http().get('/api/imports?pageSize=2').expect(200);
      expect(res.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
      const ids = (res.body.items as { id: number }[]).map((i) => i.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      const byPublication = await t.http().get(`/api/imports?publicationId=${jining.id}`).expect(200);
      expect(byPublication.body.items).toEqual([
        expect.objectContaining({ publicationId: jining.id, clippingCount: 8 }),
      ]);
      await t.http().get('/api/imports?pageSize=500').expect(400);
    });

    it('shows one import with its clippings’ ids, deletes it with its clippings', async () => {
      const list = await t.http().get(`/api/imports?publicationId=${jining.id}`).expect(200);
      const id = list.body.items[0].id as number;
      const one = await t.http().get(`/api/imports/${id}`).expect(200);
      expect(one.body.clippingIds).toHaveLength(8);
      expect(one.body).not.toHaveProperty('rawText');
      await t.http().delete(`/api/imports/${id}`).expect(204);
      await t.http().get(`/api/imports/${id}`).expect(404);
      await t.http().delete(`/api/imports/${id}`).expect(404);
      await t.http().get('/api/imports/abc').expect(400);
      const left = await t.http().get(`/api/clippings?publicationId=${jining.id}`).expect(200);
      expect(left.body.total).toBe(0);
      // Filed again afterwards without 409: the earlier import is gone.
      await t.http().post('/api/imports').send(page(jining.id, JINING)).expect(201);
    });
  });
});

describe('CLI: import-page and import-dir', () => {
  let dir: string;
  const saved = { ...process.env };

  const cli = async (...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
    return { code, stdout, stderr };
  };

  let pg: TestDatabase | null = null;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jianbao-cli-'));
    process.env['DATABASE_PATH'] = join(dir, 'db', 'clippings.sqlite');
    process.env['SEED_REGIONS'] = 'true';
    if (process.env['TEST_DATABASE_URL']) {
      pg = await createTestDatabase();
      process.env['DB_TYPE'] = 'postgres';
      process.env['DATABASE_URL'] = pg.url;
    }
  });

  afterAll(async () => {
    process.env = saved;
    await pg?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('import-page files a page (creating the publication), then refuses it again with exit 1', async () => {
    const file = join(dir, 'jining.txt');
    writeFileSync(file, JINING);
    const args = ['import-page', file, '--publication', '济宁日报', '--date', '2024-10-22', '--page', '2'];
    const first = await cli(...args);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('created publication "济宁日报"');
    expect(first.stdout).toMatch(/^filed import #1: 8 clippings/);
    expect(first.stdout).toContain('梁山县');
    const again = await cli(...args);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/这一版已于 .+ 导入 \(import #1\)/);
  });

  it('import-dir files every page, skips duplicates, reports bad files and exits 1', async () => {
    const pages = join(dir, 'pages');
    mkdirSync(pages);
    writeFileSync(join(pages, '2024-10-22_A03.txt'), ANKANG);
    writeFileSync(join(pages, 'page-2.txt'), JINING); // filed by import-page above: a duplicate
    writeFileSync(join(pages, '第四版.txt'), '');
    writeFileSync(join(pages, '05.txt'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x00]));
    mkdirSync(join(pages, '06.txt'));
    writeFileSync(join(pages, 'notes.md'), 'not a page');
    const run = await cli('import-dir', pages, '--publication', '济宁日报', '--date', '2024-10-22');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('filed 1 page(s) (4 clippings), skipped 1 duplicate(s), failed 3');
    expect(run.stdout).toMatch(/skipped page-2\.txt: 这一版已于 .+ \(import #1\)/);
    expect(run.stdout).toContain('failed  第四版.txt: empty file');
    expect(run.stdout).toContain('failed  05.txt: not valid UTF-8 text');
    expect(run.stdout).toContain('failed  06.txt: a directory, not a file');
    // Not a terminal: one progress line per page on stderr.
    expect(run.stderr.split('\n').filter((l) => /^\[[#.]+\] \d\/5 /.test(l))).toHaveLength(5);
    expect(run.stderr).toContain('2024-10-22_A03.txt filed: import #2, page A3, 4 clippings');

    for (const bad of ['第四版.txt', '05.txt', '06.txt']) rmSync(join(pages, bad), { recursive: true });
    const rerun = await cli('import-dir', pages, '--publication', '济宁日报', '--date', '2024-10-22');
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain('filed 0 page(s) (0 clippings), skipped 2 duplicate(s), failed 0');
  });

  it('import-dir: usage errors exit 2', async () => {
    expect((await cli('import-dir', dir, '--publication', 'x', '--date', '2024-02-30')).code).toBe(2);
    expect(
      (await cli('import-dir', join(dir, 'nope'), '--publication', 'x', '--date', '2024-02-03')).code,
    ).toBe(2);
  });
});
