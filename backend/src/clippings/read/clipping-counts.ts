import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ReadQueries } from '../../database/read-queries';

type CountRow<K extends string> = Record<K, number | string | null> & { n: number | string };

/** How many clippings there are of a publication, a region, an import, a region subtree: the counts other features show or check. */
@Injectable()
export class ClippingCounts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly read: ReadQueries,
  ) {}

  /** Every clipping, and the latest issue date (null when there is none): two index lookups. */
  async overall(): Promise<{ total: number; lastIssueDate: string | null }> {
    const [row] = await this.read.all<{ n: number | string; last: string | null }>(
      'SELECT COUNT(*) AS n, MAX(issue_date) AS last FROM clipping',
      [],
    );
    return { total: Number(row?.n ?? 0), lastIssueDate: row?.last ?? null };
  }

  /** Per issue date from `from` to `to` (inclusive), dates without clippings left out (the issue-date index). */
  async perIssueDate(from: string, to: string): Promise<{ date: string; count: number }[]> {
    const rows = await this.read.all<CountRow<'d'>>(
      'SELECT issue_date AS d, COUNT(*) AS n FROM clipping WHERE issue_date >= ? AND issue_date <= ? GROUP BY issue_date ORDER BY issue_date',
      [from, to],
    );
    return rows.map((r) => ({ date: String(r.d), count: Number(r.n) }));
  }

  /** Per publication, with its name, most clippings first. */
  async perPublication(): Promise<{ id: number; name: string; count: number }[]> {
    const rows = await this.read.all<CountRow<'id' | 'name'>>(
      'SELECT g.publication_id AS id, p.name AS name, g.n AS n FROM ' +
        '(SELECT publication_id, COUNT(*) AS n FROM clipping GROUP BY publication_id) g ' +
        'JOIN publication p ON p.id = g.publication_id ORDER BY g.n DESC, p.name',
      [],
    );
    return rows.map((r) => ({ id: Number(r.id), name: String(r.name), count: Number(r.n) }));
  }

  /**
   * Per top-level tag (topic): distinct clippings tagged with it or any tag inside it, most first;
   * topics without clippings left out. One recursive query, as for regions.
   */
  async perTopic(): Promise<{ id: number; name: string; count: number }[]> {
    const rows = await this.read.all<CountRow<'top' | 'name'>>(
      'WITH RECURSIVE sub (id, top) AS (SELECT id, id FROM tag WHERE parent_id IS NULL ' +
        'UNION ALL SELECT t.id, s.top FROM tag t JOIN sub s ON t.parent_id = s.id) ' +
        'SELECT sub.top AS top, t.name AS name, COUNT(DISTINCT ct.clipping_id) AS n FROM sub ' +
        'JOIN clipping_tag ct ON ct.tag_id = sub.id JOIN tag t ON t.id = sub.top ' +
        'GROUP BY sub.top, t.name ORDER BY n DESC, t.name',
      [],
    );
    return rows.map((r) => ({ id: Number(r.top), name: String(r.name), count: Number(r.n) }));
  }

  /** The counts of the work queues that are clipping columns and links. */
  async queues(): Promise<{
    drafts: number;
    withoutRegion: number;
    withoutTopic: number;
    waitingParts: number;
  }> {
    const [row] = await this.read.all<Record<'drafts' | 'noRegion' | 'noTag' | 'waiting', number | string>>(
      "SELECT (SELECT COUNT(*) FROM clipping c WHERE c.status = 'draft') AS drafts, " +
        '(SELECT COUNT(*) FROM clipping c WHERE NOT EXISTS (SELECT 1 FROM clipping_region w WHERE w.clipping_id = c.id)) AS "noRegion", ' +
        '(SELECT COUNT(*) FROM clipping c WHERE NOT EXISTS (SELECT 1 FROM clipping_tag w WHERE w.clipping_id = c.id)) AS "noTag", ' +
        // As the waiting list: a clipping waiting for both its head and its tail is two entries. Each
        // condition has its partial index (migration AddClippingWaitingIndexes).
        '(SELECT COUNT(*) FROM clipping c WHERE c.continues_from IS NOT NULL AND c.previous_part_id IS NULL) + ' +
        '(SELECT COUNT(*) FROM clipping c WHERE c.continues_to IS NOT NULL AND c.next_part_id IS NULL) AS waiting',
      [],
    );
    return {
      drafts: Number(row?.drafts ?? 0),
      withoutRegion: Number(row?.noRegion ?? 0),
      withoutTopic: Number(row?.noTag ?? 0),
      waitingParts: Number(row?.waiting ?? 0),
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
   * Per child of `parentId` (top level when null): distinct clippings linked to it or any descendant.
   * One recursive query: every descendant is tagged with the child it hangs under, then joined to
   * the links (indexed by region_id) and counted once per clipping.
   */
  async ofRegionSubtrees(
    parentId: number | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, number>> {
    const rows = await manager
      .createQueryBuilder()
      .addCommonTableExpression(
        `SELECT id, id FROM region WHERE ${parentId === null ? 'parent_id IS NULL' : 'parent_id = :parentId'}
         UNION ALL SELECT r.id, s.top FROM region r JOIN sub s ON r.parent_id = s.id`,
        'sub',
        { recursive: true, columnNames: ['id', 'top'] },
      )
      .select('sub.top', 'top')
      .addSelect('COUNT(DISTINCT cr.clipping_id)', 'n')
      .from('sub', 'sub')
      .innerJoin('clipping_region', 'cr', 'cr.region_id = sub.id')
      .groupBy('sub.top')
      .setParameters({ parentId })
      .getRawMany<{ top: number; n: number | string }>();
    return new Map(rows.map((r) => [Number(r.top), Number(r.n)]));
  }
}
