/**
 * Seeds the `region` table from the gazetteer (34 provinces, 333 prefectures, 2,848 counties): every
 * unit whose code is missing is inserted under its parent, level by level, in multi-row INSERTs. Codes
 * already present (seeded earlier or created by hand) are left as they are, so the step is idempotent
 * and a second run costs one query.
 */
import type { EntityManager } from 'typeorm';
import type { GazetteerEntry } from './gazetteer';
import { chunk } from '../database/sql-values';

/** Rows per INSERT: 4 parameters each stays far below SQLite's and PostgreSQL's parameter limits. */
const BATCH = 250;

/** The entries to insert, grouped by level (parents first), given the codes already in the table. */
export function planGazetteerSeed(
  entries: readonly GazetteerEntry[],
  existingCodes: ReadonlySet<string>,
): GazetteerEntry[][] {
  const levels: GazetteerEntry[][] = [[], [], []];
  const rank = { province: 0, prefecture: 1, county: 2 } as const;
  for (const e of entries) if (!existingCodes.has(e.code)) levels[rank[e.level]]?.push(e);
  return levels.filter((l) => l.length > 0);
}

export { chunk };

async function codeIds(manager: EntityManager): Promise<Map<string, number>> {
  const rows = (await manager.query('SELECT id, code FROM region')) as {
    id: number | string;
    code: string;
  }[];
  return new Map(rows.map((r) => [r.code, Number(r.id)]));
}

/**
 * Inserts the missing gazetteer units inside the caller's transaction; resolves to how many were added.
 * A unit whose parent code is absent from both the table and the gazetteer is inserted without a parent.
 */
export async function seedGazetteer(
  manager: EntityManager,
  entries: readonly GazetteerEntry[],
): Promise<number> {
  let ids = await codeIds(manager);
  const plan = planGazetteerSeed(entries, new Set(ids.keys()));
  let added = 0;
  const postgres = manager.connection.options.type === 'postgres';
  for (const level of plan) {
    for (const rows of chunk(level, BATCH)) {
      const params: unknown[] = [];
      const values = rows.map((r, i) => {
        params.push(r.code, r.name, r.level, r.parentCode === null ? null : (ids.get(r.parentCode) ?? null));
        const n = i * 4;
        return postgres ? `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4})` : '(?, ?, ?, ?)';
      });
      await manager.query(
        `INSERT INTO region (code, name, level, parent_id) VALUES ${values.join(', ')}`,
        params,
      );
      added += rows.length;
    }
    ids = await codeIds(manager); // the next level needs this level's new ids as parents
  }
  return added;
}
