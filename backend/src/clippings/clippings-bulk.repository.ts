import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClippingRegionEntity } from './clipping-region.entity';
import { ClippingTagEntity } from './clipping-tag.entity';
import { ClippingEntity } from './clipping.entity';
import type { ClippingChanges } from './clippings.repository';

/** Rows per multi-row INSERT (3 bound values each, under SQLite's 32,766 limit). */
const ROWS_PER_INSERT = 3000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) out.push(rows.slice(i, i + ROWS_PER_INSERT));
  return out;
}

/** Queries of bulk editing; every method works on one batch of clipping ids inside the caller's transaction. */
@Injectable()
export class ClippingsBulkRepository {
  async existingIds(ids: number[], manager: EntityManager): Promise<Set<number>> {
    const rows = await manager
      .createQueryBuilder()
      .select('c.id', 'id')
      .from('clipping', 'c')
      .where('c.id IN (:...ids)', { ids })
      .getRawMany<{ id: number }>();
    return new Set(rows.map((r) => Number(r.id)));
  }

  /** Adds `manual` links; an existing `rule` link becomes `manual`; a person's exclusion is lifted. */
  async addTags(clippingIds: number[], tagIds: number[], manager: EntityManager): Promise<void> {
    await this.addManualLinks(ClippingTagEntity, 'tagId', 'tag_id', clippingIds, tagIds, manager);
    await manager
      .createQueryBuilder()
      .delete()
      .from('clipping_tag_exclusion')
      .where('clipping_id IN (:...clippingIds) AND tag_id IN (:...tagIds)', { clippingIds, tagIds })
      .execute();
  }

  /** Removes links; a removed `rule` link is recorded as an exclusion so that rules never re-add it. */
  async removeTags(clippingIds: number[], tagIds: number[], manager: EntityManager): Promise<void> {
    const ruleLinks = await manager
      .createQueryBuilder()
      .select(['l.clipping_id AS clipping_id', 'l.tag_id AS tag_id'])
      .from('clipping_tag', 'l')
      .where("l.source = 'rule' AND l.clipping_id IN (:...clippingIds) AND l.tag_id IN (:...tagIds)", {
        clippingIds,
        tagIds,
      })
      .getRawMany<{ clipping_id: number; tag_id: number }>();
    const exclusions = ruleLinks.map((l) => ({
      clipping_id: Number(l.clipping_id),
      tag_id: Number(l.tag_id),
    }));
    for (const chunk of chunks(exclusions)) {
      await manager
        .createQueryBuilder()
        .insert()
        .into('clipping_tag_exclusion', ['clipping_id', 'tag_id'])
        .values(chunk)
        .orIgnore()
        .execute();
    }
    await manager
      .createQueryBuilder()
      .delete()
      .from('clipping_tag')
      .where('clipping_id IN (:...clippingIds) AND tag_id IN (:...tagIds)', { clippingIds, tagIds })
      .execute();
  }

  /** Adds `manual` region links; an existing `rule` link becomes `manual`. */
  async addRegions(clippingIds: number[], regionIds: number[], manager: EntityManager): Promise<void> {
    await this.addManualLinks(ClippingRegionEntity, 'regionId', 'region_id', clippingIds, regionIds, manager);
  }

  async removeRegions(clippingIds: number[], regionIds: number[], manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .delete()
      .from('clipping_region')
      .where('clipping_id IN (:...clippingIds) AND region_id IN (:...regionIds)', { clippingIds, regionIds })
      .execute();
  }

  /** Applies the column changes (if any) and bumps the version and `updated_at` of every clipping. */
  async touch(clippingIds: number[], changes: ClippingChanges, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ClippingEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id IN (:...clippingIds)', { clippingIds })
      .execute();
  }

  /**
   * Makes every clipping × target pair a `manual` link of `entity` (tag or region links): existing links
   * (e.g. `rule` ones) become `manual`, missing ones are inserted.
   */
  private async addManualLinks(
    entity: typeof ClippingTagEntity | typeof ClippingRegionEntity,
    property: 'tagId' | 'regionId',
    column: 'tag_id' | 'region_id',
    clippingIds: number[],
    targetIds: number[],
    manager: EntityManager,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(entity)
      .set({ source: 'manual' })
      .where(`clipping_id IN (:...clippingIds) AND ${column} IN (:...targetIds)`, { clippingIds, targetIds })
      .execute();
    const rows = clippingIds.flatMap((clippingId) =>
      targetIds.map((targetId) => ({ clippingId, [property]: targetId, source: 'manual' as const })),
    );
    for (const chunk of chunks(rows)) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(entity, ['clippingId', property, 'source'])
        .updateEntity(false)
        .values(chunk)
        .orIgnore()
        .execute();
    }
  }
}
