import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  ArchiveClipping,
  ArchiveFile,
  ArchiveImportResult,
  ArticleSummary,
  Clipping,
  ImportResult,
  Page,
  Publication,
  Tag,
} from '@jianbao/contracts';
import type { Response } from 'supertest';
import { buildClipping } from '../fixtures/builders';
import { parseCsv, ZH_CSV_HEADER } from '../fixtures/csv';
import {
  JINING_P1,
  SAMPLE_ANKANG_P2,
  SAMPLE_DATE,
  SAMPLE_JINING_P2,
  filePage,
  getClipping,
  readPage,
} from '../fixtures/continuations';
import { createClipping, createPublication, createTag } from '../fixtures/seed';
import { runCli, startTestApp, type TestAgent, type TestApp } from '../fixtures/test-app';

/** Collects a response body as text, whatever its content type (supertest leaves CSV and downloads unparsed). */
function asText(agent: TestAgent, url: string, query: Record<string, string | number> = {}) {
  return agent
    .get(url)
    .query(query)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
    });
}

async function exportJson(t: TestApp, query: Record<string, string | number> = {}): Promise<ArchiveFile> {
  const res = await asText(t.http(), '/api/exports/clippings', { format: 'json', ...query });
  expect(res.status).toBe(200);
  return JSON.parse(res.body as string) as ArchiveFile;
}

/** A clipping by content: what identifies it across two databases whose ids differ. */
const keyOf = (c: ArchiveClipping, pubs: Map<number, string>): string =>
  `${pubs.get(c.publicationId)}|${c.issueDate}|${c.pageLabel}|${c.title ?? ''}|${c.body.slice(0, 40)}`;

/** The archive with every id replaced by what it names, sorted: two archives of the same content compare equal. */
function byContent(file: ArchiveFile) {
  const pubs = new Map(file.publications.map((p) => [p.id, p.name]));
  const tags = new Map(file.tags.map((t) => [t.id, t]));
  const tagPath = (id: number): string => {
    const names: string[] = [];
    for (let t = tags.get(id); t; t = t.parentId === null ? undefined : tags.get(t.parentId))
      names.unshift(t.name);
    return names.join(' › ');
  };
  const clippings = new Map(file.clippings.map((c) => [c.id, c]));
  const key = (id: number | null): string | null => {
    const c = id === null ? undefined : clippings.get(id);
    return c ? keyOf(c, pubs) : null;
  };
  return {
    publications: file.publications
      .map(({ id: _id, ...rest }) => rest)
      .sort((a, b) => a.name.localeCompare(b.name)),
    tags: file.tags
      .map(({ id, parentId: _p, ...rest }) => ({ path: tagPath(id), ...rest }))
      .sort((a, b) => a.path.localeCompare(b.path)),
    clippings: file.clippings
      .map(
        ({
          id,
          publicationId,
          articleId,
          previousPartId,
          nextPartId,
          createdAt: _c,
          updatedAt: _u,
          ...rest
        }) => ({
          key: keyOf(clippings.get(id)!, pubs),
          publication: pubs.get(publicationId),
          inArticle: articleId !== null,
          previous: key(previousPartId),
          next: key(nextPartId),
          ...rest,
          tags: rest.tags.map((t) => `${tagPath(t.id)}:${t.source}`).sort(),
          regions: rest.regions.map((r) => `${r.code}:${r.source}`).sort(),
        }),
      )
      .sort((a, b) => a.key.localeCompare(b.key)),
  };
}

const articlesOf = async (t: TestApp): Promise<Page<ArticleSummary>> =>
  (await t.http().get('/api/articles').query({ pageSize: 200 }).expect(200)).body as Page<ArticleSummary>;

describe('exports and the archive round trip', () => {
  let source: TestApp;
  let jining: Publication;
  let ankang: Publication;
  let topic: Tag;
  let child: Tag;
  let quirky: Clipping;
  let handHead: number;
  let handTail: number;

  beforeAll(async () => {
    source = await startTestApp({ config: { seedRegions: true } });
    jining = await createPublication(source, { name: '济宁日报', homeRegionCode: '370800' });
    ankang = await createPublication(source, { name: '安康日报', homeRegionCode: null });
    topic = await createTag(source, { name: '基层治理', color: '#aa3300', description: '乡镇与社区' });
    child = await createTag(source, {
      name: '廉洁教育',
      parentId: topic.id,
      color: null,
      rule: { mode: 'any', terms: ['廉洁'] },
    });
    const p2 = await filePage(source, jining.id, '2', readPage(SAMPLE_JINING_P2));
    await filePage(source, ankang.id, '2', readPage(SAMPLE_ANKANG_P2));
    const p1: ImportResult = await filePage(source, jining.id, '1', readPage(JINING_P1));
    // Edit one clipping by hand: title, status, a tag and a region.
    const edited = p2.clippings[0]!;
    await source
      .http()
      .patch(`/api/clippings/${edited.id}`)
      .send({
        version: edited.version,
        title: `${edited.title ?? ''}（编辑后）`,
        status: 'reviewed',
        tagIds: [topic.id, child.id],
        regionCodes: ['370827'],
      })
      .expect(200);
    // Cut one link the filing made and make it again by hand.
    const head = p1.clippings.find((c) => c.continuesTo !== null)!;
    const linked = await getClipping(source, head.id);
    expect(linked.nextPartId).not.toBeNull();
    handHead = linked.id;
    handTail = linked.nextPartId!;
    await source.http().put(`/api/clippings/${handHead}/continuation`).send({ nextPartId: null }).expect(200);
    await source
      .http()
      .put(`/api/clippings/${handHead}/continuation`)
      .send({ nextPartId: handTail })
      .expect(200);
    // Commas, quotes, line breaks and a formula-looking start, in Chinese.
    quirky = await createClipping(
      source,
      jining.id,
      buildClipping(jining.id, {
        issueDate: '2024-10-23',
        pageLabel: '第三版',
        title: '“引号”,逗号 与 "ASCII 引号"',
        body: '第一段，有逗号,也有英文逗号。\n第二段："引用"之后换行\r\n第三段。',
        byline: '=本报记者 李华',
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await source?.close();
  });

  it('CSV: BOM, the header, one record per clipping of the filter in the list order, Chinese and quoting intact', async () => {
    const res = await asText(source.http(), '/api/exports/clippings', {
      format: 'csv',
      publicationId: jining.id,
      sort: 'title',
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="clippings-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const text = res.body as string;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(ZH_CSV_HEADER);
    const list = (
      await source
        .http()
        .get('/api/clippings')
        .query({ publicationId: jining.id, sort: 'title', pageSize: 200 })
        .expect(200)
    ).body as Page<Clipping>;
    expect(rows.map((r) => Number(r[0]))).toEqual(list.items.map((c) => c.id));
    for (const row of rows) expect(row).toHaveLength(15);
    const q = rows.find((r) => Number(r[0]) === quirky.id)!;
    expect(q[1]).toBe('济宁日报');
    expect(q[2]).toBe('2024-10-23');
    expect(q[3]).toBe('第三版');
    expect(q[6]).toBe('“引号”,逗号 与 "ASCII 引号"');
    expect(q[8]).toBe("'=本报记者 李华");
    expect(q[10]).toBe('第一段，有逗号,也有英文逗号。\n第二段："引用"之后换行\r\n第三段。');
    expect(q[14]).toBe('草稿');
    const edited = rows.find((r) => r[6]?.endsWith('（编辑后）'))!;
    expect(edited[11]).toBe('基层治理；廉洁教育');
    expect(edited[12]).toContain('山东省济宁市鱼台县');
    expect(edited[14]).toBe('已审核');
    expect(rows.find((r) => Number(r[0]) === handHead)![13]).toMatch(/^已续接 #\d+$/);
  });

  it('CSV in English, and a selection exported in its own order', async () => {
    const res = await asText(source.http(), '/api/exports/clippings', {
      format: 'csv',
      lang: 'en',
      ids: `${quirky.id},${handTail},${handHead}`,
    });
    const [header, ...rows] = parseCsv((res.body as string).slice(1));
    expect(header?.slice(0, 4)).toEqual(['id', 'publication', 'issue date', 'page']);
    expect(rows.map((r) => Number(r[0]))).toEqual([quirky.id, handTail, handHead]);
    expect(rows[0]?.[14]).toBe('draft');
  });

  it('a full-text search exports what the list shows for it, in the list order', async () => {
    const list = (
      await source
        .http()
        .get('/api/clippings')
        .query({ q: '梁山', sort: '-issueDate,id', pageSize: 200 })
        .expect(200)
    ).body as { items: Array<{ id: number }>; total: number };
    expect(list.total).toBeGreaterThan(0);
    const res = await asText(source.http(), '/api/exports/clippings', {
      format: 'csv',
      q: '梁山',
      sort: '-issueDate,id',
    });
    const [, ...rows] = parseCsv((res.body as string).slice(1));
    expect(rows.map((r) => Number(r[0]))).toEqual(list.items.map((c) => c.id));
    // ranked on the list, written in the list's default order: the same clippings
    const ranked = await asText(source.http(), '/api/exports/clippings', {
      format: 'csv',
      q: '梁山',
      sort: 'relevance',
    });
    const [, ...rankedRows] = parseCsv((ranked.body as string).slice(1));
    expect(rankedRows.map((r) => Number(r[0])).sort((a, b) => a - b)).toEqual(
      list.items.map((c) => c.id).sort((a, b) => a - b),
    );
  });

  it('refuses a bad format, an unknown id or a malformed selection with a 400 naming the field', async () => {
    const bad = async (query: Record<string, string | number>, field: string) => {
      const res: Response = await source.http().get('/api/exports/clippings').query(query);
      expect(res.status).toBe(400);
      expect((res.body as { details: { field: string }[] }).details.map((d) => d.field)).toContain(field);
    };
    await bad({ format: 'xlsx' }, 'format');
    await bad({ format: 'csv', ids: '1,x' }, 'ids');
    await bad({ format: 'csv', ids: '99999999' }, 'ids');
    await bad({ format: 'csv', from: '2024-10-23', to: '2024-10-01' }, 'to');
    await bad({ format: 'csv', sort: 'body' }, 'sort');
  });

  it('a clipping as Markdown and plain text: headline, byline, meta line, body', async () => {
    const md = await asText(source.http(), `/api/clippings/${quirky.id}/export`, { format: 'md' });
    expect(md.status).toBe(200);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    const body = md.body as string;
    expect(body).toContain('# “引号”,逗号 与 "ASCII 引号"');
    expect(body).toContain('## 老人吃饭不再犯愁');
    expect(body).toContain('*济宁日报 · 2024-10-23 · 第三版*');
    expect(body).toContain('=本报记者 李华');
    expect(body).toContain('第二段：');
    const txt = await asText(source.http(), `/api/clippings/${quirky.id}/export`, { format: 'txt' });
    expect(txt.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect((txt.body as string).split('\n').slice(0, 3)).toEqual([
      '民生关注',
      '“引号”,逗号 与 "ASCII 引号"',
      '老人吃饭不再犯愁',
    ]);
    await source.http().get(`/api/clippings/${quirky.id}/export`).query({ format: 'pdf' }).expect(400);
    await source.http().get('/api/clippings/99999999/export').query({ format: 'md' }).expect(404);
  });

  it('the articles index lists each reassembled article with its parts’ pages in reading order', async () => {
    const page = await articlesOf(source);
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.items).toHaveLength(page.total);
    const hand = page.items.find((a) => a.parts.some((p) => p.clippingId === handHead))!;
    expect(hand.parts.map((p) => p.clippingId)).toEqual([handHead, handTail]);
    expect(hand.parts.map((p) => [p.publicationName, p.issueDate, p.pageLabel])).toEqual([
      ['济宁日报', SAMPLE_DATE, '1'],
      ['济宁日报', SAMPLE_DATE, '2'],
    ]);
    const head = await getClipping(source, handHead);
    expect(hand).toMatchObject({ title: head.title, subtitle: head.subtitle, byline: head.byline });
    const article = (await source.http().get(`/api/articles/${hand.id}`).expect(200)).body as {
      subtitle: string | null;
      byline: string | null;
    };
    expect(article).toMatchObject({ subtitle: head.subtitle, byline: head.byline });
    const filtered = (
      await source.http().get('/api/articles').query({ publicationId: ankang.id }).expect(200)
    ).body as Page<ArticleSummary>;
    expect(filtered.items.every((a) => a.parts.some((p) => p.publicationName === '安康日报'))).toBe(true);
    await source.http().get('/api/articles').query({ from: '2024-10-23', to: '2024-10-01' }).expect(400);
  });

  describe('the JSON export read into a fresh database', () => {
    let target: TestApp;
    let first: ArchiveFile;

    beforeAll(async () => {
      target = await startTestApp({ config: { seedRegions: true } });
      first = await exportJson(source);
    }, 120_000);

    afterAll(async () => {
      await target?.close();
    });

    it('the export holds every clipping, publication and tag', async () => {
      const total = ((await source.http().get('/api/clippings').expect(200)).body as Page<Clipping>).total;
      expect(first.format).toBe('jianbao-archive');
      expect(first.clippings).toHaveLength(total);
      expect(first.publications.map((p) => p.name).sort()).toEqual(['安康日报', '济宁日报']);
      expect(first.tags.find((t) => t.id === child.id)).toMatchObject({
        parentId: topic.id,
        rule: { mode: 'any', terms: ['廉洁'] },
      });
    });

    it('a bad file is a 400 listing each problem by its path, and writes nothing', async () => {
      const broken = JSON.parse(JSON.stringify(first)) as ArchiveFile;
      broken.clippings[1]!.issueDate = '2024-02-30';
      broken.clippings[2]!.kind = 'poem' as ArchiveClipping['kind'];
      const res = await target.http().post('/api/exports/import').send(broken).expect(400);
      const fields = (res.body as { details: { field: string }[] }).details.map((d) => d.field);
      expect(fields).toEqual(['clippings[1].issueDate', 'clippings[2].kind']);
      // Valid in shape but naming a region this database lacks: refused inside the transaction.
      const unknownRegion = JSON.parse(JSON.stringify(first)) as ArchiveFile;
      unknownRegion.clippings.at(-1)!.regions.push({ code: '999999', source: 'manual' });
      const res2 = await target.http().post('/api/exports/import').send(unknownRegion).expect(400);
      expect((res2.body as { details: { field: string }[] }).details[0]?.field).toMatch(
        /^clippings\[\d+\]\.regions\[\d+\]\.code$/,
      );
      const pubs = (await target.http().get('/api/publications').expect(200)).body as Publication[];
      expect(pubs).toEqual([]);
      expect(((await target.http().get('/api/clippings').expect(200)).body as Page<Clipping>).total).toBe(0);
      await target.http().post('/api/exports/import').send([]).expect(400);
    });

    it('reproduces the archive: exported again, it has the same content (ids aside)', async () => {
      const res = await target.http().post('/api/exports/import').send(first).expect(201);
      const result = res.body as ArchiveImportResult;
      expect(result.clippings).toBe(first.clippings.length);
      expect(result.publications).toBe(2);
      expect(result.tags).toBe(first.tags.length);
      const articles = await articlesOf(source);
      expect(result.articles).toBe(articles.total);
      const second = await exportJson(target);
      expect(byContent(second)).toEqual(byContent(first));
      const strip = (p: Page<ArticleSummary>) =>
        p.items
          .map((a) => ({
            title: a.title,
            byline: a.byline,
            pages: a.parts.map((x) => `${x.publicationName} ${x.issueDate} ${x.pageLabel}`),
          }))
          .sort((a, b) => `${a.title}`.localeCompare(`${b.title}`));
      expect(strip(await articlesOf(target))).toEqual(strip(articles));
    });

    it('a second import into the now filled database is refused with a 409', async () => {
      const res = await target.http().post('/api/exports/import').send(first).expect(409);
      expect((res.body as { message: string }).message).toMatch(/already holds clippings/);
    });

    it('only admins import', async () => {
      await (await target.as('editor')).post('/api/exports/import').send(first).expect(403);
    });
  });

  it('import-json FILE (the CLI) does the same, and says what is wrong with a bad file', async () => {
    const target = await startTestApp({ config: { seedRegions: true } });
    const dir = mkdtempSync(join(tmpdir(), 'jianbao-archive-'));
    const saved = { ...process.env };
    try {
      const first = await exportJson(source, { publicationId: ankang.id });
      const good = join(dir, 'archive.json');
      writeFileSync(good, JSON.stringify(first));
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, '{"format": "jianbao-archive", "version": 1, "publications": [');
      Object.assign(process.env, target.databaseEnv);
      const out: string[] = [];
      const err: string[] = [];
      const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) };
      expect(await runCli(['import-json', bad], io)).toBe(2);
      expect(err.join('')).toMatch(/cannot read .*bad\.json as JSON/);
      expect(await runCli(['import-json', good], io)).toBe(0);
      expect(out.join('')).toContain(`imported ${first.clippings.length} clippings`);
      const second = await exportJson(target);
      expect(byContent(second).clippings).toEqual(byContent(first).clippings);
      err.length = 0;
      expect(await runCli(['import-json', good], io)).toBe(1);
      expect(err.join('')).toMatch(/already holds clippings/);
    } finally {
      process.env = saved;
      rmSync(dir, { recursive: true, force: true });
      await target.close();
    }
  }, 120_000);
});
