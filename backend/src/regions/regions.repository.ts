import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
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

  async countChildren(id: number, manager: EntityManager): Promise<number> {
    return manager.countBy(RegionEntity, { parentId: id });
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
}
