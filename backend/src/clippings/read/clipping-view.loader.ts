import type { Clipping, ClippingRegionLink, ClippingTagLink } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RegionDirectory, regionPath } from '../../catalog/region-directory';
import { ReadQueries } from '../../database/read-queries';
import { idList, type RowReader, rowReader } from '../../database/row-reader';
import { mapClipping } from '../clipping.mapper';
import { ClippingEntity } from '../clipping.entity';

/** `[tag id, source, name, color]`, as the query's JSON builds it. */
type TagLink = [number, ClippingTagLink['source'], string, string | null];
/** `[region id, source]`. */
type RegionLink = [number, ClippingRegionLink['source']];

/** Ids per query (SQLite's json_each and PostgreSQL's arrays take any number; this bounds one statement's work). */
const CHUNK = 500;

/**
 * Loads clippings with everything their response shows (publication, tags, regions with their paths)
 * in one hand-written query — the links come back as JSON arrays per clipping — on a read-only
 * connection outside transactions (see ReadQueries), with region paths from the in-memory
 * RegionDirectory. The clipping view is on every list page and detail; TypeORM's query building and
 * entity hydration were most of its cost, then the number of statements per view.
 */
@Injectable()
export class ClippingViewLoader {
  private readonly clippingRow: RowReader<ClippingEntity>;
  private readonly sql: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly read: ReadQueries,
    private readonly regions: RegionDirectory,
  ) {
    this.clippingRow = rowReader(dataSource, ClippingEntity, 'c');
    const postgres = dataSource.options.type === 'postgres';
    const agg = (cells: string): string =>
      postgres ? `json_agg(json_build_array(${cells}))` : `json_group_array(json_array(${cells}))`;
    this.sql =
      `SELECT ${this.clippingRow.columns}, p.name AS publication_name, ` +
      `(SELECT ${agg('ct.tag_id, ct.source, t.name, t.color')} FROM clipping_tag ct JOIN tag t ON t.id = ct.tag_id ` +
      'WHERE ct.clipping_id = c.id) AS tag_links, ' +
      `(SELECT ${agg('cr.region_id, cr.source')} FROM clipping_region cr WHERE cr.clipping_id = c.id) AS region_links ` +
      `FROM clipping c LEFT JOIN publication p ON p.id = c.publication_id WHERE c.id IN ${idList(dataSource, []).sql}`;
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
    const rows = await this.read.all<Record<string, unknown>>(this.sql, [wanted.param], manager);
    if (rows.length === 0) return [];
    const tagLinks = new Map<number, TagLink[]>();
    const regionLinks = new Map<number, RegionLink[]>();
    const regionIds = new Set<number>();
    for (const row of rows) {
      const id = Number(row['id']);
      tagLinks.set(id, jsonRows<TagLink>(row['tag_links']));
      const regions = jsonRows<RegionLink>(row['region_links']);
      regionLinks.set(id, regions);
      for (const [regionId] of regions) regionIds.add(Number(regionId));
    }
    const regionsById = regionIds.size > 0 ? await this.regions.withAncestors(regionIds) : new Map();
    const byId = new Map<number, Clipping>();
    for (const row of rows) {
      const entity = this.clippingRow.read(row);
      const regions: ClippingRegionLink[] = [];
      for (const [regionId, source] of regionLinks.get(entity.id) ?? []) {
        const region = regionsById.get(Number(regionId));
        if (region) {
          const path = regionPath(region, regionsById);
          regions.push({ code: region.code, name: region.name, level: region.level, path, source });
        }
      }
      byId.set(
        entity.id,
        mapClipping(entity, {
          publicationName: typeof row['publication_name'] === 'string' ? row['publication_name'] : '',
          tags: (tagLinks.get(entity.id) ?? []).map(([tagId, source, name, color]) => ({
            id: Number(tagId),
            name,
            color,
            source,
          })),
          regions,
        }),
      );
    }
    return ids.map((id) => byId.get(id)).filter((c): c is Clipping => c !== undefined);
  }
}

/** A JSON array column (text on SQLite, parsed on PostgreSQL, NULL there for no rows) as its rows. */
function jsonRows<T>(value: unknown): T[] {
  if (value === null || value === undefined) return [];
  return (typeof value === 'string' ? JSON.parse(value) : value) as T[];
}
