import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { chunk, inList, MAX_SQL_PARAMS, rowsPerStatement, valuesList } from '../database/sql-values';

/** What the story index stores about one clipping. */
export interface StoryEntry {
  clippingId: number;
  shingleCount: number;
  clippingVersion: number;
  bandKeys: Uint32Array;
}

/** Of each band key, how many of the newest texts sharing it a candidate lookup reads. */
export const BAND_POSTINGS = 200;

/** Every query on `clipping_story` and `clipping_story_band`. */
@Injectable()
export class StoriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Which of these clippings are never indexed or edited since (their version moved on). */
  async staleAmong(
    ids: readonly number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number[]> {
    const out: number[] = [];
    for (const part of chunk(ids, MAX_SQL_PARAMS)) {
      const rows = (await manager.query(
        `SELECT c.id AS id FROM clipping c LEFT JOIN clipping_story s ON s.clipping_id = c.id
          WHERE c.id IN (${inList(manager, part.length)})
            AND (s.clipping_id IS NULL OR s.clipping_version <> c.version)`,
        part,
      )) as { id: number | string }[];
      for (const r of rows) out.push(Number(r.id));
    }
    return out;
  }

  /**
   * Clippings never indexed, or edited since (their version moved on), at most `limit`. Reads
   * `clipping` itself: one anti-join of the index against the clipping versions (asking the clipping
   * store instead would mean reading every version into memory).
   */
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

  /**
   * Moves the entries of these clippings along with a version bump that keeps their body, when they
   * were current (call before the bump).
   */
  async keepEntries(ids: readonly number[], manager: EntityManager): Promise<void> {
    for (const batch of chunk(ids, MAX_SQL_PARAMS)) {
      await manager.query(
        `UPDATE clipping_story SET clipping_version = clipping_version + 1
          WHERE clipping_id IN (${inList(manager, batch.length)})
            AND clipping_version = (SELECT c.version FROM clipping c WHERE c.id = clipping_story.clipping_id)`,
        batch,
      );
    }
  }

  /**
   * Replaces the index entries of these clippings: raw multi-row statements in chunks under SQLite's
   * parameter limit (the query builder's per-value work dominated filing time).
   */
  async replace(entries: StoryEntry[], manager: EntityManager): Promise<void> {
    if (entries.length === 0) return;
    const ids = entries.map((e) => e.clippingId);
    for (const batch of chunk(ids, MAX_SQL_PARAMS)) {
      const list = inList(manager, batch.length);
      await manager.query(`DELETE FROM clipping_story_band WHERE clipping_id IN (${list})`, batch);
      await manager.query(`DELETE FROM clipping_story WHERE clipping_id IN (${list})`, batch);
    }
    await this.insert(entries, manager);
  }

  /** Inserts the index entries of clippings that have none yet. */
  async insert(entries: StoryEntry[], manager: EntityManager): Promise<void> {
    for (const rows of chunk(entries, rowsPerStatement(3))) {
      await manager.query(
        `INSERT INTO clipping_story (clipping_id, shingle_count, clipping_version) VALUES ${valuesList(manager, rows.length, 3)}`,
        rows.flatMap((e) => [e.clippingId, e.shingleCount, e.clippingVersion]),
      );
    }
    const bands: number[][] = [];
    for (const e of entries) for (const key of new Set(e.bandKeys)) bands.push([e.clippingId, key]);
    for (const rows of chunk(bands, rowsPerStatement(2))) {
      await manager.query(
        `INSERT INTO clipping_story_band (clipping_id, band_key) VALUES ${valuesList(manager, rows.length, 2)}`,
        rows.flat(),
      );
    }
  }

  /**
   * Other clippings sharing at least one band key with `clippingId`, with how many they share (most
   * first, then newest first). Of each band key only the newest {@link BAND_POSTINGS} other texts count:
   * the index (`band_key, clipping_id`) is read from a bound found by one step of `OFFSET`, so the work is
   * at most 64 × BAND_POSTINGS index entries however often a text was filed (a notice printed every day,
   * a wire story in every paper). Such a text's copies beyond that are still found through the group the
   * newest ones are in.
   */
  async candidates(
    clippingId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: number; shared: number }[]> {
    const postgres = manager.connection.options.type === 'postgres';
    const rows = (await manager.query(
      `SELECT o.clipping_id AS id, COUNT(*) AS shared
         FROM clipping_story_band m
         JOIN clipping_story_band o
           ON o.band_key = m.band_key AND o.clipping_id <> m.clipping_id
          AND o.clipping_id >= COALESCE((SELECT x.clipping_id FROM clipping_story_band x
                WHERE x.band_key = m.band_key AND x.clipping_id <> m.clipping_id
                ORDER BY x.clipping_id DESC LIMIT 1 OFFSET ${postgres ? '$1' : '?'}), 0)
        WHERE m.clipping_id = ${postgres ? '$2' : '?'}
        GROUP BY o.clipping_id
        ORDER BY shared DESC, o.clipping_id DESC`,
      [BAND_POSTINGS - 1, clippingId],
    )) as { id: number | string; shared: number | string }[];
    return rows.map((r) => ({ id: Number(r.id), shared: Number(r.shared) }));
  }
}
