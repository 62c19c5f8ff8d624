import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { escapeLike } from '../common/like';
import { likeOperator } from '../database/sql-values';
import type { ListRegionsQuery } from './dto/list-regions.query';
import { RegionEntity } from './region.entity';

/** Every query on `region`. Methods taking a manager run inside the caller's transaction. */
@Injectable()
export class RegionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    query: ListRegionsQuery,
    window: { offset: number; pageSize: number },
  ): Promise<{ items: RegionEntity[]; total: number }> {
    const qb = this.dataSource.getRepository(RegionEntity).createQueryBuilder('r');
    if (query.parentId !== undefined) qb.andWhere('r.parent_id = :parentId', { parentId: query.parentId });
    if (query.level !== undefined) qb.andWhere('r.level = :level', { level: query.level });
    if (query.q !== undefined && query.q !== '') {
      qb.andWhere(`r.name ${likeOperator(this.dataSource)} :prefix ESCAPE '\\'`, {
        prefix: `${escapeLike(query.q)}%`,
      });
    }
    const [items, total] = await qb
      .orderBy('r.code', 'ASC')
      .skip(window.offset)
      .take(window.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<RegionEntity | null> {
    return manager.findOneBy(RegionEntity, { id });
  }

  findChildren(id: number, manager: EntityManager): Promise<RegionEntity[]> {
    return manager.findBy(RegionEntity, { parentId: id });
  }

  findByCode(code: string, manager: EntityManager): Promise<RegionEntity | null> {
    return manager.findOneBy(RegionEntity, { code });
  }

  findByCodes(codes: string[], manager: EntityManager): Promise<RegionEntity[]> {
    return codes.length === 0 ? Promise.resolve([]) : manager.findBy(RegionEntity, { code: In(codes) });
  }

  /** The given regions and all their ancestors, by id (at most three levels, so at most three queries). */
  async withAncestors(
    regions: RegionEntity[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, RegionEntity>> {
    const byId = new Map(regions.map((r) => [r.id, r]));
    let missing = [...new Set(regions.map((r) => r.parentId))].filter(
      (id): id is number => id !== null && !byId.has(id),
    );
    while (missing.length > 0) {
      const parents = await manager.findBy(RegionEntity, { id: In(missing) });
      if (parents.length === 0) break;
      for (const p of parents) byId.set(p.id, p);
      missing = [...new Set(parents.map((p) => p.parentId))].filter(
        (id): id is number => id !== null && !byId.has(id),
      );
    }
    return byId;
  }

  async countReferences(
    id: number,
    manager: EntityManager,
  ): Promise<{ children: number; clippings: number }> {
    const children = await manager.countBy(RegionEntity, { parentId: id });
    const row = await manager
      .createQueryBuilder()
      .select('COUNT(*)', 'n')
      .from('clipping_region', 'cr')
      .where('cr.region_id = :id', { id })
      .getRawOne<{ n: number | string }>();
    return { children, clippings: Number(row?.n ?? 0) };
  }

  save(entity: RegionEntity, manager: EntityManager): Promise<RegionEntity> {
    return manager.save(RegionEntity, entity);
  }

  async remove(id: number, manager: EntityManager): Promise<void> {
    await manager.delete(RegionEntity, { id });
  }

  /** Children of `parentId` (the top level when null) with their number of children, by code. */
  async childrenWithCounts(
    parentId: number | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<(RegionEntity & { childCount: number })[]> {
    const qb = manager
      .getRepository(RegionEntity)
      .createQueryBuilder('r')
      .addSelect('(SELECT COUNT(*) FROM region k WHERE k.parent_id = r.id)', 'child_count')
      .orderBy('r.code', 'ASC');
    if (parentId === null) qb.where('r.parent_id IS NULL');
    else qb.where('r.parent_id = :parentId', { parentId });
    const { entities, raw } = await qb.getRawAndEntities<{ child_count: number | string }>();
    return entities.map((e, i) => Object.assign(e, { childCount: Number(raw[i]?.child_count ?? 0) }));
  }

  /**
   * Per child of `parentId` (top level when null): distinct clippings linked to it or any descendant.
   * One recursive query: every descendant is tagged with the child it hangs under, then joined to
   * the links (indexed by region_id) and counted once per clipping.
   */
  async subtreeClippingCounts(
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
