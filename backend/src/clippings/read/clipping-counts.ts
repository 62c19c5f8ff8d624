import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ReadQueries } from '../../database/read-queries';
import { BUCKET } from '../tally/tally-buckets';

type CountRow<K extends string> = Record<K, number | string | null> & { n: number | string };

/**
 * How many clippings there are of a publication, a region, an import, a region subtree: the counts other
 * features show or check. The dashboard's and the region tree's read the counts the clipping store keeps
 * (`clipping_tally`), so their cost is one row per bar, whatever the size of the archive.
 */
@Injectable()
export class ClippingCounts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly read: ReadQueries,
  ) {}

  /** Every clipping: the `all` count, one row. */
  async total(): Promise<number> {
    const [row] = await this.read.all<{ n: number | string | null }>(
      'SELECT n FROM clipping_tally WHERE bucket = ?',
      [BUCKET.all],
    );
    return Number(row?.n ?? 0);
  }

  /**
   * Every clipping, and the latest issue date (null when there is none): the `all` count and the top of
   * the issue-date index.
   */
  async overall(): Promise<{ total: number; lastIssueDate: string | null }> {
    const [row] = await this.read.all<{ n: number | string | null; last: string | null }>(
      `SELECT (SELECT n FROM clipping_tally WHERE bucket = '${BUCKET.all}') AS n, (SELECT MAX(issue_date) FROM clipping) AS last`,
      [],
    );
    return { total: Number(row?.n ?? 0), lastIssueDate: row?.last ?? null };
  }

  /** Per issue date from `from` to `to` (inclusive), dates without clippings left out: one range of the day counts. */
  async perIssueDate(from: string, to: string): Promise<{ date: string; count: number }[]> {
    const rows = await this.read.all<{ bucket: string; n: number | string }>(
      'SELECT bucket, n FROM clipping_tally WHERE bucket >= ? AND bucket <= ? AND n > 0 ORDER BY bucket',
      [BUCKET.day(from), BUCKET.day(to)],
    );
    return rows.map((r) => ({ date: r.bucket.slice('day:'.length), count: Number(r.n) }));
  }

  /** Per publication, with its name, most clippings first: one count per publication. */
  async perPublication(): Promise<{ id: number; name: string; count: number }[]> {
    const rows = await this.read.all<CountRow<'id' | 'name'>>(
      "SELECT p.id AS id, p.name AS name, t.n AS n FROM publication p JOIN clipping_tally t ON t.bucket = 'pub:' || p.id " +
        'WHERE t.n > 0 ORDER BY t.n DESC, p.name',
      [],
    );
    return rows.map((r) => ({ id: Number(r.id), name: String(r.name), count: Number(r.n) }));
  }

  /**
   * Per top-level tag (topic): distinct clippings tagged with it or any tag inside it, most first;
   * topics without clippings left out. One count per topic.
   */
  async perTopic(): Promise<{ id: number; name: string; count: number }[]> {
    const rows = await this.read.all<CountRow<'id' | 'name'>>(
      "SELECT t.id AS id, t.name AS name, c.n AS n FROM tag t JOIN clipping_tally c ON c.bucket = 'topic:' || t.id " +
        'WHERE t.parent_id IS NULL AND c.n > 0 ORDER BY c.n DESC, t.name',
      [],
    );
    return rows.map((r) => ({ id: Number(r.id), name: String(r.name), count: Number(r.n) }));
  }

  /** The counts of the work queues that are clipping columns and links (a waiting list entry per side). */
  async queues(): Promise<{
    drafts: number;
    withoutRegion: number;
    withoutTopic: number;
    waitingParts: number;
  }> {
    const buckets = [BUCKET.draft, BUCKET.noRegion, BUCKET.noTag, BUCKET.waitFrom, BUCKET.waitTo];
    const rows = await this.read.all<{ bucket: string; n: number | string }>(
      `SELECT bucket, n FROM clipping_tally WHERE bucket IN (${buckets.map(() => '?').join(', ')})`,
      buckets,
    );
    const n = new Map(rows.map((r) => [r.bucket, Number(r.n)]));
    const of = (bucket: string): number => n.get(bucket) ?? 0;
    return {
      drafts: of(BUCKET.draft),
      withoutRegion: of(BUCKET.noRegion),
      withoutTopic: of(BUCKET.noTag),
      // As the waiting list: a clipping waiting for both its head and its tail is two entries.
      waitingParts: of(BUCKET.waitFrom) + of(BUCKET.waitTo),
    };
  }

  async ofPublication(id: number, manager: EntityManager): Promise<number> {
    const row = await manager
      .createQueryBuilder()
      .select('COUNT(*)', 'n')
      .from('clipping', 'c')
      .where('c.publication_id = :id', { id })
      .getRawOne<{ n: number | string }>();
    return Number(row?.n ?? 0);
  }

  /** Clippings linked to the region itself (not to regions inside it). */
  async ofRegion(id: number, manager: EntityManager): Promise<number> {
    const row = await manager
      .createQueryBuilder()
      .select('COUNT(*)', 'n')
      .from('clipping_region', 'cr')
      .where('cr.region_id = :id', { id })
      .getRawOne<{ n: number | string }>();
    return Number(row?.n ?? 0);
  }

  /** How many clippings each import has, for the given imports (one grouped query). */
  async ofImports(
    importIds: readonly number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, number>> {
    if (importIds.length === 0) return new Map();
    const rows = await manager
      .createQueryBuilder()
      .select('c.import_id', 'importId')
      .addSelect('COUNT(*)', 'n')
      .from('clipping', 'c')
      .where('c.import_id IN (:...ids)', { ids: importIds })
      .groupBy('c.import_id')
      .getRawMany<{ importId: number | string; n: number | string }>();
    return new Map(rows.map((r) => [Number(r.importId), Number(r.n)]));
  }

  /**
   * Per child of `parentId` (top level when null): distinct clippings linked to it or any descendant,
   * children without clippings left out. One count per child region (`clipping_tally`).
   */
  async ofRegionSubtrees(parentId: number | null, manager?: EntityManager): Promise<Map<number, number>> {
    const rows = await this.read.all<{ top: number | string; n: number | string }>(
      "SELECT r.id AS top, t.n AS n FROM region r JOIN clipping_tally t ON t.bucket = 'region:' || r.id " +
        `WHERE ${parentId === null ? 'r.parent_id IS NULL' : 'r.parent_id = ?'} AND t.n > 0`,
      parentId === null ? [] : [parentId],
      manager,
    );
    return new Map(rows.map((r) => [Number(r.top), Number(r.n)]));
  }
}
