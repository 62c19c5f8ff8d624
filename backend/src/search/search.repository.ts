import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ReadQueries, toDollarPlaceholders } from '../database/read-queries';
import { idList } from '../database/row-reader';
import { atOnce, chunk, nextTurn, rowsPerStatement } from '../database/sql-values';
import { distinctTerms, indexColumns, normalizedColumns } from './core/index-terms';
import type { SearchDocument } from './core/search-document';
import { ID_BITS, keyBoundsOf, searchKey } from './search-key';

/** A boolean SQL expression over the clipping table aliased `c`, with `?` placeholders (the list's filter). */
export interface SqlFilter {
  sql: string;
  params: readonly unknown[];
  /**
   * The issue dates `sql` keeps clippings within, when it has such bounds (`YYYY-MM-DD`): on SQLite the
   * walk of the index is bounded to their keys (search-key.ts), the filter still decides.
   */
  issueDates?: { from?: string; to?: string };
  /**
   * The one publication `sql` keeps clippings of, when it has that condition: on SQLite the query's
   * positive part asks the publication's index term too (compile.ts), the filter still decides.
   */
  publicationId?: number;
}

/** Keys from `from` to `to` (either open). */
export interface KeyBound {
  from?: number;
  to?: number;
}

/**
 * SQLite: ` AND f.rowid >= lo` and ` AND f.rowid <= hi` for the filter's issue dates and `also`, each
 * only when given. The keys are cast to integers in the SQL: node-sqlite3 binds a number beyond 32 bits
 * as a REAL, and FTS5 ignores a rowid bound that is not an INTEGER — it then walks every match and
 * SQLite drops those outside (one day of a term in every clipping at a million clippings: 127 ms
 * bound as a REAL, 1.8 ms cast).
 */
function keyBounds(filter: SqlFilter | undefined, also: KeyBound = {}): { sql: string; params: number[] } {
  const dates = filter?.issueDates ? keyBoundsOf(filter.issueDates.from, filter.issueDates.to) : null;
  const lows = [dates?.lo, also.from].filter((v): v is number => v !== null && v !== undefined);
  const highs = [dates?.hi, also.to].filter((v): v is number => v !== null && v !== undefined);
  let sql = '';
  const params: number[] = [];
  if (lows.length > 0) {
    sql += ' AND f.rowid >= CAST(? AS INTEGER)';
    params.push(Math.max(...lows));
  }
  if (highs.length > 0) {
    sql += ' AND f.rowid <= CAST(? AS INTEGER)';
    params.push(Math.min(...highs));
  }
  return { sql, params };
}

/** One key of an ORDER BY over `c`: a column expression from the list's sort table (never user text). */
export interface SearchOrderKey {
  column: string;
  direction: 'ASC' | 'DESC';
}

/** What the engines are asked, compiled from one parsed query (see core/compile.ts). */
export interface CompiledQuery {
  /** SQLite: FTS5 MATCH of the whole query. */
  fts5: string;
  /** SQLite: FTS5 MATCH of "a positive term in the headline", or null without positive terms. */
  fts5Head: string | null;
  /** SQLite: FTS5 MATCH of number terms every match holds, or null (compile.ts, `toFts5Numbers`). */
  fts5Numbers: string | null;
  /** PostgreSQL: the GIN pre-filter, or null without positive terms. */
  tsquery: string | null;
  /** PostgreSQL: the normalised atoms, each group one OR list, confirmed on the stored text. */
  groups: string[][];
  exclusions: string[];
}

/** Raw facet rows: which facet, its value, and for regions the level and parent. */
export interface FacetRow {
  facet: 'publication' | 'kind' | 'status' | 'year' | 'tag' | 'region';
  value: string | number;
  count: number;
  level?: string;
  parentId?: number | null;
}

const MASK = ID_BITS - 1;

/** The columns of `ix_clipping_facets` (id, publication_id, kind, status, issue_date). */
const FACET_INDEX_COLUMNS = new Set(['id', 'publication_id', 'kind', 'status', 'issue_date']);

/**
 * SQLite: the join of an index key's clipping for `filter`. When the filter reads only columns of
 * `ix_clipping_facets`, it is checked on that index (a few dozen bytes a clipping, which stay in the
 * cache) instead of on the clipping's row, which at a million clippings is a page read out of a file
 * many times the memory map: a place in one publication over half a year (433 of 1,600 matches in the
 * range) counted in 25 ms joined with the row.
 */
function filterJoin(filter: SqlFilter): string {
  const columns = [...filter.sql.matchAll(/\bc\.([a-z_]+)/g)].map((m) => m[1] ?? '');
  const covered = columns.every((c) => FACET_INDEX_COLUMNS.has(c));
  return ` JOIN clipping c${covered ? ' INDEXED BY ix_clipping_facets' : ''} ON c.id = (f.rowid & ${MASK})`;
}

/** FTS5's default `automerge` (segments of a level merged once this many are there). */
export const FTS_AUTOMERGE = 4;
/** FTS rows per INSERT: five parameters each. */
const FTS_ROWS = rowsPerStatement(5);
/**
 * FTS rows per INSERT when writing many (a rebuild's batch): small enough that computing the next
 * part's columns overlaps writing this one, large enough that a statement's own cost is spread.
 */
const FTS_PART_ROWS = 100;

/** Columns a document is read with. */
const DOC_COLUMNS =
  'c.id, c.issue_date, c.publication_id, c.kicker, c.title, c.subtitle, c.byline, c.dateline, c.body, c.subheads';

/** A clipping row (snake_case, subheads as JSON text) as a search document. */
export function documentFromRow(row: Record<string, unknown>): SearchDocument {
  const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  let subheads: string[] = [];
  try {
    const parsed: unknown = JSON.parse(String(row['subheads'] ?? '[]'));
    if (Array.isArray(parsed)) subheads = parsed.map(String);
  } catch {
    subheads = [];
  }
  return {
    id: Number(row['id']),
    issueDate: String(row['issue_date']),
    publicationId: Number(row['publication_id']),
    kicker: text(row['kicker']),
    title: text(row['title']),
    subtitle: text(row['subtitle']),
    byline: text(row['byline']),
    dateline: text(row['dateline']),
    body: text(row['body']) ?? '',
    subheads,
  };
}

/**
 * Every query on the search index (`clipping_search`, `clipping_search_fts`), on SQLite and on
 * PostgreSQL. Writes take the caller's transaction; reads outside one go through {@link ReadQueries}.
 */
@Injectable()
export class SearchRepository {
  readonly postgres: boolean;

  constructor(
    private readonly dataSource: DataSource,
    private readonly read: ReadQueries,
  ) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  private async exec(manager: EntityManager, sql: string, params: unknown[]): Promise<unknown> {
    return manager.query(this.postgres ? toDollarPlaceholders(sql) : sql, params);
  }

  private rows<T>(sql: string, params: readonly unknown[], manager?: EntityManager): Promise<T[]> {
    return this.read.all<T>(sql, params, manager);
  }

  // --- writing -------------------------------------------------------------------------------------

  /** Replaces the index entries of these documents (inside the caller's transaction). */
  async write(manager: EntityManager, docs: readonly SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    // The last version of a document given twice wins.
    const byId = new Map(docs.map((d) => [d.id, d]));
    const unique = [...byId.values()];
    if (this.postgres) {
      for (const part of chunk(unique, 200)) {
        const tuples = part.map(() => '(?, ?, ?, array_to_tsvector(?::text[]))').join(', ');
        const params = part.flatMap((d) => {
          const cols = normalizedColumns(d);
          return [d.id, cols.head, cols.body, distinctTerms(cols)];
        });
        await this.exec(
          manager,
          `INSERT INTO clipping_search (clipping_id, head, body, terms) VALUES ${tuples}
           ON CONFLICT (clipping_id) DO UPDATE SET head = EXCLUDED.head, body = EXCLUDED.body, terms = EXCLUDED.terms`,
          params,
        );
      }
      return;
    }
    await this.removeSqlite(
      manager,
      unique.map((d) => d.id),
    );
    // Each part's columns are computed while the part before is in SQLite (on its own thread): the
    // statements of full parts are kept prepared, so they start as soon as they are called.
    const parts = chunk(unique, FTS_PART_ROWS);
    const valuesOf = (part: readonly SearchDocument[]): { keys: number[]; fts: unknown[] } => {
      const keys = part.map((d) => searchKey(d.issueDate, d.id));
      const fts = part.flatMap((d, i) => {
        const cols = indexColumns(d);
        return [keys[i], cols.head, cols.body, cols.headHit, cols.chars];
      });
      return { keys, fts };
    };
    let next = parts[0] ? valuesOf(parts[0]) : null;
    for (let k = 0; k < parts.length && next; k += 1) {
      const part = parts[k] ?? [];
      const { keys, fts } = next;
      const written = Promise.all([
        manager.query(
          `INSERT INTO clipping_search_fts (rowid, head, body, head_hit, chars) VALUES ${part.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
          fts,
        ),
        manager.query(
          `INSERT INTO clipping_search (search_key, clipping_id) VALUES ${part.map(() => '(?, ?)').join(', ')}`,
          part.flatMap((d, i) => [keys[i], d.id]),
        ),
      ]);
      const following = parts[k + 1];
      if (following) {
        await nextTurn(); // the statements above are handed to SQLite first
        next = valuesOf(following);
      }
      await written;
    }
  }

  /**
   * Brings these clippings' entries in step with their rows (inside the caller's transaction): rewritten
   * where the clipping exists, removed where it is gone. On SQLite the documents and the old keys are
   * read at once; a key that stays (the issue date did not change) keeps its `clipping_search` row and
   * only its FTS row is rewritten (in place when it is the only one), a new clipping's two rows are
   * inserted at once: after the read, a PATCH of the title costs one statement, a new clipping one round.
   */
  async sync(manager: EntityManager, ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    if (this.postgres) {
      const docs = await this.documents(ids, manager);
      const present = new Set(docs.map((d) => d.id));
      await this.remove(
        manager,
        ids.filter((id) => !present.has(id)),
      );
      await this.write(manager, docs);
      return;
    }
    const list = JSON.stringify([...new Set(ids)]);
    const [docs, old] = await atOnce(
      manager,
      () => this.documents(ids, manager),
      async () =>
        (await manager.query(
          'SELECT clipping_id AS id, search_key AS k FROM clipping_search WHERE clipping_id IN (SELECT value FROM json_each(?))',
          [list],
        )) as { id: number; k: number }[],
    );
    const byId = [...new Map(docs.map((d) => [d.id, d])).values()];
    const newKey = new Map(byId.map((d) => [d.id, searchKey(d.issueDate, d.id)]));
    const oldKey = new Map(old.map((r) => [Number(r.id), Number(r.k)]));
    const [only] = byId;
    if (byId.length === 1 && only && oldKey.size === 1 && oldKey.get(only.id) === newKey.get(only.id)) {
      // One clipping whose key stays (an edit of its text): its FTS row rewritten in place, one statement
      // (a contentless FTS5 table with `contentless_delete` takes an UPDATE of every column).
      const cols = indexColumns(only);
      await manager.query(
        'UPDATE clipping_search_fts SET head = ?, body = ?, head_hit = ?, chars = ? WHERE rowid = ?',
        [cols.head, cols.body, cols.headHit, cols.chars, newKey.get(only.id)],
      );
      return;
    }
    const mappingGone = [...oldKey].filter(([id, k]) => newKey.get(id) !== k).map(([id]) => id);
    const mappingNew = byId.filter((d) => oldKey.get(d.id) !== newKey.get(d.id));
    await atOnce(
      manager,
      async () => {
        if (oldKey.size > 0)
          await manager.query(
            'DELETE FROM clipping_search_fts WHERE rowid IN (SELECT value FROM json_each(?))',
            [JSON.stringify([...oldKey.values()])],
          );
      },
      async () => {
        if (mappingGone.length > 0)
          await manager.query(
            'DELETE FROM clipping_search WHERE clipping_id IN (SELECT value FROM json_each(?))',
            [JSON.stringify(mappingGone)],
          );
      },
    );
    await atOnce(
      manager,
      async () => {
        for (const part of chunk(byId, FTS_ROWS))
          await manager.query(
            `INSERT INTO clipping_search_fts (rowid, head, body, head_hit, chars) VALUES ${part.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
            part.flatMap((d) => {
              const cols = indexColumns(d);
              return [newKey.get(d.id), cols.head, cols.body, cols.headHit, cols.chars];
            }),
          );
      },
      async () => {
        for (const part of chunk(mappingNew, 300))
          await manager.query(
            `INSERT INTO clipping_search (search_key, clipping_id) VALUES ${part.map(() => '(?, ?)').join(', ')}`,
            part.flatMap((d) => [newKey.get(d.id), d.id]),
          );
      },
    );
  }

  /** Removes these clippings from the index (inside the caller's transaction). */
  async remove(manager: EntityManager, ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    if (this.postgres) {
      await manager.query('DELETE FROM clipping_search WHERE clipping_id = ANY($1::int[])', [[...ids]]);
      return;
    }
    await this.removeSqlite(manager, ids);
  }

  private async removeSqlite(manager: EntityManager, ids: readonly number[]): Promise<void> {
    const list = JSON.stringify(ids);
    const old = (await manager.query(
      'SELECT search_key AS k FROM clipping_search WHERE clipping_id IN (SELECT value FROM json_each(?))',
      [list],
    )) as { k: number }[];
    if (old.length === 0) return;
    await manager.query('DELETE FROM clipping_search_fts WHERE rowid IN (SELECT value FROM json_each(?))', [
      JSON.stringify(old.map((r) => r.k)),
    ]);
    await manager.query('DELETE FROM clipping_search WHERE clipping_id IN (SELECT value FROM json_each(?))', [
      list,
    ]);
  }

  /** The documents of these clippings, read in `manager`'s transaction when given. */
  async documents(ids: readonly number[], manager?: EntityManager): Promise<SearchDocument[]> {
    if (ids.length === 0) return [];
    const list = idList(this.dataSource, ids);
    const rows = await this.rows<Record<string, unknown>>(
      `SELECT ${DOC_COLUMNS} FROM clipping c WHERE c.id IN ${list.sql}`,
      [list.param],
      manager,
    );
    return rows.map(documentFromRow);
  }

  /** Up to `limit` documents with ids above `afterId`, in id order (reindexing). */
  async documentsAfter(afterId: number, limit: number, manager?: EntityManager): Promise<SearchDocument[]> {
    const rows = await this.rows<Record<string, unknown>>(
      `SELECT ${DOC_COLUMNS} FROM clipping c WHERE c.id > ? ORDER BY c.id LIMIT ?`,
      [afterId, limit],
      manager,
    );
    return rows.map(documentFromRow);
  }

  async clippingCount(): Promise<number> {
    const rows = await this.rows<{ n: number | string }>('SELECT COUNT(*) AS n FROM clipping', []);
    return Number(rows[0]?.n ?? 0);
  }

  /** Index entries whose clipping is gone (none, when every writer keeps the index): removed. */
  async removeOrphans(manager: EntityManager): Promise<number> {
    const rows = (await manager.query(
      'SELECT s.clipping_id AS id FROM clipping_search s WHERE NOT EXISTS (SELECT 1 FROM clipping c WHERE c.id = s.clipping_id)',
    )) as { id: number }[];
    await this.remove(
      manager,
      rows.map((r) => Number(r.id)),
    );
    return rows.length;
  }

  /**
   * SQLite: whether FTS5 merges segments as rows go in (`automerge`, a setting stored with the index).
   * A rebuild turns it off and merges once at the end (`optimize`): merging level by level while a
   * million rows went in was a quarter of the rebuild's time. Then it goes back to FTS5's default
   * ({@link FTS_AUTOMERGE}), which keeps an index written row by row in few segments. PostgreSQL: nothing.
   */
  async setBulkLoading(manager: EntityManager, on: boolean): Promise<void> {
    if (this.postgres) return;
    await manager.query(
      `INSERT INTO clipping_search_fts (clipping_search_fts, rank) VALUES ('automerge', ?)`,
      [on ? 0 : FTS_AUTOMERGE],
    );
  }

  /** SQLite: merges the FTS index into one segment (after a rebuild: fewer segments to read per query). */
  async optimize(manager: EntityManager): Promise<void> {
    if (!this.postgres)
      await manager.query(`INSERT INTO clipping_search_fts (clipping_search_fts) VALUES ('optimize')`);
  }

  /**
   * The highest clipping id and the highest indexed one (null when none): two index lookups. Every
   * write indexes its clippings and `reindex` walks in id order, so an index short of the table (a
   * database from before the index, an interrupted rebuild) lacks the highest id.
   */
  async highestIds(): Promise<{ clipping: number | null; indexed: number | null }> {
    const rows = await this.rows<{ c: number | string | null; s: number | string | null }>(
      'SELECT (SELECT MAX(id) FROM clipping) AS c, (SELECT MAX(clipping_id) FROM clipping_search) AS s',
      [],
    );
    const n = (v: number | string | null | undefined): number | null =>
      v === null || v === undefined ? null : Number(v);
    return { clipping: n(rows[0]?.c), indexed: n(rows[0]?.s) };
  }

  /** How many clippings the index holds. */
  async indexedCount(): Promise<number> {
    const rows = await this.rows<{ n: number | string }>('SELECT COUNT(*) AS n FROM clipping_search', []);
    return Number(rows[0]?.n ?? 0);
  }

  // --- reading: SQLite -----------------------------------------------------------------------------

  /** SQLite: matches of `match` (an FTS5 expression) passing `filter`, counted up to `upTo` (then `upTo` + 1). */
  async countSqlite(match: string, filter: SqlFilter | undefined, upTo: number): Promise<number> {
    const limit = Number.isFinite(upTo) ? Math.floor(upTo) + 1 : -1;
    const keys = keyBounds(filter);
    const rows = filter
      ? await this.rows<{ n: number }>(
          `SELECT COUNT(*) AS n FROM (SELECT 1 FROM clipping_search_fts f${filterJoin(filter)}
           WHERE f.clipping_search_fts MATCH ?${keys.sql} AND (${filter.sql}) LIMIT ?)`,
          [match, ...keys.params, ...filter.params, limit],
        )
      : await this.rows<{ n: number }>(
          'SELECT COUNT(*) AS n FROM (SELECT 1 FROM clipping_search_fts WHERE clipping_search_fts MATCH ? LIMIT ?)',
          [match, limit],
        );
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * SQLite: the first `limit` keys (-1: all) of matches passing `filter` and within `bound`, walking keys
   * (issue days) in `direction`.
   */
  async walkKeys(
    match: string,
    filter: SqlFilter | undefined,
    direction: 'ASC' | 'DESC',
    limit: number,
    bound: KeyBound = {},
  ): Promise<number[]> {
    const join = filter ? `${filterJoin(filter)} AND (${filter.sql})` : '';
    const keys = keyBounds(filter, bound);
    const rows = await this.rows<{ k: number }>(
      `SELECT f.rowid AS k FROM clipping_search_fts f${join}
       WHERE f.clipping_search_fts MATCH ?${keys.sql} ORDER BY f.rowid ${direction} LIMIT ?`,
      [...(filter?.params ?? []), match, ...keys.params, limit],
    );
    return rows.map((r) => Number(r.k));
  }

  /** Every clipping id matching the compiled query and the filter, in id order (bulk edit's "all matching"). */
  async matchingIds(
    q: CompiledQuery,
    filter: SqlFilter | undefined,
    manager?: EntityManager,
  ): Promise<number[]> {
    if (this.postgres) {
      const where = this.pgWhere(q, filter);
      const rows = await this.rows<{ id: number }>(
        `SELECT c.id FROM clipping c JOIN clipping_search s ON s.clipping_id = c.id${where.sql} ORDER BY c.id`,
        where.params,
        manager,
      );
      return rows.map((r) => Number(r.id));
    }
    const join = filter ? `${filterJoin(filter)} AND (${filter.sql})` : '';
    const keys = keyBounds(filter);
    const rows = await this.rows<{ id: number }>(
      `SELECT f.rowid & ${MASK} AS id FROM clipping_search_fts f${join}
       WHERE f.clipping_search_fts MATCH ?${keys.sql} ORDER BY 1`,
      [...(filter?.params ?? []), q.fts5, ...keys.params],
      manager,
    );
    return rows.map((r) => Number(r.id));
  }

  /** SQLite: the window of every match passing `filter` in `order` (any sort; the match set is read whole). */
  async pageByOrderSqlite(
    match: string,
    filter: SqlFilter | undefined,
    order: string,
    window: { offset: number; pageSize: number },
  ): Promise<number[]> {
    const keys = keyBounds(filter);
    const rows = await this.rows<{ id: number }>(
      `SELECT c.id FROM clipping c
       WHERE c.id IN (SELECT f.rowid & ${MASK} FROM clipping_search_fts f WHERE f.clipping_search_fts MATCH ?${keys.sql})
       ${filter ? `AND (${filter.sql})` : ''} ORDER BY ${order} LIMIT ? OFFSET ?`,
      [match, ...keys.params, ...(filter?.params ?? []), window.pageSize, window.offset],
    );
    return rows.map((r) => Number(r.id));
  }

  /**
   * Those of these clippings that pass `filter`, all of them, in `order` (ids not in `clipping` drop
   * out). On SQLite the few rows are read by their ids (`NOT INDEXED` leaves the primary key): without
   * it SQLite answered a publication's filter from the publication's index, every clipping of it checked
   * against the list (13 ms at a million clippings, for a handful of ids).
   */
  async filterIds(ids: readonly number[], filter: SqlFilter | undefined, order: string): Promise<number[]> {
    if (ids.length === 0) return [];
    const list = idList(this.dataSource, ids);
    const byId = this.postgres ? '' : ' NOT INDEXED';
    const rows = await this.rows<{ id: number }>(
      `SELECT c.id FROM clipping c${byId} WHERE c.id IN ${list.sql}${filter ? ` AND (${filter.sql})` : ''} ORDER BY ${order}`,
      [list.param, ...(filter?.params ?? [])],
    );
    return rows.map((r) => Number(r.id));
  }

  /** These clippings in `order`, the window taken (ids not in `clipping` drop out). */
  async sortIds(
    ids: readonly number[],
    order: string,
    window: { offset: number; pageSize: number },
  ): Promise<number[]> {
    if (ids.length === 0) return [];
    const list = idList(this.dataSource, ids);
    const rows = await this.rows<{ id: number }>(
      `SELECT c.id FROM clipping c WHERE c.id IN ${list.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
      [list.param, window.pageSize, window.offset],
    );
    return rows.map((r) => Number(r.id));
  }

  // --- reading: PostgreSQL -------------------------------------------------------------------------

  /** PostgreSQL: the WHERE clause (over `c` and `s`) of a compiled query and the filter, with its parameters. */
  private pgWhere(q: CompiledQuery, filter?: SqlFilter): { sql: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (q.tsquery !== null) {
      clauses.push('s.terms @@ ?::tsquery');
      params.push(q.tsquery);
    }
    const any = (atoms: string[]): string => {
      params.push(...atoms.flatMap((a) => [a, a]));
      return `(${atoms.map(() => '(strpos(s.head, ?) > 0 OR strpos(s.body, ?) > 0)').join(' OR ')})`;
    };
    for (const group of q.groups) clauses.push(any(group));
    if (q.exclusions.length > 0) clauses.push(`NOT ${any(q.exclusions)}`);
    if (filter) {
      clauses.push(`(${filter.sql})`);
      params.push(...filter.params);
    }
    return { sql: clauses.length > 0 ? ` WHERE ${clauses.join(' AND ')}` : '', params };
  }

  /** PostgreSQL: the headline rank (1 when a positive atom is in the headline fields) as SQL. */
  private pgHeadRank(q: CompiledQuery): { sql: string; params: unknown[] } {
    const atoms = q.groups.flat();
    if (atoms.length === 0) return { sql: '0', params: [] };
    return {
      sql: `CASE WHEN ${atoms.map(() => 'strpos(s.head, ?) > 0').join(' OR ')} THEN 1 ELSE 0 END`,
      params: atoms,
    };
  }

  /** PostgreSQL: matches counted up to `upTo` (then `upTo` + 1). */
  async countPostgres(q: CompiledQuery, filter: SqlFilter | undefined, upTo: number): Promise<number> {
    const where = this.pgWhere(q, filter);
    const limit = Number.isFinite(upTo) ? ` LIMIT ${Math.floor(upTo) + 1}` : '';
    const rows = await this.rows<{ n: string }>(
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM clipping c JOIN clipping_search s ON s.clipping_id = c.id${where.sql}${limit}) t`,
      where.params,
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** PostgreSQL: one window in `order`, headline hits first when `byRank`; each id with its rank. */
  async pagePostgres(
    q: CompiledQuery,
    filter: SqlFilter | undefined,
    order: string,
    byRank: boolean,
    window: { offset: number; pageSize: number },
  ): Promise<Array<{ id: number; rank: number }>> {
    const rank = this.pgHeadRank(q);
    const where = this.pgWhere(q, filter);
    const rows = await this.rows<{ id: number; rank: number }>(
      `SELECT c.id, ${rank.sql} AS rank FROM clipping c JOIN clipping_search s ON s.clipping_id = c.id${where.sql}
       ORDER BY ${byRank ? 'rank DESC, ' : ''}${order} LIMIT ? OFFSET ?`,
      [...rank.params, ...where.params, window.pageSize, window.offset],
    );
    return rows.map((r) => ({ id: Number(r.id), rank: Number(r.rank) }));
  }

  /** Headline ranks of these ids (SQLite: by FTS5; PostgreSQL: on the stored text). */
  async headHits(q: CompiledQuery, ids: readonly number[]): Promise<Set<number>> {
    if (ids.length === 0 || q.fts5Head === null) return new Set();
    const list = idList(this.dataSource, ids);
    if (this.postgres) {
      const rank = this.pgHeadRank(q);
      const rows = await this.rows<{ id: number }>(
        `SELECT s.clipping_id AS id FROM clipping_search s WHERE s.clipping_id IN ${list.sql} AND ${rank.sql} = 1`,
        [list.param, ...rank.params],
      );
      return new Set(rows.map((r) => Number(r.id)));
    }
    const rows = await this.rows<{ id: number }>(
      `SELECT s.clipping_id AS id FROM clipping_search s JOIN clipping_search_fts f ON f.rowid = s.search_key
       WHERE s.clipping_id IN ${list.sql} AND f.clipping_search_fts MATCH ?`,
      [list.param, q.fts5Head],
    );
    return new Set(rows.map((r) => Number(r.id)));
  }

  // --- facets --------------------------------------------------------------------------------------

  /**
   * PostgreSQL: counts per publication, kind, status, year, tag and region (each region with its
   * ancestors, a clipping counted once per region) over the matches passing `filter`; with `newest`,
   * over only the newest that many matches (by issue date).
   */
  facetsPostgres(q: CompiledQuery, filter: SqlFilter | undefined, newest?: number): Promise<FacetRow[]> {
    const limit = newest === undefined ? '' : ` LIMIT ${Math.max(1, Math.floor(newest))}`;
    const where = this.pgWhere(q, filter);
    return this.facetRows({
      sql: `SELECT c.id FROM clipping c JOIN clipping_search s ON s.clipping_id = c.id${where.sql}${limit ? ` ORDER BY c.issue_date DESC, c.id DESC${limit}` : ''}`,
      params: where.params,
    });
  }

  /** SQLite: the counts of {@link facetsPostgres} over these clippings (the matches, found by a walk of the keys). */
  facetsOfIds(ids: readonly number[]): Promise<FacetRow[]> {
    return this.facetRows({ sql: 'SELECT value AS id FROM json_each(?)', params: [JSON.stringify(ids)] });
  }

  private async facetRows(matches: { sql: string; params: unknown[] }): Promise<FacetRow[]> {
    // SQLite would rather scan a whole link table and probe the matches; CROSS JOIN keeps the matches outer.
    const join = this.postgres ? 'JOIN' : 'CROSS JOIN';
    const rows = await this.rows<{
      facet: string;
      value: string | number;
      n: number | string;
      level: string | null;
      parent_id: number | null;
    }>(
      `WITH m AS MATERIALIZED (${matches.sql}),
       scalars AS (
         SELECT c.publication_id AS publication, c.kind AS kind, c.status AS status,
                substr(c.issue_date, 1, 4) AS year, COUNT(*) AS n
         FROM m JOIN clipping c${this.postgres ? '' : ' INDEXED BY ix_clipping_facets'} ON c.id = m.id
         GROUP BY c.publication_id, c.kind, c.status, substr(c.issue_date, 1, 4)
       ),
       links AS MATERIALIZED (
         SELECT cr.clipping_id AS cid, r.id AS r0, r.parent_id AS r1, p.parent_id AS r2
         FROM m ${join} clipping_region cr ON cr.clipping_id = m.id
         ${join} region r ON r.id = cr.region_id LEFT JOIN region p ON p.id = r.parent_id
       ),
       ancestors AS (
         SELECT cid, r0 AS rid FROM links
         UNION SELECT cid, r1 FROM links WHERE r1 IS NOT NULL
         UNION SELECT cid, r2 FROM links WHERE r2 IS NOT NULL
       )
       SELECT 'publication' AS facet, CAST(publication AS TEXT) AS value, SUM(n) AS n, CAST(NULL AS VARCHAR(20)) AS level, CAST(NULL AS INTEGER) AS parent_id FROM scalars GROUP BY publication
       UNION ALL SELECT 'kind', kind, SUM(n), NULL, NULL FROM scalars GROUP BY kind
       UNION ALL SELECT 'status', status, SUM(n), NULL, NULL FROM scalars GROUP BY status
       UNION ALL SELECT 'year', year, SUM(n), NULL, NULL FROM scalars GROUP BY year
       UNION ALL SELECT 'tag', CAST(ct.tag_id AS TEXT), COUNT(*), NULL, NULL FROM m ${join} clipping_tag ct ON ct.clipping_id = m.id GROUP BY ct.tag_id
       UNION ALL SELECT 'region', CAST(a.id AS TEXT), COUNT(*), a.level, a.parent_id
         FROM ancestors x ${join} region a ON a.id = x.rid GROUP BY a.id, a.level, a.parent_id`,
      matches.params,
    );
    return rows.map((r) => {
      const facet = r.facet as FacetRow['facet'];
      const numeric = facet === 'publication' || facet === 'tag' || facet === 'region';
      const row: FacetRow = { facet, value: numeric ? Number(r.value) : String(r.value), count: Number(r.n) };
      if (facet === 'region') {
        row.level = String(r.level);
        row.parentId = r.parent_id === null ? null : Number(r.parent_id);
      }
      return row;
    });
  }

  /** Bytes of the index and of the clippings' text (SQLite's dbstat; PostgreSQL's relation sizes). */
  async sizes(): Promise<{ indexBytes: number; textBytes: number }> {
    if (this.postgres) {
      const [row] = await this.rows<{ i: string; t: string }>(
        `SELECT pg_total_relation_size('clipping_search') AS i,
                (SELECT SUM(octet_length(coalesce(kicker, '')) + octet_length(coalesce(title, '')) + octet_length(coalesce(subtitle, ''))
                  + octet_length(coalesce(byline, '')) + octet_length(coalesce(dateline, '')) + octet_length(body) + octet_length(subheads)) FROM clipping) AS t`,
        [],
      );
      return { indexBytes: Number(row?.i ?? 0), textBytes: Number(row?.t ?? 0) };
    }
    const [row] = await this.rows<{ i: number; t: number }>(
      `SELECT (SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'clipping_search%' OR name LIKE 'sqlite_autoindex_clipping_search%') AS i,
              (SELECT SUM(length(CAST(coalesce(kicker, '') || coalesce(title, '') || coalesce(subtitle, '') || coalesce(byline, '')
                || coalesce(dateline, '') || body || subheads AS BLOB))) FROM clipping) AS t`,
      [],
    );
    return { indexBytes: Number(row?.i ?? 0), textBytes: Number(row?.t ?? 0) };
  }
}
