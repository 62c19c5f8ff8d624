import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { toDollarPlaceholders } from '../../database/read-queries';
import { idList } from '../../database/row-reader';
import { atOnce, chunk, rowsPerStatement, valuesList } from '../../database/sql-values';
import { bucketsOf, tallyDelta, type TallyState } from './tally-buckets';

/** Clippings whose buckets are worked out per round of statements. */
const BATCH = 5_000;

type StateRow = {
  id: number | string;
  issue_date: string;
  publication_id: number | string;
  status: string;
  waiting_head: number | string | boolean;
  waiting_tail: number | string | boolean;
};

/** The buckets of the clippings whose rows were read (those that no longer exist are left out). */
function bucketsFromRows(
  rows: readonly StateRow[],
  regionRows: ReadonlyArray<{ cid: number | string; id: number | string }>,
  tagRows: ReadonlyArray<{ cid: number | string; id: number | string; top: number | string }>,
): Map<number, string[]> {
  const regions = new Map<number, number[]>();
  for (const r of regionRows) {
    const list = regions.get(Number(r.cid)) ?? [];
    list.push(Number(r.id));
    regions.set(Number(r.cid), list);
  }
  const topics = new Map<number, number[]>();
  for (const t of tagRows) {
    const cid = Number(t.cid);
    const list = topics.get(cid) ?? [];
    if (Number(t.top) === 1) list.push(Number(t.id));
    topics.set(cid, list);
  }
  const out = new Map<number, string[]>();
  for (const r of rows) {
    const id = Number(r.id);
    const state: TallyState = {
      issueDate: r.issue_date,
      publicationId: Number(r.publication_id),
      status: r.status,
      waitingForHead: Number(r.waiting_head) === 1,
      waitingForTail: Number(r.waiting_tail) === 1,
      regionIds: regions.get(id) ?? [],
      topicIds: topics.get(id) ?? [],
      tagged: topics.has(id),
    };
    out.set(id, bucketsOf(state));
  }
  return out;
}

/**
 * The dashboard's counts kept current (`clipping_tally`, `clipping_tally_member`; see tally-buckets.ts):
 * the clipping store calls {@link refresh} with every clipping a write touched, in that write's
 * transaction, so a count never disagrees with the rows and costs a write only the clippings it touched.
 * Tag and region tree moves call it for the clippings below the moved node.
 */
@Injectable()
export class ClippingTallies {
  constructor(private readonly dataSource: DataSource) {}

  /** Brings the counts in step with these clippings' rows and links (gone ones are taken out). */
  async refresh(manager: EntityManager, ids: Iterable<number>): Promise<void> {
    for (const part of chunk([...new Set(ids)], BATCH)) await this.refreshBatch(manager, part);
  }

  /** Every clipping tagged with a tag in `tagId`'s subtree (its topic changes when the subtree moves). */
  async refreshUnderTag(manager: EntityManager, tagId: number): Promise<void> {
    const rows = await this.query<{ id: number | string }>(
      manager,
      'WITH RECURSIVE sub (id) AS (SELECT id FROM tag WHERE id = ? UNION ALL SELECT t.id FROM tag t JOIN sub ON t.parent_id = sub.id) ' +
        'SELECT DISTINCT ct.clipping_id AS id FROM clipping_tag ct JOIN sub ON ct.tag_id = sub.id',
      [tagId],
    );
    await this.refresh(
      manager,
      rows.map((r) => Number(r.id)),
    );
  }

  /** Every clipping linked to a region in `regionId`'s subtree (its ancestors change when it moves). */
  async refreshUnderRegion(manager: EntityManager, regionId: number): Promise<void> {
    const rows = await this.query<{ id: number | string }>(
      manager,
      'WITH RECURSIVE sub (id) AS (SELECT id FROM region WHERE id = ? UNION ALL SELECT r.id FROM region r JOIN sub ON r.parent_id = sub.id) ' +
        'SELECT DISTINCT cr.clipping_id AS id FROM clipping_region cr JOIN sub ON cr.region_id = sub.id',
      [regionId],
    );
    await this.refresh(
      manager,
      rows.map((r) => Number(r.id)),
    );
  }

  /** Whether the database has clippings and no counts (filed before the tally existed). */
  async isMissing(): Promise<boolean> {
    const [row] = await this.query<{ has: number | string | null; n: number | string | null }>(
      this.dataSource.manager,
      "SELECT (SELECT 1 FROM clipping LIMIT 1) AS has, (SELECT n FROM clipping_tally WHERE bucket = 'all') AS n",
      [],
    );
    return row !== undefined && row.has !== null && (row.n === null || row.n === undefined);
  }

  /**
   * Counts every clipping again from scratch: the counts are emptied in one transaction, then filled
   * `BATCH` clippings per transaction in id order (`run` opens each: the transaction runner).
   */
  async rebuild(run: (work: (manager: EntityManager) => Promise<void>) => Promise<void>): Promise<number> {
    await run(async (m) => {
      await m.query('DELETE FROM clipping_tally_member');
      await m.query('DELETE FROM clipping_tally');
    });
    let after = 0;
    let total = 0;
    for (;;) {
      let ids: number[] = [];
      await run(async (m) => {
        const rows = await this.query<{ id: number | string }>(
          m,
          'SELECT id FROM clipping WHERE id > ? ORDER BY id LIMIT ?',
          [after, BATCH],
        );
        ids = rows.map((r) => Number(r.id));
        await this.refreshBatch(m, ids);
      });
      total += ids.length;
      if (ids.length < BATCH) return total;
      after = ids[ids.length - 1] ?? after;
    }
  }

  /**
   * One round of reads (the members' buckets before, the rows, the regions and tags above their links:
   * all four at once), then one round of writes: members gone deleted, members whose buckets changed
   * upserted, the counts moved. A clipping whose buckets did not change costs no write.
   */
  private async refreshBatch(m: EntityManager, ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    const list = idList(m.connection, ids);
    const [members, rows, regionRows, tagRows] = await atOnce(
      m,
      () =>
        this.query<{ clipping_id: number | string; buckets: string }>(
          m,
          `SELECT clipping_id, buckets FROM clipping_tally_member WHERE clipping_id IN ${list.sql}`,
          [list.param],
        ),
      () =>
        this.query<StateRow>(
          m,
          'SELECT c.id, c.issue_date, c.publication_id, c.status, ' +
            'CASE WHEN c.continues_from IS NOT NULL AND c.previous_part_id IS NULL THEN 1 ELSE 0 END AS waiting_head, ' +
            'CASE WHEN c.continues_to IS NOT NULL AND c.next_part_id IS NULL THEN 1 ELSE 0 END AS waiting_tail ' +
            `FROM clipping c WHERE c.id IN ${list.sql}`,
          [list.param],
        ),
      () =>
        this.query<{ cid: number | string; id: number | string }>(
          m,
          'WITH RECURSIVE up (cid, id) AS (' +
            `SELECT cr.clipping_id, cr.region_id FROM clipping_region cr WHERE cr.clipping_id IN ${list.sql} ` +
            'UNION SELECT up.cid, r.parent_id FROM up JOIN region r ON r.id = up.id WHERE r.parent_id IS NOT NULL) ' +
            'SELECT cid, id FROM up',
          [list.param],
        ),
      // Every tag link and the tags above it; the top-level ones are the topics.
      () =>
        this.query<{ cid: number | string; id: number | string; top: number | string }>(
          m,
          'WITH RECURSIVE up (cid, id, parent) AS (' +
            `SELECT ct.clipping_id, t.id, t.parent_id FROM clipping_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.clipping_id IN ${list.sql} ` +
            'UNION SELECT up.cid, t.id, t.parent_id FROM up JOIN tag t ON t.id = up.parent) ' +
            'SELECT cid, id, CASE WHEN parent IS NULL THEN 1 ELSE 0 END AS top FROM up',
          [list.param],
        ),
    );
    const before = new Map<number, string[]>();
    for (const r of members) before.set(Number(r.clipping_id), r.buckets.split(' '));
    const after = bucketsFromRows(rows, regionRows, tagRows);
    const delta = tallyDelta(before, after);
    const gone = [...before.keys()].filter((id) => !after.has(id));
    const changed = [...after].filter(([id, buckets]) => before.get(id)?.join(' ') !== buckets.join(' '));
    // In bucket order, so that two processes moving the same counts lock them in the same order.
    const moves = [...delta].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // Three writes of different rows (members gone, members changed, counts): at once.
    await atOnce(
      m,
      async () => {
        if (gone.length === 0) return;
        const goneList = idList(m.connection, gone);
        await this.query(m, `DELETE FROM clipping_tally_member WHERE clipping_id IN ${goneList.sql}`, [
          goneList.param,
        ]);
      },
      async () => {
        for (const part of chunk(changed, rowsPerStatement(2)))
          await m.query(
            `INSERT INTO clipping_tally_member (clipping_id, buckets) VALUES ${valuesList(m, part.length, 2)} ` +
              'ON CONFLICT (clipping_id) DO UPDATE SET buckets = excluded.buckets',
            part.flatMap(([id, buckets]) => [id, buckets.join(' ')]),
          );
      },
      async () => {
        for (const part of chunk(moves, rowsPerStatement(2)))
          await m.query(
            `INSERT INTO clipping_tally (bucket, n) VALUES ${valuesList(m, part.length, 2)} ` +
              'ON CONFLICT (bucket) DO UPDATE SET n = clipping_tally.n + excluded.n',
            part.flat(),
          );
      },
    );
  }

  private async query<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
    const postgres = m.connection.options.type === 'postgres';
    return (await m.query(postgres ? toDollarPlaceholders(sql) : sql, params)) as T[];
  }
}
