import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ReadQueries } from '../database/read-queries';
import { idList } from '../database/row-reader';

/**
 * Whether the publications, tags and regions a clipping points at exist, and the tag tree below a tag:
 * the reads of the reference tables that clippings and the features above them share. Read-only; the
 * tables are written by their features (publications, tags, regions).
 */
@Injectable()
export class References {
  constructor(
    private readonly dataSource: DataSource,
    private readonly read: ReadQueries,
  ) {}

  async publicationExists(id: number, manager?: EntityManager): Promise<boolean> {
    return (await this.existing('publication', [id], manager)).size > 0;
  }

  /** A publication's name, or null when it does not exist. */
  async publicationName(id: number): Promise<string | null> {
    const [row] = await this.read.all<{ name: string }>('SELECT p.name FROM publication p WHERE p.id = ?', [
      id,
    ]);
    return row?.name ?? null;
  }

  /** Publication names by id, for the ids that exist. */
  async publicationNames(ids: readonly number[], manager?: EntityManager): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const list = idList(this.dataSource, ids);
    const rows = await this.read.all<{ id: number | string; name: string }>(
      `SELECT p.id, p.name FROM publication p WHERE p.id IN ${list.sql}`,
      [list.param],
      manager,
    );
    return new Map(rows.map((r) => [Number(r.id), r.name]));
  }

  /** The ids among `ids` that are tags. */
  existingTagIds(ids: readonly number[], manager?: EntityManager): Promise<Set<number>> {
    return this.existing('tag', ids, manager);
  }

  /** The ids among `ids` that are regions. */
  existingRegionIds(ids: readonly number[], manager?: EntityManager): Promise<Set<number>> {
    return this.existing('region', ids, manager);
  }

  /** Region ids by code, for the codes that exist. */
  async regionIdsByCode(codes: readonly string[], manager?: EntityManager): Promise<Map<string, number>> {
    const wanted = [...new Set(codes)];
    if (wanted.length === 0) return new Map();
    const rows = await this.read.all<{ id: number | string; code: string }>(
      `SELECT r.id, r.code FROM region r WHERE r.code IN ${this.textList()}`,
      [this.textParam(wanted)],
      manager,
    );
    return new Map(rows.map((r) => [r.code, Number(r.id)]));
  }

  /**
   * The tag and every tag below it (recursive CTE; works on SQLite and PostgreSQL), and whether it is
   * a top-level tag (a topic: the kept counts hold one bucket per topic, so a list of a topic is counted
   * without reading its clippings).
   */
  async tagSubtree(id: number, manager?: EntityManager): Promise<{ ids: number[]; topLevel: boolean }> {
    const rows = await this.read.all<{ id: number; top: number | string }>(
      'WITH RECURSIVE subtree(id, top) AS (SELECT id, CASE WHEN parent_id IS NULL THEN 1 ELSE 0 END FROM tag WHERE id = ? ' +
        'UNION ALL SELECT t.id, 0 FROM tag t JOIN subtree s ON t.parent_id = s.id) SELECT id, top FROM subtree',
      [id],
      manager,
    );
    return { ids: rows.map((r) => Number(r.id)), topLevel: rows.some((r) => Number(r.top) === 1) };
  }

  /** The tag and all its descendants. */
  async tagSubtreeIds(id: number, manager?: EntityManager): Promise<number[]> {
    return (await this.tagSubtree(id, manager)).ids;
  }

  private async existing(
    table: 'publication' | 'tag' | 'region',
    ids: readonly number[],
    manager?: EntityManager,
  ): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const list = idList(this.dataSource, ids);
    const rows = await this.read.all<{ id: number | string }>(
      `SELECT x.id FROM ${table} x WHERE x.id IN ${list.sql}`,
      [list.param],
      manager,
    );
    return new Set(rows.map((r) => Number(r.id)));
  }

  /** `IN (…)` over a list of strings as one parameter (as `idList` does for ids). */
  private textList(): string {
    return this.dataSource.options.type === 'postgres'
      ? '(SELECT unnest(?::text[]))'
      : '(SELECT value FROM json_each(?))';
  }

  private textParam(values: string[]): unknown {
    return this.dataSource.options.type === 'postgres' ? values : JSON.stringify(values);
  }
}
