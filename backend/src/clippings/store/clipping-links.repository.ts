import type { LinkSource } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { chunk, inList, valuesList } from '../../database/sql-values';
import { ClippingRegionEntity } from '../clipping-region.entity';
import { ClippingTagEntity } from '../clipping-tag.entity';

/** Rows per multi-row INSERT of bulk editing (3 bound values each, under SQLite's 32,766 limit). */
const BULK_ROWS_PER_INSERT = 3000;
/** Rows per multi-row INSERT of a filed page's links. */
const FILED_LINK_BATCH = 500;
/** Rule links per INSERT (SQLite allows 32,766 bound variables; two per row leaves plenty of room). */
const RULE_BATCH = 2000;

/**
 * The writes of a clipping's links: `clipping_tag`, `clipping_region` and `clipping_tag_exclusion` (the
 * tags a person removed, which rules never add again). Only the clipping store calls these.
 */
@Injectable()
export class ClippingLinksRepository {
  /**
   * Makes the tag set exactly `tagIds` (the UI sends the full set): links that stay keep their source
   * (a `rule` link stays `rule`), new ones are `manual`. A removed `rule` link is recorded in
   * `clipping_tag_exclusion` so that rules never re-add it; adding a tag by hand lifts its exclusion.
   */
  async replaceTags(clippingId: number, tagIds: number[], manager: EntityManager): Promise<void> {
    const existing = await manager.findBy(ClippingTagEntity, { clippingId });
    const keep = new Set(tagIds);
    const gone = existing.filter((l) => !keep.has(l.tagId)).map((l) => l.tagId);
    if (gone.length > 0) await manager.delete(ClippingTagEntity, { clippingId, tagId: In(gone) });
    const ruleGone = existing.filter((l) => !keep.has(l.tagId) && l.source === 'rule');
    if (ruleGone.length > 0) {
      await manager
        .createQueryBuilder()
        .insert()
        .into('clipping_tag_exclusion', ['clipping_id', 'tag_id'])
        .values(ruleGone.map((l) => ({ clipping_id: clippingId, tag_id: l.tagId })))
        .orIgnore()
        .execute();
    }
    const have = new Set(existing.map((l) => l.tagId));
    const added = tagIds.filter((id) => !have.has(id));
    if (added.length > 0) {
      await manager
        .createQueryBuilder()
        .delete()
        .from('clipping_tag_exclusion')
        .where('clipping_id = :clippingId AND tag_id IN (:...added)', { clippingId, added })
        .execute();
      await manager.insert(
        ClippingTagEntity,
        added.map((tagId) => ({ clippingId, tagId, source: 'manual' as const })),
      );
    }
  }

  /** Makes the region set exactly `regionIds`, keeping the source of links that stay. */
  async replaceRegions(clippingId: number, regionIds: number[], manager: EntityManager): Promise<void> {
    const existing = await manager.findBy(ClippingRegionEntity, { clippingId });
    const keep = new Set(regionIds);
    const gone = existing.filter((l) => !keep.has(l.regionId)).map((l) => l.regionId);
    if (gone.length > 0) await manager.delete(ClippingRegionEntity, { clippingId, regionId: In(gone) });
    const have = new Set(existing.map((l) => l.regionId));
    const added = regionIds.filter((id) => !have.has(id));
    if (added.length > 0) {
      await manager.insert(
        ClippingRegionEntity,
        added.map((regionId) => ({ clippingId, regionId, source: 'manual' as const })),
      );
    }
  }

  /** Replaces every tag link of the clipping with these (sources as given; exclusions untouched). */
  async setTags(
    clippingId: number,
    links: readonly { tagId: number; source: LinkSource }[],
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(`DELETE FROM clipping_tag WHERE clipping_id = ${inList(manager, 1)}`, [clippingId]);
    for (const link of links) {
      await manager.query(
        `INSERT INTO clipping_tag (clipping_id, tag_id, source) VALUES (${inList(manager, 3)})`,
        [clippingId, link.tagId, link.source],
      );
    }
  }

  /** Replaces every region link of the clipping with these (sources as given). */
  async setRegions(
    clippingId: number,
    links: readonly { regionId: number; source: LinkSource }[],
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(`DELETE FROM clipping_region WHERE clipping_id = ${inList(manager, 1)}`, [
      clippingId,
    ]);
    for (const link of links) {
      await manager.query(
        `INSERT INTO clipping_region (clipping_id, region_id, source) VALUES (${inList(manager, 3)})`,
        [clippingId, link.regionId, link.source],
      );
    }
  }

  /** Keeps rules from ever adding these (existing) tags to the clipping. */
  async addTagExclusions(clippingId: number, tagIds: number[], manager: EntityManager): Promise<void> {
    if (tagIds.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into('clipping_tag_exclusion', ['clipping_id', 'tag_id'])
      .values(tagIds.map((tagId) => ({ clipping_id: clippingId, tag_id: tagId })))
      .orIgnore()
      .execute();
  }

  /** A filed page's region links. */
  async insertRegionLinks(
    links: ReadonlyArray<{ clippingId: number; regionId: number; source: LinkSource }>,
    manager: EntityManager,
  ): Promise<void> {
    for (const rows of chunk(links, FILED_LINK_BATCH)) {
      await manager.query(
        `INSERT INTO clipping_region (clipping_id, region_id, source) VALUES ${valuesList(manager, rows.length, 3)}`,
        rows.flatMap((l) => [l.clippingId, l.regionId, l.source]),
      );
    }
  }

  /** A filed page's tag links (the editor's: `manual`, unless a link says otherwise, as an archive's do). */
  async insertTagLinks(
    links: ReadonlyArray<{ clippingId: number; tagId: number; source?: LinkSource }>,
    manager: EntityManager,
  ): Promise<void> {
    for (const rows of chunk(links, FILED_LINK_BATCH)) {
      await manager.query(
        `INSERT INTO clipping_tag (clipping_id, tag_id, source) VALUES ${valuesList(manager, rows.length, 3)}`,
        rows.flatMap((l) => [l.clippingId, l.tagId, l.source ?? 'manual']),
      );
    }
  }

  /** Adds `rule` links; the caller has already left out linked and excluded clippings. */
  async insertRuleLinks(
    tagId: number,
    clippingIds: readonly number[],
    manager: EntityManager,
  ): Promise<void> {
    for (let i = 0; i < clippingIds.length; i += RULE_BATCH) {
      const batch = clippingIds.slice(i, i + RULE_BATCH);
      await manager
        .createQueryBuilder()
        .insert()
        .into(ClippingTagEntity, ['clippingId', 'tagId', 'source'])
        .updateEntity(false)
        .values(batch.map((clippingId) => ({ clippingId, tagId, source: 'rule' as const })))
        .execute();
    }
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
    for (const rows of chunk(exclusions, BULK_ROWS_PER_INSERT)) {
      await manager
        .createQueryBuilder()
        .insert()
        .into('clipping_tag_exclusion', ['clipping_id', 'tag_id'])
        .values(rows)
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

  /** Ids of the clippings carrying the tag. */
  async clippingsWithTag(tagId: number, manager: EntityManager): Promise<number[]> {
    const rows = await manager
      .createQueryBuilder()
      .select('ct.clipping_id', 'id')
      .from('clipping_tag', 'ct')
      .where('ct.tag_id = :tagId', { tagId })
      .getRawMany<{ id: number | string }>();
    return rows.map((r) => Number(r.id));
  }

  /**
   * Moves every clipping link (and every exclusion) of tag `fromId` to tag `intoId`. Where the
   * clipping already carries `intoId`, a `manual` link wins over a `rule` one. Ids are integers
   * from loaded entities, inlined so that the SQL stays portable (no driver-specific placeholders).
   */
  async moveTagLinks(fromId: number, intoId: number, manager: EntityManager): Promise<void> {
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
    await this.detachTag(fromId, manager);
  }

  /** Drops every clipping link and exclusion of the tag. */
  async detachTag(tagId: number, manager: EntityManager): Promise<void> {
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

  /** Inserts link rows as they were read (a trashed clipping put back). */
  async insertRaw(
    table: 'clipping_tag' | 'clipping_region' | 'clipping_tag_exclusion',
    row: Record<string, unknown>,
    manager: EntityManager,
  ): Promise<void> {
    const columns = Object.keys(row);
    await manager.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${inList(manager, columns.length)})`,
      columns.map((c) => row[c]),
    );
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
    for (const batch of chunk(rows, BULK_ROWS_PER_INSERT)) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(entity, ['clippingId', property, 'source'])
        .updateEntity(false)
        .values(batch)
        .orIgnore()
        .execute();
    }
  }
}
