import type { Clipping, ClippingRegionLink, ClippingTagLink } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ReadQueries } from '../database/read-queries';
import { idList, type RowReader, rowReader } from '../database/row-reader';
import type { RegionEntity } from '../regions/region.entity';
import { regionPath } from '../regions/region.mapper';
import { mapClipping } from './clipping.mapper';
import { ClippingEntity } from './clipping.entity';

interface TagLinkRow {
  clipping_id: number;
  tag_id: number;
  source: ClippingTagLink['source'];
  name: string;
  color: string | null;
}

interface RegionRow {
  id: number;
  code: string;
  name: string;
  level: RegionEntity['level'];
  parent_id: number | null;
}

type RegionLinkRow = RegionRow & { clipping_id: number; source: ClippingRegionLink['source'] };

/** Ids per query (SQLite's json_each and PostgreSQL's arrays take any number; this bounds one statement's work). */
const CHUNK = 500;

/**
 * Loads clippings with everything their response shows (publication, tags, regions with their paths)
 * in four hand-written queries, on a read-only connection outside transactions (see ReadQueries): the
 * clipping view is on every list page and detail, where TypeORM's query building and entity
 * hydration were most of the cost.
 */
@Injectable()
export class ClippingViewLoader {
  private readonly clippingRow: RowReader<ClippingEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly read: ReadQueries,
  ) {
    this.clippingRow = rowReader(dataSource, ClippingEntity, 'c');
  }

  /** The clippings in the order of `ids` (missing ids are skipped). */
  async load(ids: number[], manager?: EntityManager): Promise<Clipping[]> {
    const out: Clipping[] = [];
    for (let i = 0; i < ids.length; i += CHUNK)
      out.push(...(await this.loadChunk(ids.slice(i, i + CHUNK), manager)));
    return out;
  }

  async loadOne(id: number, manager?: EntityManager): Promise<Clipping | null> {
    return (await this.load([id], manager))[0] ?? null;
  }

  private async loadChunk(ids: number[], manager?: EntityManager): Promise<Clipping[]> {
    if (ids.length === 0) return [];
    const wanted = idList(this.dataSource, ids);
    const rows = await this.read.all<Record<string, unknown>>(
      `SELECT ${this.clippingRow.columns}, p.name AS publication_name FROM clipping c ` +
        `LEFT JOIN publication p ON p.id = c.publication_id WHERE c.id IN ${wanted.sql}`,
      [wanted.param],
      manager,
    );
    if (rows.length === 0) return [];
    const found = idList(
      this.dataSource,
      rows.map((r) => Number(r['id'])),
    );
    const [tagLinks, regionLinks] = await Promise.all([
      this.read.all<TagLinkRow>(
        'SELECT ct.clipping_id, ct.tag_id, ct.source, t.name, t.color FROM clipping_tag ct ' +
          `JOIN tag t ON t.id = ct.tag_id WHERE ct.clipping_id IN ${found.sql}`,
        [found.param],
        manager,
      ),
      this.read.all<RegionLinkRow>(
        'SELECT cr.clipping_id, cr.source, r.id, r.code, r.name, r.level, r.parent_id FROM clipping_region cr ' +
          `JOIN region r ON r.id = cr.region_id WHERE cr.clipping_id IN ${found.sql}`,
        [found.param],
        manager,
      ),
    ]);
    const regionsById = await this.withAncestors(regionLinks, manager);

    const tags = new Map<number, ClippingTagLink[]>();
    for (const link of tagLinks) {
      const id = Number(link.clipping_id);
      const list = tags.get(id) ?? [];
      list.push({ id: Number(link.tag_id), name: link.name, color: link.color, source: link.source });
      tags.set(id, list);
    }
    const regions = new Map<number, ClippingRegionLink[]>();
    for (const link of regionLinks) {
      const id = Number(link.clipping_id);
      const region = regionsById.get(Number(link.id));
      if (!region) continue;
      const list = regions.get(id) ?? [];
      list.push({
        code: region.code,
        name: region.name,
        level: region.level,
        path: regionPath(region, regionsById),
        source: link.source,
      });
      regions.set(id, list);
    }
    const byId = new Map<number, Clipping>();
    for (const row of rows) {
      const entity = this.clippingRow.read(row);
      byId.set(
        entity.id,
        mapClipping(entity, {
          publicationName: typeof row['publication_name'] === 'string' ? row['publication_name'] : '',
          tags: tags.get(entity.id) ?? [],
          regions: regions.get(entity.id) ?? [],
        }),
      );
    }
    return ids.map((id) => byId.get(id)).filter((c): c is Clipping => c !== undefined);
  }

  /** The linked regions and all their ancestors, by id (one recursive query when any ancestor is missing). */
  private async withAncestors(
    links: RegionRow[],
    manager?: EntityManager,
  ): Promise<Map<number, RegionEntity>> {
    const byId = new Map<number, RegionEntity>();
    const add = (r: RegionRow): void => {
      byId.set(Number(r.id), {
        id: Number(r.id),
        code: r.code,
        name: r.name,
        level: r.level,
        parentId: r.parent_id === null ? null : Number(r.parent_id),
      });
    };
    links.forEach(add);
    const missing = [...byId.values()].filter((r) => r.parentId !== null && !byId.has(r.parentId));
    if (missing.length === 0) return byId;
    const start = idList(
      this.dataSource,
      missing.map((r) => r.parentId as number),
    );
    const ancestors = await this.read.all<RegionRow>(
      'WITH RECURSIVE up(id) AS (' +
        `SELECT r.id FROM region r WHERE r.id IN ${start.sql} ` +
        'UNION SELECT r.parent_id FROM region r JOIN up ON r.id = up.id WHERE r.parent_id IS NOT NULL' +
        ') SELECT r.id, r.code, r.name, r.level, r.parent_id FROM region r WHERE r.id IN (SELECT id FROM up)',
      [start.param],
      manager,
    );
    ancestors.forEach(add);
    return byId;
  }
}
