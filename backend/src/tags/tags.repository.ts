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

  /** The tag and all its descendants (recursive CTE; works on SQLite and PostgreSQL). */
  async subtreeIds(id: number, manager: EntityManager = this.dataSource.manager): Promise<number[]> {
    const rows = await manager
      .createQueryBuilder()
      .addCommonTableExpression(
        'SELECT id FROM tag WHERE id = :id UNION ALL SELECT t.id FROM tag t JOIN subtree s ON t.parent_id = s.id',
        'subtree',
        { recursive: true, columnNames: ['id'] },
      )
      .select('subtree.id', 'id')
      .from('subtree', 'subtree')
      .setParameters({ id })
      .getRawMany<{ id: number }>();
    return rows.map((r) => Number(r.id));
  }

  async countChildren(id: number, manager: EntityManager): Promise<number> {
    return manager.countBy(TagEntity, { parentId: id });
  }

  async countClippings(id: number, manager: EntityManager): Promise<number> {
    const row = await manager
      .createQueryBuilder()
      .select('COUNT(*)', 'n')
      .from('clipping_tag', 'ct')
      .where('ct.tag_id = :id', { id })
      .getRawOne<{ n: number | string }>();
    return Number(row?.n ?? 0);
  }

  save(entity: TagEntity, manager: EntityManager): Promise<TagEntity> {
    return manager.save(TagEntity, entity);
  }

  async remove(id: number, manager: EntityManager): Promise<void> {
    await manager.delete(TagEntity, { id });
  }
}
