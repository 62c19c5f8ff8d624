import type { Clipping, Publication } from '@jianbao/contracts';
import { DataSource } from 'typeorm';
import { ON_POSTGRES } from '../fixtures/postgres';
import { buildClipping } from '../fixtures/builders';
import { startTestApp, syncIdentitySequence, TransactionRunner, type TestApp } from '../fixtures/test-app';

// What the two databases must agree on beyond what the feature tests show: ids after rows are put
// back with their old ids (the trash), and no lost update when transactions race.
describe(`database behaviour the features rely on (${ON_POSTGRES ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
  });

  afterAll(async () => {
    await t.close();
  });

  it('after rows are inserted with explicit ids, new rows get fresh ids (syncIdentitySequence)', async () => {
    const first = (await t.http().post('/api/publications').send({ name: '人民日报' }).expect(201))
      .body as Publication;
    await db.transaction(async (m) => {
      await m.query(`INSERT INTO publication (id, name) VALUES (${first.id + 40}, '光明日报')`);
      await syncIdentitySequence(m, 'publication');
    });
    const next = (await t.http().post('/api/publications').send({ name: '经济日报' }).expect(201))
      .body as Publication;
    expect(next.id).toBe(first.id + 41);

    // Never moved back: with the highest row gone, its id is not handed out again.
    await t.http().delete(`/api/publications/${next.id}`).expect(204);
    await db.transaction((m) => syncIdentitySequence(m, 'publication'));
    const after = (await t.http().post('/api/publications').send({ name: '农民日报' }).expect(201))
      .body as Publication;
    expect(after.id).toBe(next.id + 1);
    await expect(
      db.transaction((m) => syncIdentitySequence(m, 'publication; DROP TABLE tag')),
    ).rejects.toThrow(/identifier/);
  });

  it('racing read-then-write transactions lose no update', async () => {
    const publication = (await t.http().post('/api/publications').send({ name: '新华日报' }).expect(201))
      .body as Publication;
    const clipping = (await t.http().post('/api/clippings').send(buildClipping(publication.id)).expect(201))
      .body as Clipping;
    const runner = t.app.get(TransactionRunner);
    const bump = (): Promise<void> =>
      runner.run(async (m) => {
        const [row] = (await m.query(`SELECT version FROM clipping WHERE id = ${clipping.id}`)) as {
          version: number;
        }[];
        await new Promise((resolve) => setTimeout(resolve, 2));
        await m.query(`UPDATE clipping SET version = ${Number(row!.version) + 1} WHERE id = ${clipping.id}`);
      });
    await Promise.all(Array.from({ length: 10 }, bump));
    const [row] = (await db.query(`SELECT version FROM clipping WHERE id = ${clipping.id}`)) as {
      version: number;
    }[];
    expect(Number(row!.version)).toBe(clipping.version + 10);
  });

  it('concurrent PATCHes based on the same version: exactly one wins, the rest get 409; concurrent POSTs all land', async () => {
    const publication = (await t.http().post('/api/publications').send({ name: '南方日报' }).expect(201))
      .body as Publication;
    const clipping = (await t.http().post('/api/clippings').send(buildClipping(publication.id)).expect(201))
      .body as Clipping;
    const patches = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t
          .http()
          .patch(`/api/clippings/${clipping.id}`)
          .send({ version: clipping.version, title: `标题${i}` }),
      ),
    );
    const statuses = patches.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array.from({ length: 11 }, () => 409)]);
    const winner = patches.find((r) => r.status === 200)!.body as Clipping;
    const now = (await t.http().get(`/api/clippings/${clipping.id}`).expect(200)).body as Clipping;
    expect(now.title).toBe(winner.title);
    expect(now.version).toBe(clipping.version + 1);

    const posts = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t
          .http()
          .post('/api/clippings')
          .send(buildClipping(publication.id, { title: `并发${i}` })),
      ),
    );
    expect(posts.map((r) => r.status)).toEqual(Array.from({ length: 12 }, () => 201));
    expect(new Set(posts.map((r) => (r.body as Clipping).id)).size).toBe(12);
  });

  it('timestamps are UTC both ways, whatever the time zone of the process (run it with TZ=Asia/Shanghai)', async () => {
    const publication = (await t.http().post('/api/publications').send({ name: '解放日报' }).expect(201))
      .body as Publication;
    const clipping = (await t.http().post('/api/clippings').send(buildClipping(publication.id)).expect(201))
      .body as Clipping;
    // created_at comes from the column default (CURRENT_TIMESTAMP), updated by the app on PATCH.
    expect(Math.abs(Date.parse(clipping.createdAt) - Date.now())).toBeLessThan(60_000);
    const [row] = (await db.query(`SELECT COUNT(*) AS n FROM clipping WHERE id = ${clipping.id}`)) as {
      n: unknown;
    }[];
    expect(row!.n).toBe(1); // counts are numbers on both databases
  });

  it('text search ignores the case of Latin letters and takes % and _ literally', async () => {
    const publication = (await t.http().post('/api/publications').send({ name: '参考消息' }).expect(201))
      .body as Publication;
    const apec = buildClipping(publication.id, {
      title: 'APEC 会议在利马开幕',
      body: '百分之50_的代表到会。',
    });
    const created = (await t.http().post('/api/clippings').send(apec).expect(201)).body as Clipping;
    const search = async (q: string): Promise<number[]> =>
      (
        (await t.http().get('/api/clippings').query({ q, publicationId: publication.id }).expect(200))
          .body as {
          items: Clipping[];
        }
      ).items.map((c) => c.id);
    expect(await search('apec')).toEqual([created.id]);
    expect(await search('50_的')).toEqual([created.id]);
    expect(await search('5%的')).toEqual([]);
  });

  it('sorts untitled clippings first by title ascending, last descending, on both databases', async () => {
    const publication = (await t.http().post('/api/publications').send({ name: '大众日报' }).expect(201))
      .body as Publication;
    const post = async (title: string | null): Promise<number> =>
      (
        (
          await t
            .http()
            .post('/api/clippings')
            .send(buildClipping(publication.id, { kind: 'photo', title }))
            .expect(201)
        ).body as Clipping
      ).id;
    const titled = await post('乙');
    const untitled = await post(null);
    const order = async (sort: string): Promise<number[]> =>
      (
        (await t.http().get('/api/clippings').query({ sort, publicationId: publication.id }).expect(200))
          .body as {
          items: Clipping[];
        }
      ).items.map((c) => c.id);
    expect(await order('title')).toEqual([untitled, titled]);
    expect(await order('-title')).toEqual([titled, untitled]);
  });
});
