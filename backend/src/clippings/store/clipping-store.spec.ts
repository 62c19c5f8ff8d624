import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { ENTITIES } from '../../app/entities';
import { References } from '../../catalog/references';
import { AppConfig, validateConfig } from '../../config/app-config';
import { openDataSource } from '../../database/data-source';
import { ReadQueries } from '../../database/read-queries';
import { TransactionRunner } from '../../database/transaction-runner';
import { SearchRepository } from '../../search/search.repository';
import { SearchService } from '../../search/search.service';
import { ClippingHooks } from '../clipping-hooks';
import { ChainReader } from '../read/chain-reader';
import { ClippingReader } from '../read/clipping-reader';
import { RevisionRecorder } from '../revisions/revision-recorder';
import { RevisionsRepository } from '../revisions/revisions.repository';
import { Chains } from './chains';
import { ClippingLinksRepository } from './clipping-links.repository';
import { ClippingRowsRepository } from './clipping-rows.repository';
import { ClippingStore } from './clipping-store';
import { ClippingTallies } from '../tally/clipping-tallies';

const AUTHOR = { id: null, name: 'spec' };

describe('ClippingStore', () => {
  let dir: string;
  let ds: DataSource;
  let hooks: ClippingHooks;
  let store: ClippingStore;
  let search: SearchService;
  let id: number;

  const revisions = async (): Promise<{ action: string; changes: string }[]> =>
    (await ds.query('SELECT action, changes FROM clipping_revision WHERE clipping_id = ? ORDER BY id', [
      id,
    ])) as { action: string; changes: string }[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jianbao-store-'));
    ds = await openDataSource(
      validateConfig(Object.assign(new AppConfig(), { databasePath: join(dir, 's.sqlite') })),
      { entities: ENTITIES },
    );
    await ds.query("INSERT INTO publication (name, language) VALUES ('济宁日报', 'zh-CN')");
    const read = new ReadQueries(ds, 0);
    const reader = new ClippingReader(ds, read);
    hooks = new ClippingHooks();
    const rows = new ClippingRowsRepository();
    search = new SearchService(new SearchRepository(ds, read), ds);
    store = new ClippingStore(
      new TransactionRunner(ds),
      rows,
      new ClippingLinksRepository(),
      new Chains(rows, new ChainReader(read, reader), reader),
      new RevisionRecorder(new RevisionsRepository(ds), hooks),
      hooks,
      new References(ds, read),
      search,
      new ClippingTallies(ds),
    );
    id = await store.write(AUTHOR, 'created', (w) =>
      w.insert({
        publicationId: 1,
        issueDate: '2024-10-22',
        pageLabel: '2',
        pageSort: '2',
        kind: 'article',
        kicker: null,
        title: '梁山县开展文明城市创建活动',
        subtitle: null,
        byline: null,
        dateline: null,
        body: '本报讯 近日，梁山县……',
        subheads: [],
        rawText: null,
        status: 'draft',
        continuesFrom: null,
        continuesTo: null,
        importId: null,
        articleId: null,
        previousPartId: null,
        nextPartId: null,
      }),
    );
  });

  afterEach(async () => {
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records what a write touched and did not record itself, under the write’s action', async () => {
    expect((await revisions()).map((r) => r.action)).toEqual(['created']);
    await store.write(AUTHOR, 'edited', (w) => w.updateMany([id], { title: '新标题' }));
    const [, edited] = await revisions();
    expect(edited?.action).toBe('edited');
    expect(JSON.parse(edited?.changes ?? '[]')).toEqual([
      { field: 'title', before: '梁山县开展文明城市创建活动', after: '新标题' },
    ]);
  });

  it('records once where the caller records', async () => {
    await store.write(AUTHOR, 'edited', async (w) => {
      await w.updateMany([id], { status: 'reviewed' });
      await w.record([id], 'bulk');
    });
    expect((await revisions()).map((r) => r.action)).toEqual(['created', 'bulk']);
  });

  it('tells the listeners every clipping the write touched, before it commits', async () => {
    const heard: number[][] = [];
    hooks.register({ changed: (_manager, ids) => Promise.resolve(void heard.push([...ids])) });
    await store.write(AUTHOR, 'edited', async (w) => {
      await w.updateMany([id], { status: 'reviewed' });
      await w.record([id], 'edited');
    });
    expect(heard).toEqual([[id]]);
  });

  it('rolls the change and its revision back together', async () => {
    await expect(
      store.write(AUTHOR, 'edited', async (w) => {
        await w.updateMany([id], { title: '不会留下' });
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    const [row] = (await ds.query('SELECT title FROM clipping WHERE id = ?', [id])) as { title: string }[];
    expect(row?.title).toBe('梁山县开展文明城市创建活动');
    expect((await revisions()).map((r) => r.action)).toEqual(['created']);
  });

  it('moves the counts with a status edit, and a title edit leaves them as they are', async () => {
    const count = async (bucket: string): Promise<number> => {
      const [row] = (await ds.query('SELECT n FROM clipping_tally WHERE bucket = ?', [bucket])) as {
        n: number;
      }[];
      return Number(row?.n ?? 0);
    };
    expect([await count('all'), await count('draft')]).toEqual([1, 1]);
    await store.write(AUTHOR, 'edited', (w) => w.updateMany([id], { title: '新标题' }));
    expect([await count('all'), await count('draft')]).toEqual([1, 1]);
    await store.write(AUTHOR, 'edited', (w) => w.updateMany([id], { status: 'reviewed' }));
    expect([await count('all'), await count('draft'), await count('day:2024-10-22')]).toEqual([1, 0, 1]);
    await store.write(AUTHOR, 'edited', (w) => w.updateMany([id], { issueDate: '2024-10-23' }));
    expect([await count('day:2024-10-22'), await count('day:2024-10-23')]).toEqual([0, 1]);
  });

  it('keeps the search index in step with text and issue-date edits (one entry per clipping)', async () => {
    const found = async (q: string): Promise<number[]> =>
      (await search.search({ q, sort: 'relevance', page: { offset: 0, pageSize: 10 } })).ids;
    const entries = async (): Promise<number> => {
      const [row] = (await ds.query('SELECT COUNT(*) AS n FROM clipping_search')) as { n: number }[];
      return Number(row?.n ?? 0);
    };
    expect(await found('文明城市')).toEqual([id]);
    await store.write(AUTHOR, 'edited', (w) => w.updateMany([id], { title: '汶上县秋粮丰收' }));
    expect(await found('文明城市')).toEqual([]);
    expect(await found('秋粮丰收')).toEqual([id]);
    await store.write(AUTHOR, 'edited', (w) => w.updateMany([id], { issueDate: '2024-10-23' }));
    expect(await found('秋粮丰收')).toEqual([id]);
    expect(await entries()).toBe(1);
    await store.write(AUTHOR, 'trashed', (w) => w.remove([id]));
    expect(await found('秋粮丰收')).toEqual([]);
    expect(await entries()).toBe(0);
  });
});
