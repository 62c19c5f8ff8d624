import {
  CLIPPING_FILTER_NAMES,
  CLIPPING_FILTERS,
  type ClippingFilterName,
  type ClippingFilterSpec,
  type ClippingFilterValues,
  pageSortKey,
} from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { References } from '../catalog/references';
import { RegionDirectory } from '../catalog/region-directory';
import { validationFailed } from '../common/validation';
import { idList } from '../database/row-reader';
import type { SqlFilter } from '../search/search.repository';
import { BUCKET } from './tally/tally-buckets';

/** One filter as the SQL applies it: its value resolved (a page label to its sort key, a tag or region to its subtree). */
export type ResolvedFilter =
  | { kind: 'column'; column: string; op: '=' | '>=' | '<='; value: unknown }
  | {
      kind: 'link';
      table: 'clipping_tag' | 'clipping_region';
      column: 'tag_id' | 'region_id';
      ids: number[];
      /**
       * The kept count (`clipping_tally`) of exactly these clippings, when there is one: a region and
       * everything below it (`region:<id>`), a top-level tag and everything below it (`topic:<id>`).
       */
      bucket?: string;
    }
  /** A full-text query: answered by the search index (SearchService), never by `filterWhere`. */
  | { kind: 'fullText'; q: string }
  | { kind: 'without'; table: 'clipping_tag' | 'clipping_region' };

/** The filters that are set, in the table's order (the order of the WHERE clause). */
export type ClippingFilter = ResolvedFilter[];

const LINKS = {
  tag: { table: 'clipping_tag', column: 'tag_id' },
  region: { table: 'clipping_region', column: 'region_id' },
} as const;

/**
 * Turns filter values (from the list's query string, bulk editing's `filter`, …) into the filter the
 * SQL applies, every filter as its entry in `CLIPPING_FILTERS` says: one place for what a filter means.
 */
@Injectable()
export class ClippingFilterResolver {
  constructor(
    private readonly references: References,
    private readonly regions: RegionDirectory,
  ) {}

  /**
   * The resolved filter; a 400 naming `${prefix}${field}` when a value is out of order (`to` before
   * `from`). `manager`: inside that transaction (bulk editing reads the tag tree there).
   */
  async resolve(values: ClippingFilterValues, prefix = '', manager?: EntityManager): Promise<ClippingFilter> {
    this.checkOrder(values, prefix);
    const out: ClippingFilter = [];
    for (const name of CLIPPING_FILTER_NAMES) {
      const value = values[name];
      if (value === undefined) continue;
      const match = CLIPPING_FILTERS[name].match;
      if ('column' in match) {
        const key = 'key' in match ? pageSortKey(String(value)) : value;
        out.push({ kind: 'column', column: `c.${match.column}`, op: match.op, value: key });
      } else if ('link' in match) {
        const id = Number(value);
        if (match.link === 'tag') {
          const { ids, topLevel } = await this.references.tagSubtree(id, manager);
          out.push({ kind: 'link', ...LINKS.tag, ids, ...(topLevel ? { bucket: BUCKET.topic(id) } : {}) });
        } else {
          const ids = await this.regions.subtreeIds(id);
          out.push({
            kind: 'link',
            ...LINKS.region,
            ids,
            ...(ids.length > 0 ? { bucket: BUCKET.region(id) } : {}),
          });
        }
      } else if ('without' in match) {
        out.push({ kind: 'without', table: LINKS[value === 'tag' ? 'tag' : 'region'].table });
      } else if (String(value).trim() !== '') {
        out.push({ kind: 'fullText', q: String(value) });
      }
    }
    return out;
  }

  private checkOrder(values: ClippingFilterValues, prefix: string): void {
    for (const name of CLIPPING_FILTER_NAMES) {
      const spec: { notBefore?: string } = CLIPPING_FILTERS[name] as ClippingFilterSpec;
      const other = spec.notBefore as ClippingFilterName | undefined;
      if (other === undefined) continue;
      const [low, high] = [values[other], values[name]];
      if (low !== undefined && high !== undefined && low > high) {
        throw validationFailed([
          {
            field: `${prefix}${name}`,
            errors: [`${name} must not be before ${other}`],
            constraints: [{ constraint: 'notBefore', other: `${prefix}${other}` }],
          },
        ]);
      }
    }
  }
}

/** The full-text query of a filter (null without one) and the rest of it, which SQL applies. */
export function splitFullText(filter: ClippingFilter): { q: string | null; rest: ClippingFilter } {
  let q: string | null = null;
  const rest: ClippingFilter = [];
  for (const f of filter) {
    if (f.kind === 'fullText') q = f.q;
    else rest.push(f);
  }
  return { q, rest };
}

/**
 * The filter as a hand-written WHERE clause (`?` placeholders; tag and region ids as one parameter, so
 * the statement text stays the same): the list runs on every page view. `walk` (SQLite) writes every
 * term with a unary `+`, which keeps SQLite from answering it by an index: the list then walks the
 * index of its order and stops at the page instead of reading every match and sorting them (see
 * ClippingListRepository.listIds).
 */
export function filterWhere(
  filter: ClippingFilter,
  dataSource: Pick<DataSource, 'options'>,
  walk = false,
  probeLinks = false,
): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const plus = walk ? '+' : '';
  for (const f of filter) {
    switch (f.kind) {
      case 'column':
        clauses.push(`${plus}${f.column} ${f.op} ?`);
        params.push(f.value);
        break;
      case 'link': {
        const ids = idList(dataSource as DataSource, f.ids);
        if (walk && probeLinks) {
          // Walking the order's index with many matches: each clipping walked is checked by one probe
          // of the link table's primary key (its own one or two links, the subtree's ids read once),
          // instead of first reading every clipping of the subtree (a topic of 26,000 clippings at
          // 100k: 6.8 ms → 0.2 ms for a page). See ClippingListRepository.listIds for when.
          clauses.push(
            `EXISTS (SELECT 1 FROM ${f.table} l WHERE l.clipping_id = c.id AND +l.${f.column} IN ${ids.sql})`,
          );
        } else {
          // `c.id IN (…)` rather than a correlated EXISTS: SQLite then reads the link table by its index
          // once instead of probing it for every clipping (a region subtree of 126 ids: 10 s → 5 ms at
          // 100k) — when it is not walking the order with many matches, above.
          clauses.push(
            `${plus}c.id IN (SELECT l.clipping_id FROM ${f.table} l WHERE l.${f.column} IN ${ids.sql})`,
          );
        }
        params.push(ids.param);
        break;
      }
      case 'without':
        // Anti-join on the link table's (clipping_id, …) primary key: one index probe per clipping.
        clauses.push(`NOT EXISTS (SELECT 1 FROM ${f.table} w WHERE w.clipping_id = c.id)`);
        break;
      case 'fullText':
        // Dropping it would widen the selection silently (a bulk edit changing more than the list shows).
        throw new Error('A full-text filter is answered by the search index: splitFullText first');
    }
  }
  return { sql: clauses.length > 0 ? ` WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * The filter (without its full-text query) as the SQL the search index joins, undefined when empty; with
 * the issue-date bounds and the one publication, which SQLite's search narrows its index walk by.
 */
export function searchFilter(
  filter: ClippingFilter,
  dataSource: Pick<DataSource, 'options'>,
): SqlFilter | undefined {
  const where = filterWhere(filter, dataSource);
  if (where.sql === '') return undefined;
  const issueDates: { from?: string; to?: string } = {};
  let publicationId: number | undefined;
  for (const f of filter) {
    if (f.kind !== 'column') continue;
    if (f.column === 'c.publication_id' && f.op === '=') publicationId = Number(f.value);
    if (f.column === 'c.issue_date' && typeof f.value === 'string') {
      if (f.op === '>=') issueDates.from = f.value;
      if (f.op === '<=') issueDates.to = f.value;
    }
  }
  return {
    sql: where.sql.replace(/^ WHERE /, ''),
    params: where.params,
    ...(issueDates.from !== undefined || issueDates.to !== undefined ? { issueDates } : {}),
    ...(publicationId !== undefined && Number.isSafeInteger(publicationId) ? { publicationId } : {}),
  };
}

/** The link filter when it is the only one set (the list counts it on its link table). */
export function linkFilterAlone(filter: ClippingFilter): Extract<ResolvedFilter, { kind: 'link' }> | null {
  const [only] = filter;
  return filter.length === 1 && only?.kind === 'link' ? only : null;
}
