import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { AppConfig, validateConfig } from '../config/app-config';
import { openDataSource } from '../database/data-source';
import { type GazetteerEntry, loadGazetteer } from './gazetteer';
import { chunk, planGazetteerSeed, seedGazetteer } from './gazetteer-seed';

const ENTRIES: GazetteerEntry[] = [
  { code: '370000', name: '山东省', level: 'province', parentCode: null },
  { code: '370800', name: '济宁市', level: 'prefecture', parentCode: '370000' },
  { code: '370832', name: '梁山县', level: 'county', parentCode: '370800' },
  { code: '370831', name: '泗水县', level: 'county', parentCode: '370800' },
];

describe('planGazetteerSeed', () => {
  it('groups the missing units by level, parents first', () => {
    expect(planGazetteerSeed(ENTRIES, new Set()).map((l) => l.map((e) => e.code))).toEqual([
      ['370000'],
      ['370800'],
      ['370832', '370831'],
    ]);
  });

  it('leaves out codes already present; nothing when all are', () => {
    expect(
      planGazetteerSeed(ENTRIES, new Set(['370000', '370832'])).map((l) => l.map((e) => e.code)),
    ).toEqual([['370800'], ['370831']]);
    expect(planGazetteerSeed(ENTRIES, new Set(ENTRIES.map((e) => e.code)))).toEqual([]);
  });

  it('chunks', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 3)).toEqual([]);
  });
});

describe('seedGazetteer on SQLite', () => {
  let dir: string;
  let ds: DataSource;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jianbao-seed-'));
    ds = await openDataSource(
      validateConfig(Object.assign(new AppConfig(), { databasePath: join(dir, 's.sqlite') })),
    );
  });

  afterAll(async () => {
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads every unit under its parent in one transaction, and a second run adds nothing', async () => {
    // A region created by hand keeps its row; its children hang under it.
    await ds.query("INSERT INTO region (code, name, level) VALUES ('370000', '山东', 'province')");
    const entries = loadGazetteer();
    const added = await ds.transaction((m) => seedGazetteer(m, entries));
    expect(added).toBe(entries.length - 1);
    const levels = (await ds.query(
      'SELECT level, COUNT(*) AS n FROM region GROUP BY level ORDER BY level',
    )) as {
      level: string;
      n: number;
    }[];
    expect(levels).toEqual([
      { level: 'county', n: 2848 },
      { level: 'prefecture', n: 333 },
      { level: 'province', n: 34 },
    ]);
    const chain = (await ds.query(
      `SELECT c.name AS county, p.name AS prefecture, g.name AS province FROM region c
         JOIN region p ON p.id = c.parent_id JOIN region g ON g.id = p.parent_id WHERE c.code = '370832'`,
    )) as unknown[];
    expect(chain).toEqual([{ county: '梁山县', prefecture: '济宁市', province: '山东' }]);
    expect(await ds.transaction((m) => seedGazetteer(m, entries))).toBe(0);
  });
});
