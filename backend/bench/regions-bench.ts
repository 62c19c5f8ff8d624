/**
 * Region tree counts at scale for `npm run bench -- --only regions`: a temporary SQLite file (real
 * migrations, the gazetteer seeded) with 100 synthetic clippings per `--pages` (default 1,000 pages →
 * 100,000 clippings), each linked to one to three regions — most in 山东省/济宁市, as a local paper's
 * would be — then `GET /api/regions/tree` through RegionsService.tree for the root, 山东省 and 济宁市.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { table } from './table';
import { AppConfig, validateConfig } from '../src/config/app-config';
import { ENTITIES } from '../src/app/entities';
import { openDataSource } from '../src/database/data-source';
import { chunk, rowsPerStatement, valuesList } from '../src/database/sql-values';
import { TransactionRunner } from '../src/database/transaction-runner';
import { ReadQueries } from '../src/database/read-queries';
import { loadGazetteer } from '../src/regions/gazetteer';
import { seedGazetteer } from '../src/regions/gazetteer-seed';
import { RegionDirectory } from '../src/catalog/region-directory';
import { ClippingTallies } from '../src/clippings/tally/clipping-tallies';
import { ClippingCounts } from '../src/clippings/read/clipping-counts';
import { RegionsRepository } from '../src/regions/regions.repository';
import { RegionsService } from '../src/regions/regions.service';

/** Synthetic clippings per bench page (`--pages 1000`, the default, gives 100,000). */
export const CLIPPINGS_PER_PAGE = 100;
/** Repeats per tree call after the first (the median is reported). */
const REPEATS = 5;
/** The bar a tree call should stay under. */
const BUDGET_MS = 200;

/** A small deterministic generator (mulberry32), so every run seeds the same links. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seeds the gazetteer, `n` clippings and their region links; answers the ids of 山东省 and 济宁市. */
export async function seedRegionBench(
  ds: DataSource,
  n: number,
): Promise<{ shandong: number; jining: number }> {
  return ds.transaction(async (manager) => {
    await seedGazetteer(manager, loadGazetteer());
    const regions = (await manager.query('SELECT id, code, parent_id FROM region')) as {
      id: number;
      code: string;
      parent_id: number | null;
    }[];
    const byCode = new Map(regions.map((r) => [r.code, r.id]));
    const shandong = byCode.get('370000');
    const jining = byCode.get('370800');
    if (shandong === undefined || jining === undefined) throw new Error('gazetteer lacks 山东省/济宁市');
    const jiningCounties = regions.filter((r) => r.parent_id === jining).map((r) => r.id);
    const shandongCities = regions.filter((r) => r.parent_id === shandong).map((r) => r.id);
    const all = regions.map((r) => r.id);
    await manager.query("INSERT INTO publication (name) VALUES ('基准测试报')");
    const [{ id: publicationId }] = (await manager.query('SELECT MAX(id) AS id FROM publication')) as [
      { id: number },
    ];
    const [{ id: before }] = (await manager.query('SELECT COALESCE(MAX(id), 0) AS id FROM clipping')) as [
      { id: number },
    ];
    const indices = Array.from({ length: n }, (_, i) => i);
    for (const rows of chunk(indices, rowsPerStatement(2))) {
      await manager.query(
        `INSERT INTO clipping (publication_id, issue_date, page_label, page_sort, body) VALUES ${rows
          .map(() => "(?, ?, '1', '0001', '区域基准')")
          .join(', ')}`,
        rows.flatMap((i) => [publicationId, `2024-01-${String((i % 28) + 1).padStart(2, '0')}`]),
      );
    }
    const next = random(2260);
    const pick = (ids: number[]): number => ids[Math.floor(next() * ids.length)] ?? jining;
    const links: number[][] = [];
    for (let i = 0; i < n; i += 1) {
      const clippingId = before + 1 + i;
      const chosen = new Set<number>();
      const roll = next();
      if (roll < 0.5) chosen.add(pick(jiningCounties));
      else if (roll < 0.6) chosen.add(jining);
      else if (roll < 0.8) chosen.add(pick(shandongCities));
      else chosen.add(pick(all));
      if (next() < 0.4) chosen.add(pick(jiningCounties));
      if (next() < 0.2) chosen.add(pick(all));
      for (const regionId of chosen) links.push([clippingId, regionId]);
    }
    for (const rows of chunk(links, rowsPerStatement(2))) {
      await manager.query(
        `INSERT INTO clipping_region (clipping_id, region_id, source) VALUES ${valuesList(manager, rows.length, 2).replace(/\?\)/g, "?, 'rule')")}`,
        rows.flat(),
      );
    }
    return { shandong, jining };
  });
}

async function timed<T>(fn: () => Promise<T>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export async function regionsBench(opts: { pages: number }): Promise<string> {
  const n = opts.pages * CLIPPINGS_PER_PAGE;
  const dir = mkdtempSync(join(tmpdir(), 'jianbao-regions-bench-'));
  const config = validateConfig(Object.assign(new AppConfig(), { databasePath: join(dir, 'bench.sqlite') }));
  const ds = await openDataSource(config, { entities: ENTITIES });
  try {
    const t0 = process.hrtime.bigint();
    const { shandong, jining } = await seedRegionBench(ds, n);
    // The rows went in by bulk SQL, past the store: count them as start-up would.
    await new ClippingTallies(ds).rebuild((work) => ds.transaction(work));
    const seedSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const [{ links }] = (await ds.query('SELECT COUNT(*) AS links FROM clipping_region')) as [
      { links: number },
    ];
    const reads = new ReadQueries(ds, 0);
    const service = new RegionsService(
      new RegionsRepository(ds),
      new ClippingCounts(ds, reads),
      new TransactionRunner(ds),
      new RegionDirectory(reads),
      new ClippingTallies(ds),
    );
    const rows: Array<Array<string | number>> = [];
    for (const [label, parentId] of [
      ['root', null],
      ['Shandong 370000', shandong],
      ['Jining 370800', jining],
    ] as const) {
      const first = await timed(() => service.tree(parentId));
      const repeats: number[] = [];
      for (let i = 0; i < REPEATS; i += 1) repeats.push(await timed(() => service.tree(parentId)));
      const median = [...repeats].sort((a, b) => a - b)[Math.floor(REPEATS / 2)] ?? first;
      const worst = Math.max(first, ...repeats);
      rows.push([label, first, median, worst, worst < BUDGET_MS ? 'yes' : 'NO']);
    }
    return table(
      `Region tree counts over ${n} clippings and ${Number(links)} region links in SQLite (RegionsService.tree; seeding took ${seedSeconds.toFixed(1)} s)`,
      ['level', 'first ms', 'median ms', 'worst ms', `< ${BUDGET_MS} ms`],
      rows,
    );
  } finally {
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
