import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** How many clippings there are of a publication, a region, an import, a region subtree: the counts other features show or check. */
@Injectable()
export class ClippingCounts {
  constructor(private readonly dataSource: DataSource) {}

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
