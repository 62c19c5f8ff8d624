import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ReadQueries } from '../database/read-queries';
import { RegionDirectory } from './region-directory';

describe('RegionDirectory', () => {
  let dir: string;
  let ds: DataSource;
  let reads: ReadQueries;
  let now: jest.SpyInstance<number, []>;
  let clock = 1_000_000;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jianbao-region-directory-'));
    ds = new DataSource({ type: 'sqlite', database: join(dir, 'r.sqlite'), enableWAL: true });
    await ds.initialize();
    await ds.query(
      'CREATE TABLE region (id INTEGER PRIMARY KEY, code TEXT, name TEXT, level TEXT, parent_id INTEGER)',
    );
    await ds.query(
      `INSERT INTO region VALUES (1, '370000', '山东省', 'province', NULL), (2, '370800', '济宁市', 'prefecture', 1),
         (3, '370832', '梁山县', 'county', 2), (4, '370830', '汶上县', 'county', 2), (5, '330000', '浙江省', 'province', NULL)`,
    );
    reads = new ReadQueries(ds, 1);
    await reads.onModuleInit();
    clock = 1_000_000;
    now = jest.spyOn(Date, 'now').mockImplementation(() => clock);
  });

  afterEach(async () => {
    now.mockRestore();
    await reads.onApplicationShutdown();
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives regions with their ancestors and subtrees; an unknown id matches nothing', async () => {
    const d = new RegionDirectory(reads);
    const found = await d.withAncestors([3, 99]);
    expect([...found.keys()].sort()).toEqual([1, 2, 3]);
    expect(found.get(2)).toEqual({ id: 2, code: '370800', name: '济宁市', level: 'prefecture', parentId: 1 });
    expect((await d.subtreeIds(1)).sort()).toEqual([1, 2, 3, 4]);
    expect(await d.subtreeIds(4)).toEqual([4]);
    expect(await d.subtreeIds(99)).toEqual([99]);
  });

  it('reads the table again after invalidate(), after the TTL, and (at most once a second) for an id it lacks', async () => {
    const d = new RegionDirectory(reads);
    expect((await d.withAncestors([3])).get(2)?.name).toBe('济宁市');
    await ds.query("UPDATE region SET name = '济宁' WHERE id = 2");
    expect((await d.withAncestors([3])).get(2)?.name).toBe('济宁市'); // cached
    d.invalidate();
    expect((await d.withAncestors([3])).get(2)?.name).toBe('济宁');

    await ds.query("UPDATE region SET name = '济宁市' WHERE id = 2");
    clock += RegionDirectory.TTL_MS + 1;
    expect((await d.withAncestors([3])).get(2)?.name).toBe('济宁市');

    await ds.query("INSERT INTO region VALUES (6, '370881', '曲阜市', 'county', 2)");
    expect(await d.subtreeIds(6)).toEqual([6]); // read less than a second ago: not again yet
    expect((await d.subtreeIds(2)).sort()).toEqual([2, 3, 4]);
    clock += RegionDirectory.MISS_RELOAD_MS;
    expect((await d.withAncestors([6])).get(6)?.name).toBe('曲阜市');
    expect((await d.subtreeIds(2)).sort()).toEqual([2, 3, 4, 6]);
  });
});
