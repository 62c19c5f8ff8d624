import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { TagEntity } from './tag.entity';

/** Every query on `tag`. Methods taking a manager run inside the caller's transaction. */
@Injectable()
export class TagsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findAll(): Promise<TagEntity[]> {
    return this.dataSource.getRepository(TagEntity).find({ order: { name: 'ASC', id: 'ASC' } });
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<TagEntity | null> {
    return manager.findOneBy(TagEntity, { id });
  }

  findByIds(ids: number[], manager: EntityManager): Promise<TagEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : manager.findBy(TagEntity, { id: In(ids) });
  }

  findSibling(parentId: number | null, name: string, manager: EntityManager): Promise<TagEntity | null> {
    return manager.findOneBy(TagEntity, { parentId: parentId ?? IsNull(), name });
  }

  async countChildren(id: number, manager: EntityManager): Promise<number> {
    return manager.countBy(TagEntity, { parentId: id });
  }

  save(entity: TagEntity, manager: EntityManager): Promise<TagEntity> {
    return manager.save(TagEntity, entity);
  }

  async remove(id: number, manager: EntityManager): Promise<void> {
    await manager.delete(TagEntity, { id });
  }

  /** Children of `parentId` (top level when null). */
  findChildren(parentId: number | null, manager: EntityManager): Promise<TagEntity[]> {
    return manager.findBy(TagEntity, { parentId: parentId ?? IsNull() });
  }

  async reparentChildren(fromId: number, toId: number | null, manager: EntityManager): Promise<void> {
    await manager.update(TagEntity, { parentId: fromId }, { parentId: toId });
  }

  /** Tags that carry a rule. */
  async withRules(manager: EntityManager): Promise<{ id: number; rule: string }[]> {
    const rows = await manager
      .createQueryBuilder()
      .select(['t.id AS id', 't.rule AS rule'])
      .from('tag', 't')
      .where('t.rule IS NOT NULL')
      .orderBy('t.id')
      .getRawMany<{ id: number; rule: string }>();
    return rows.map((r) => ({ id: Number(r.id), rule: r.rule }));
  }
}
