/**
 * Rule-apply speed for `npm run bench -- --only rules`: a temporary SQLite file (real migrations) with
 * 100 synthetic clippings per `--pages` (default 1,000 pages → 100,000 clippings), then one tag per rule mode applied for
 * real through TagRulesService.apply — the service path of `POST /api/tags/:id/apply`: scan every
 * clipping's text in batches, match, insert the rule links and record each changed clipping's
 * revision, all in one transaction.
 *
 * The corpus is seeded as filing leaves it: every clipping has its `created` revision (recorded
 * through the real HistoryService), so a rule's revisions are stored as deltas. A last row takes a
 * second corpus without any history — a database filed before history existed — through what the
 * server does after start-up (a `baseline` revision per clipping, timed in the row's label), then
 * applies a rule to it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { table } from './table';
import { AppConfig, validateConfig } from '../src/config/app-config';
import { ENTITIES } from '../src/app/entities';
import { openDataSource } from '../src/database/data-source';
import type { RevisionRecorder } from '../src/clippings/revisions/revision-recorder';
import { TagRulesService } from '../src/tags/tag-rules.service';
import { TagsRepository } from '../src/tags/tags.repository';
import { benchClippings } from './clipping-store';
import { BENCH_RULES, syntheticClippings } from './rule-bench';

/** Synthetic clippings per bench page (`--pages 1000`, the default, gives 100,000). */
export const CLIPPINGS_PER_PAGE = 100;
const ROWS_PER_INSERT = 500;

/**
 * Inserts `n` clippings (texts cycled from a pool of 2,000) in one transaction; with `history`, each
 * gets its `created` revision as filing records it.
 */
async function seedClippings(ds: DataSource, n: number, history: RevisionRecorder | null): Promise<void> {
  const pool = syntheticClippings(Math.min(n, 2000));
  await ds.transaction(async (manager) => {
    await manager.query("INSERT INTO publication (name) VALUES ('基准测试报')");
    const [{ id: publicationId }] = (await manager.query('SELECT MAX(id) AS id FROM publication')) as [
      { id: number },
    ];
    for (let i = 0; i < n; i += ROWS_PER_INSERT) {
      const count = Math.min(ROWS_PER_INSERT, n - i);
      const params: unknown[] = [];
      for (let j = 0; j < count; j += 1) {
        const k = i + j;
        params.push(publicationId, `2024-01-${String((k % 28) + 1).padStart(2, '0')}`, pool[k % pool.length]);
      }
      await manager.query(
        `INSERT INTO clipping (publication_id, issue_date, page_label, page_sort, body) VALUES ${Array(count)
          .fill("(?, ?, '1', '0001', ?)")
          .join(', ')}`,
        params,
      );
      if (history) {
        const ids = (
          (await manager.query('SELECT id FROM clipping ORDER BY id DESC LIMIT ?', [count])) as {
            id: number;
          }[]
        ).map((r) => Number(r.id));
        await history.record(manager, ids, BENCH_AUTHOR, 'created');
      }
    }
  });
}

const BENCH_AUTHOR = { id: null, name: 'bench' };

export async function rulesBench(opts: { pages: number }): Promise<string> {
  const n = opts.pages * CLIPPINGS_PER_PAGE;
  const dir = mkdtempSync(join(tmpdir(), 'jianbao-rules-bench-'));
  const config = validateConfig(Object.assign(new AppConfig(), { databasePath: join(dir, 'bench.sqlite') }));
  const ds = await openDataSource(config, { entities: ENTITIES });
  const legacyDs = await openDataSource(
    validateConfig(Object.assign(new AppConfig(), { databasePath: join(dir, 'bench-pre-history.sqlite') })),
    { entities: ENTITIES },
  );
  try {
    const history = benchClippings(ds).recorder;
    const t0 = process.hrtime.bigint();
    await seedClippings(ds, n, history);
    const seedSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const rows: Array<Array<string | number>> = [];
    for (const rule of BENCH_RULES) rows.push(await applyOnce(ds, rule, n, 'filed'));
    await seedClippings(legacyDs, n, null);
    const legacy = benchClippings(legacyDs).store;
    const b0 = process.hrtime.bigint();
    // What the server's start-up step does (StartupData.recordHistoryBaselines), 500 per transaction.
    while ((await legacy.write(BENCH_AUTHOR, 'baseline', (w) => w.recordBaselines(500))) === 500);
    const baselineSeconds = Number(process.hrtime.bigint() - b0) / 1e9;
    rows.push(
      await applyOnce(
        legacyDs,
        BENCH_RULES[0],
        n,
        `pre-history, after baselines (${baselineSeconds.toFixed(1)} s)`,
      ),
    );
    return table(
      `Tag rule apply over ${n} clippings in SQLite (TagRulesService.apply, not dry, revisions included; seeding took ${seedSeconds.toFixed(1)} s)`,
      ['mode', 'corpus', 'clippings', 'matched', 'links added', 'seconds', '< 10 s'],
      rows,
    );
  } finally {
    await ds.destroy();
    await legacyDs.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Adds a tag with `rule` and applies it for real; one table row. */
async function applyOnce(
  ds: DataSource,
  rule: (typeof BENCH_RULES)[number],
  n: number,
  corpus: string,
): Promise<Array<string | number>> {
  const clippings = benchClippings(ds);
  const service = new TagRulesService(
    new TagsRepository(ds),
    clippings.store,
    clippings.reader,
    ds,
    clippings.audit,
  );
  await ds.query('INSERT INTO tag (name, rule) VALUES (?, ?)', [`bench-${rule.mode}`, JSON.stringify(rule)]);
  const [{ id: tagId }] = (await ds.query('SELECT MAX(id) AS id FROM tag')) as [{ id: number }];
  const start = process.hrtime.bigint();
  const result = await service.apply(tagId, false);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return [rule.mode, corpus, n, result.matched, result.added, seconds, seconds < 10 ? 'yes' : 'NO'];
}
