import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { ReadQueries } from '../database/read-queries';
import { TagEntity } from './tag.entity';

/** Every query on `tag`. Methods taking a manager run inside the caller's transaction. */
@Injectable()
export class TagsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly read: ReadQueries,
  ) {}

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
  async subtreeIds(id: number, manager?: EntityManager): Promise<number[]> {
    const rows = await this.read.all<{ id: number }>(
      'WITH RECURSIVE subtree(id) AS (SELECT id FROM tag WHERE id = ? ' +
        'UNION ALL SELECT t.id FROM tag t JOIN subtree s ON t.parent_id = s.id) SELECT id FROM subtree',
      [id],
      manager,
    );
    return rows.map((r) => Number(r.id));
  }

  async countChildren(id: number, manager: EntityManager): Promise<number> {
    return manager.countBy(TagEntity, { parentId: id });
  }

  /** Ids of the clippings carrying the tag. */
  async clippingIds(id: number, manager: EntityManager): Promise<number[]> {
    const rows = await manager
      .createQueryBuilder()
      .select('ct.clipping_id', 'id')
      .from('clipping_tag', 'ct')
      .where('ct.tag_id = :id', { id })
      .getRawMany<{ id: number | string }>();
    return rows.map((r) => Number(r.id));
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

  /** Children of `parentId` (top level when null). */
  findChildren(parentId: number | null, manager: EntityManager): Promise<TagEntity[]> {
    return manager.findBy(TagEntity, { parentId: parentId ?? IsNull() });
  }

  async reparentChildren(fromId: number, toId: number | null, manager: EntityManager): Promise<void> {
    await manager.update(TagEntity, { parentId: fromId }, { parentId: toId });
  }

  /**
   * Moves every clipping link (and every exclusion) of tag `fromId` to tag `intoId`. Where the
   * clipping already carries `intoId`, a `manual` link wins over a `rule` one. Ids are integers
   * from loaded entities, inlined so that the SQL stays portable (no driver-specific placeholders).
   */
  async moveLinks(fromId: number, intoId: number, manager: EntityManager): Promise<void> {
    const from = Math.trunc(fromId);
    const into = Math.trunc(intoId);
    await manager.query(
      `UPDATE clipping_tag SET source = 'manual' WHERE tag_id = ${into} AND source = 'rule' AND clipping_id IN
        (SELECT clipping_id FROM clipping_tag WHERE tag_id = ${from} AND source = 'manual')`,
    );
    await manager.query(
      `INSERT INTO clipping_tag (clipping_id, tag_id, source, created_at)
        SELECT s.clipping_id, ${into}, s.source, s.created_at FROM clipping_tag s WHERE s.tag_id = ${from}
        AND NOT EXISTS (SELECT 1 FROM clipping_tag t WHERE t.tag_id = ${into} AND t.clipping_id = s.clipping_id)`,
    );
    await manager.query(
      `INSERT INTO clipping_tag_exclusion (clipping_id, tag_id, created_at)
        SELECT s.clipping_id, ${into}, s.created_at FROM clipping_tag_exclusion s WHERE s.tag_id = ${from}
        AND NOT EXISTS (SELECT 1 FROM clipping_tag t WHERE t.tag_id = ${into} AND t.clipping_id = s.clipping_id)
        AND NOT EXISTS (SELECT 1 FROM clipping_tag_exclusion x WHERE x.tag_id = ${into} AND x.clipping_id = s.clipping_id)`,
    );
    await this.detachAll(fromId, manager);
  }

  /** Drops every clipping link and exclusion of the tag. */
  async detachAll(tagId: number, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .delete()
      .from('clipping_tag')
      .where('tag_id = :tagId', { tagId })
      .execute();
    await manager
      .createQueryBuilder()
      .delete()
      .from('clipping_tag_exclusion')
      .where('tag_id = :tagId', { tagId })
      .execute();
  }
}
