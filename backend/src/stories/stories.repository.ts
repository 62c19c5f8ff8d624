import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** What the story index stores about one clipping. */
export interface StoryEntry {
  clippingId: number;
  shingleCount: number;
  clippingVersion: number;
  bandKeys: Uint32Array;
}

const INSERT_BATCH = 4000;

/** Every query on `clipping_story` and `clipping_story_band`. */
@Injectable()
export class StoriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async bodiesOf(
    ids: number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: number; body: string; version: number }[]> {
    if (ids.length === 0) return [];
    const rows = await manager
      .createQueryBuilder()
      .select(['c.id AS id', 'c.body AS body', 'c.version AS version'])
      .from('clipping', 'c')
      .where('c.id IN (:...ids)', { ids })
      .getRawMany<{ id: number; body: string; version: number }>();
    return rows.map((r) => ({ id: Number(r.id), body: r.body, version: Number(r.version) }));
  }

  /** Clippings never indexed, or edited since (their version moved on), at most `limit`. */
  async staleIds(limit: number, manager: EntityManager = this.dataSource.manager): Promise<number[]> {
    const rows = await manager
      .createQueryBuilder()
      .select('c.id', 'id')
      .from('clipping', 'c')
      .leftJoin('clipping_story', 's', 's.clipping_id = c.id')
      .where('s.clipping_id IS NULL OR s.clipping_version <> c.version')
      .orderBy('c.id')
      .limit(limit)
      .getRawMany<{ id: number }>();
    return rows.map((r) => Number(r.id));
  }

  /** Replaces the index entries of these clippings. */
  async replace(entries: StoryEntry[], manager: EntityManager): Promise<void> {
    if (entries.length === 0) return;
    const ids = entries.map((e) => e.clippingId);
    for (let i = 0; i < ids.length; i += INSERT_BATCH) {
      const batch = ids.slice(i, i + INSERT_BATCH);
      await manager.createQueryBuilder().delete().from('clipping_story_band').where('clipping_id IN (:...batch)', { batch }).execute();
      await manager.createQueryBuilder().delete().from('clipping_story').where('clipping_id IN (:...batch)', { batch }).execute();
    }
    const stories = entries.map((e) => ({
      clipping_id: e.clippingId,
      shingle_count: e.shingleCount,
      clipping_version: e.clippingVersion,
    }));
    for (let i = 0; i < stories.length; i += INSERT_BATCH / 2) {
      await manager
        .createQueryBuilder()
        .insert()
        .into('clipping_story', ['clipping_id', 'shingle_count', 'clipping_version'])
        .values(stories.slice(i, i + INSERT_BATCH / 2))
        .execute();
    }
    const bands: { clipping_id: number; band_key: number }[] = [];
    for (const e of entries) {
      for (const key of new Set(e.bandKeys)) bands.push({ clipping_id: e.clippingId, band_key: key });
    }
    for (let i = 0; i < bands.length; i += INSERT_BATCH) {
      await manager
        .createQueryBuilder()
        .insert()
        .into('clipping_story_band', ['clipping_id', 'band_key'])
        .values(bands.slice(i, i + INSERT_BATCH))
        .execute();
    }
  }

  /** Other clippings sharing at least one band key with `clippingId`, with how many they share. */
  async candidates(
    clippingId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: number; shared: number }[]> {
    const rows = await manager
      .createQueryBuilder()
      .select('o.clipping_id', 'id')
      .addSelect('COUNT(*)', 'shared')
      .from('clipping_story_band', 'm')
      .innerJoin('clipping_story_band', 'o', 'o.band_key = m.band_key AND o.clipping_id <> m.clipping_id')
      .where('m.clipping_id = :clippingId', { clippingId })
      .groupBy('o.clipping_id')
      .orderBy('shared', 'DESC')
      .getRawMany<{ id: number; shared: number | string }>();
    return rows.map((r) => ({ id: Number(r.id), shared: Number(r.shared) }));
  }
}
