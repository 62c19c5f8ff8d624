import type { RegionLevel } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { escapeLike } from '../common/like';
import { ReadQueries } from '../database/read-queries';
import { idList } from '../database/row-reader';
import { likeOperator } from '../database/sql-values';

/** A publication, tag or region named in a suggestion or a facet. */
export interface NamedReference {
  id: number;
  name: string;
}

export interface NamedRegion extends NamedReference {
  level: RegionLevel;
  parentId: number | null;
}

/**
 * Names of publications, tags and regions: for facet counts (by id) and for the search box's
 * suggestions (by a piece of the name). Read-only, like the rest of the catalog.
 */
@Injectable()
export class ReferenceNames {
  constructor(
    private readonly dataSource: DataSource,
    private readonly read: ReadQueries,
  ) {}

  /** Names by id of these publications or tags (unknown ids left out). */
  async names(table: 'publication' | 'tag', ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const list = idList(this.dataSource, ids);
    const rows = await this.read.all<{ id: number | string; name: string }>(
      `SELECT x.id, x.name FROM ${table} x WHERE x.id IN ${list.sql}`,
      [list.param],
    );
    return new Map(rows.map((r) => [Number(r.id), r.name]));
  }

  /**
   * Up to `limit` publications, tags or regions whose name contains `text` (case-insensitive, `%` and
   * `_` literal), shortest names first: `鱼台` gives 鱼台县 before 鱼台县城.
   */
  async containing(table: 'publication' | 'tag', text: string, limit: number): Promise<NamedReference[]>;
  async containing(table: 'region', text: string, limit: number): Promise<NamedRegion[]>;
  async containing(
    table: 'publication' | 'tag' | 'region',
    text: string,
    limit: number,
  ): Promise<NamedReference[] | NamedRegion[]> {
    const pattern = `%${escapeLike(text)}%`;
    const like = likeOperator(this.dataSource);
    const extra = table === 'region' ? ', x.level, x.parent_id' : '';
    const also = table === 'publication' ? ` OR x.short_name ${like} ? ESCAPE '\\'` : '';
    const rows = await this.read.all<{
      id: number | string;
      name: string;
      level?: RegionLevel;
      parent_id?: number | string | null;
    }>(
      `SELECT x.id, x.name${extra} FROM ${table} x WHERE x.name ${like} ? ESCAPE '\\'${also}
       ORDER BY length(x.name), x.name, x.id LIMIT ?`,
      table === 'publication' ? [pattern, pattern, limit] : [pattern, limit],
    );
    if (table !== 'region') return rows.map((r) => ({ id: Number(r.id), name: r.name }));
    return rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      level: r.level ?? 'county',
      parentId: r.parent_id === null || r.parent_id === undefined ? null : Number(r.parent_id),
    }));
  }
}
