import type { Clipping, ClippingListItem, ClippingRegionLink, ClippingTagLink } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RegionDirectory, regionPath } from '../../catalog/region-directory';
import { ReadQueries } from '../../database/read-queries';
import { idList, type RowReader, rowReader } from '../../database/row-reader';
import {
  type ClippingRelations,
  LISTED_BODY_CHARS,
  type ListedClippingEntity,
  mapClipping,
  mapListItem,
} from '../clipping.mapper';
import { ClippingEntity } from '../clipping.entity';
import type { PageStatement } from './clipping-list.repository';

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
  private readonly full: Variant<ClippingEntity, Clipping>;
  private readonly listed: Variant<ListedClippingEntity, Omit<ClippingListItem, 'highlight'>>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly read: ReadQueries,
    private readonly regions: RegionDirectory,
  ) {
    const postgres = dataSource.options.type === 'postgres';
    const agg = (cells: string): string =>
      postgres ? `json_agg(json_build_array(${cells}))` : `json_group_array(json_array(${cells}))`;
    const sql = (columns: string, ids = idList(dataSource, []).sql): string =>
      `SELECT ${columns}, p.name AS publication_name, ` +
      `(SELECT ${agg('ct.tag_id, ct.source, t.name, t.color')} FROM clipping_tag ct JOIN tag t ON t.id = ct.tag_id ` +
      'WHERE ct.clipping_id = c.id) AS tag_links, ' +
      `(SELECT ${agg('cr.region_id, cr.source')} FROM clipping_region cr WHERE cr.clipping_id = c.id) AS region_links ` +
      `FROM clipping c LEFT JOIN publication p ON p.id = c.publication_id WHERE c.id IN ${ids}`;
    const all = rowReader(dataSource, ClippingEntity, 'c');
    this.full = { row: all, sql: sql(all.columns), map: mapClipping };
    // A list page reads the start of the body and no `raw_text` (see mapListItem).
    const listed = rowReader(dataSource, ClippingEntity, 'c', ['rawText', 'body']);
    const listedColumns = `${listed.columns}, substr(c.body, 1, ${LISTED_BODY_CHARS + 1}) AS body_start`;
    this.listed = {
      row: {
        columns: listedColumns,
        read: (row) => ({ ...listed.read(row), bodyStart: String(row['body_start'] ?? '') }),
      },
      sql: sql(listedColumns),
      map: mapListItem,
    };
    this.pageSql = (page) => `${sql(listedColumns, `(${page.sql})`)} ORDER BY ${page.order}`;
  }

  /** The list rows of a page statement, in its order (see ClippingListRepository.listPage). */
  private readonly pageSql: (page: PageStatement) => string;

  /** The clippings in the order of `ids` (missing ids are skipped). */
  load(ids: number[], manager?: EntityManager): Promise<Clipping[]> {
    return this.loadIn(this.full, ids, manager);
  }

  /** As {@link load}, as list rows: an excerpt instead of the body, no `rawText` (see mapListItem). */
  loadListItems(ids: number[]): Promise<Omit<ClippingListItem, 'highlight'>[]> {
    return this.loadIn(this.listed, ids);
  }

  /**
   * The list rows of one page, read with the page's own statement as their subquery: one statement
   * for the ids and their rows (the page's order applied again to its few rows).
   */
  async loadListPage(page: PageStatement): Promise<Omit<ClippingListItem, 'highlight'>[]> {
    const rows = await this.read.all<Record<string, unknown>>(this.pageSql(page), page.params);
    return this.views(this.listed, rows);
  }

  async loadOne(id: number, manager?: EntityManager): Promise<Clipping | null> {
    return (await this.load([id], manager))[0] ?? null;
  }

  private async loadIn<E extends { id: number }, V extends { id: number }>(
    variant: Variant<E, V>,
    ids: number[],
    manager?: EntityManager,
  ): Promise<V[]> {
    const out: V[] = [];
    for (let i = 0; i < ids.length; i += CHUNK)
      out.push(...(await this.loadChunk(variant, ids.slice(i, i + CHUNK), manager)));
    return out;
  }

  private async loadChunk<E extends { id: number }, V extends { id: number }>(
    variant: Variant<E, V>,
    ids: number[],
    manager?: EntityManager,
  ): Promise<V[]> {
    if (ids.length === 0) return [];
    const wanted = idList(this.dataSource, ids);
    const rows = await this.read.all<Record<string, unknown>>(variant.sql, [wanted.param], manager);
    const byId = new Map<number, V>();
    for (const view of await this.views(variant, rows)) byId.set(view.id, view);
    return ids.map((id) => byId.get(id)).filter((c): c is V => c !== undefined);
  }

  /** The rows' views, in the rows' order. */
  private async views<E extends { id: number }, V extends { id: number }>(
    variant: Variant<E, V>,
    rows: Record<string, unknown>[],
  ): Promise<V[]> {
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
    return rows.map((row) => {
      const entity = variant.row.read(row);
      const regions: ClippingRegionLink[] = [];
      for (const [regionId, source] of regionLinks.get(entity.id) ?? []) {
        const region = regionsById.get(Number(regionId));
        if (region) {
          const path = regionPath(region, regionsById);
          regions.push({ code: region.code, name: region.name, level: region.level, path, source });
        }
      }
      return variant.map(entity, {
        publicationName: typeof row['publication_name'] === 'string' ? row['publication_name'] : '',
        tags: (tagLinks.get(entity.id) ?? []).map(([tagId, source, name, color]) => ({
          id: Number(tagId),
          name,
          color,
          source,
        })),
        regions,
      });
    });
  }
}

/** What a view is read as: its columns, its SQL and how a row becomes the answer. */
interface Variant<E, V> {
  row: RowReader<E>;
  sql: string;
  map: (entity: E, relations: ClippingRelations) => V;
}

/** A JSON array column (text on SQLite, parsed on PostgreSQL, NULL there for no rows) as its rows. */
function jsonRows<T>(value: unknown): T[] {
  if (value === null || value === undefined) return [];
  return (typeof value === 'string' ? JSON.parse(value) : value) as T[];
}
