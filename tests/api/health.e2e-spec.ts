import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { itSqliteOnly } from '../fixtures/postgres';
import { readSqlitePragmas, startTestApp, type TestApp } from '../fixtures/test-app';

describe('start-up, health, errors and OpenAPI', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  itSqliteOnly('creates the SQLite file (and its folder) on start', 'checks the database file', () => {
    expect(existsSync(t.databasePath)).toBe(true);
  });

  itSqliteOnly(
    'connects with WAL, foreign keys, synchronous=NORMAL, a 5 s busy timeout and the file memory-mapped',
    'reads SQLite PRAGMAs',
    async () => {
      const pragmas = await readSqlitePragmas(t.app.get(DataSource));
      expect(pragmas).toEqual({
        journal_mode: 'wal',
        foreign_keys: 1,
        synchronous: 1,
        busy_timeout: 5000,
        mmap_size: expect.any(Number),
      });
      // SQLite caps the map at its compile-time maximum; 0 would mean reads copy every page.
      expect(pragmas['mmap_size']).toBeGreaterThan(0);
    },
  );

  it('GET /api/health → ok with the version, to anyone; no setup needed once an admin exists', async () => {
    const res = await t.anon().get('/api/health').expect(200);
    expect(res.body).toEqual({
      status: 'ok',
      database: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      setupRequired: false,
    });
  });

  it('answers an unknown /api route with a 404 in the error shape', async () => {
    const res = await t.http().get('/api/no-such-thing').expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Cannot GET /api/no-such-thing',
    });
  });

  it('answers a malformed JSON body with a 400, no stack trace', async () => {
    const res = await t
      .http()
      .post('/api/publications')
      .set('content-type', 'application/json')
      .send('{"name": 钱江')
      .expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Malformed JSON in the request body',
    });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js/);
  });

  it('serves the OpenAPI UI at /api/docs', async () => {
    const res = await t.http().get('/api/docs').expect(200);
    expect(res.text).toContain('swagger');
  });

  it('lists every route in /api/docs-json', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    const paths = res.body.paths as Record<string, Record<string, unknown>>;
    const routes = Object.entries(paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const expected = ['publications', 'clippings', 'tags', 'regions'].flatMap((r) => [
      `GET /api/${r}`,
      `POST /api/${r}`,
      `GET /api/${r}/{id}`,
      `PATCH /api/${r}/{id}`,
      `DELETE /api/${r}/{id}`,
    ]);
    expect(routes).toEqual(expect.arrayContaining([...expected, 'GET /api/health']));
    const listParams = (paths['/api/clippings']!['get'] as { parameters: { name: string }[] }).parameters.map(
      (p) => p.name,
    );
    expect(listParams).toEqual(
      expect.arrayContaining([
        'page',
        'pageSize',
        'sort',
        'publicationId',
        'from',
        'to',
        'kind',
        'tagId',
        'regionId',
        'q',
      ]),
    );
  });
});

describe('serving the built frontend', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jianbao-fe-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>剪报</title><jb-root></jb-root>');
    writeFileSync(join(dir, 'main.js'), 'console.log(1);');
    t = await startTestApp({ frontendDir: dir });
  });

  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves static files and falls back to index.html for app routes', async () => {
    await t.http().get('/main.js').expect(200);
    const res = await t.http().get('/clippings/42').expect(200);
    expect(res.text).toContain('<jb-root>');
  });

  it('keeps /api out of the fallback: unknown API routes and bad JSON stay JSON errors', async () => {
    const res = await t.http().get('/api/nope').expect(404);
    expect(res.body.statusCode).toBe(404);
    await t.http().post('/api/tags').set('content-type', 'application/json').send('{bad').expect(400);
    await t.http().get('/api/health').expect(200);
  });
});
