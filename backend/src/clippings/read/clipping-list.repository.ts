import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type CappedTotal, cappedCountSql, cappedTotal, countLimit } from '../../database/capped-count';
import { ReadQueries } from '../../database/read-queries';
import { idList } from '../../database/row-reader';
import { type SearchResult, SearchService, type SqlFilter } from '../../search/search.service';
import {
  type ClippingFilter,
  filterWhere,
  linkFilterAlone,
  searchFilter,
  splitFullText,
} from '../clipping-filter';
import { CLIPPING_SORT_COLUMNS, type SortKey } from '../clipping-sort';
import { ClippingCounts } from './clipping-counts';
import { closedDateRange, daysBetween } from './day-range';
import { tallyCountFor } from './tally-count';

/**
 * SQLite: from this many matches, a list whose filter's index does not give its order walks the index
 * of its order instead of sorting the matches (see listIds). Below it, sorting them costs at most this
 * many rows; above it, the walk reads about `(offset + pageSize) × clippings / matches` index entries.
 */
export const WALK_ORDER_FROM = 1_000;

/**
 * SQLite: an issue-date range of at most this many days, sorted in another order, may be read day by
 * day (see byDay): one statement of that many parts.
 */
export const BY_DAY_MAX_DAYS = 92;

/** Whether the filter bounds the issue date (`from`/`to`). */
export function hasIssueDateRange(filter: ClippingFilter): boolean {
  return filter.some((f) => f.kind === 'column' && f.column === 'c.issue_date' && f.op !== '=');
}

/** A probe of a clipping's links against reading one match of a subtree (see probesLinks). */
const PROBE_COST_RATIO = 4;

/** How long the archive's size is reused for choosing a plan. */
const ARCHIVE_SIZE_TTL_MS = 5_000;

/** Statement texts whose SQLite plan is remembered (a few per filter combination and order). */
const MAX_PLANS = 2_000;

/** A page of a list as a statement: `SELECT c.id FROM clipping c … ORDER BY <order> LIMIT ? OFFSET ?`. */
export interface PageStatement {
  sql: string;
  params: unknown[];
  /** The ORDER BY clause's terms (over `c.`), for a statement that reads the page's rows in its order. */
  order: string;
}

/**
 * The clippings a filter selects: a page of them in order with the total, or all of their ids
 * (hand-written SQL; a full-text query through the search index, the rest of the filter as its SQL).
 */
@Injectable()
export class ClippingListRepository {
  private readonly plans = new Map<string, boolean>();
  private archive = { n: 0, at: 0 };

  constructor(
    private readonly dataSource: DataSource,
    private readonly read: ReadQueries,
    private readonly search: SearchService,
    private readonly counts: ClippingCounts,
  ) {}

  /** The filter without its full-text query, as the SQL the search index joins (undefined when empty). */
  sqlFilter(filter: ClippingFilter): SqlFilter | undefined {
    return searchFilter(filter, this.dataSource);
  }

  /**
   * One page of the clippings matching the full-text query `q` and the rest of the filter, in the
   * requested order or by relevance (headline hits first, then the default order); the total counted
   * up to the search's own limit (1,000; `totalExact` false beyond).
   */
  searchIds(
    q: string,
    filter: ClippingFilter,
    sort: SortKey[] | 'relevance',
    window: { offset: number; pageSize: number },
  ): Promise<SearchResult> {
    return this.search.search({
      q,
      filter: this.sqlFilter(filter),
      sort:
        sort === 'relevance'
          ? 'relevance'
          : sort.map((k) => ({ column: CLIPPING_SORT_COLUMNS[k.field], direction: k.direction })),
      page: window,
    });
  }

  /**
   * One page of the clippings matching the filter, as `load` reads them from the page's statement
   * (a `SELECT c.id …` with its order, limit and offset, for `load` to use as a subquery: the page's
   * rows in one statement), and how many match, counted up to `countUpTo` (see
   * database/capped-count.ts): the work of a list page is bounded by the page and the count's limit,
   * not by the archive.
   *
   * The count and the page run at the same time unless the count decides the page's plan (below):
   * each statement is a round trip through the busy event loop, and a list page that waits for one
   * after the other waits twice (docs/benchmarks.md, "a list page in one round").
   */
  async listPage<R>(
    filter: ClippingFilter,
    sort: SortKey[],
    window: { offset: number; pageSize: number },
    countUpTo: number,
    load: (page: PageStatement) => Promise<R[]>,
  ): Promise<{ rows: R[] } & CappedTotal> {
    const postgres = this.dataSource.options.type === 'postgres';
    const order = this.orderBy(sort);
    const page = (walk: boolean, probeLinks = false): PageStatement => {
      const where = filterWhere(filter, this.dataSource, walk, probeLinks);
      return {
        sql: `SELECT c.id FROM clipping c${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
        params: [...where.params, window.pageSize, window.offset],
        order,
      };
    };
    const plain = page(false);
    // SQLite (no statistics) answers a filter by its index and then sorts every match unless an index
    // of the filter also gives the order. With many matches that sort is the whole cost of the page
    // (a kind on 200,000 of a million clippings, by title: every one of them), so the filter is then
    // checked while walking the index of the order, which stops at the page. Only then does the page
    // wait for the count; a statement whose plan gives the order (known from an earlier page) does not.
    const mayWalk = !postgres && filter.length > 0 && this.plans.get(plain.sql) !== false;
    if (!mayWalk) {
      const [counted, rows] = await Promise.all([this.countUpTo(filter, countUpTo), load(plain)]);
      return { rows, ...cappedTotal(counted, countUpTo) };
    }
    const totals = cappedTotal(await this.countUpTo(filter, countUpTo), countUpTo);
    if (totals.total === 0) return { rows: [], ...totals };
    let statement = plain;
    if (totals.total >= WALK_ORDER_FROM && (await this.sortsAll(plain))) {
      const byDay = await this.byDay(filter, sort, order, window, totals);
      if (byDay) statement = byDay;
      // Not for an issue-date range counted in full: its matches cluster in every other order an
      // archive has (filing and editing follow the issues; in the bench's corpus the titles do too), so
      // the walk crosses every clipping of the other dates before reaching the page — at 100,000
      // clippings a 31-day range by last edit walked 30–114 ms where sorting its ~4,200 matches takes
      // about 5 ms (~1 ms per 1,000 matches, bounded by the count's limit).
      else if (!(totals.totalExact && hasIssueDateRange(filter)))
        statement = page(true, await this.probesLinks(filter, totals, window));
    }
    return { rows: await load(statement), ...totals };
  }

  /**
   * An issue-date range of at most {@link BY_DAY_MAX_DAYS} days in an order the range's index does not
   * give (by title, last edit, filing time), read day by day: each day's first `offset + pageSize`
   * clippings in the order, from an index led by the issue date (`issue_date = ?`, then the order's
   * column), all days in one statement (`UNION ALL`), and the page taken from those. The work is
   * bounded by days × (offset + pageSize) index entries whatever the archive holds, where sorting reads
   * every match of the range (tens of thousands at a million clippings) and the walk of the order's
   * index crosses the clippings of every other date (docs/benchmarks.md, "A month by title at a
   * million"). Null when it does not apply: an open range or a longer one, a tag, region or
   * "without" filter beside it (each day would check its links again), no index giving a day's
   * order, or a range counted in full whose matches are fewer than twice what the days would read.
   */
  private async byDay(
    filter: ClippingFilter,
    sort: SortKey[],
    order: string,
    window: { offset: number; pageSize: number },
    totals: CappedTotal,
  ): Promise<PageStatement | null> {
    const range = closedDateRange(filter);
    if (!range) return null;
    const days = daysBetween(range.from, range.to, BY_DAY_MAX_DAYS);
    if (!days) return null;
    const perDay = window.offset + window.pageSize;
    if (totals.totalExact && days.length * perDay * 2 >= totals.total) return null;
    const keys = sort.map((key, i) => `${CLIPPING_SORT_COLUMNS[key.field]} AS s${i}`).join(', ');
    const outerOrder = sort.map((key, i) => `s${i} ${key.direction}`).join(', ');
    // The rest of the filter as SQLite would use it (a publication's index may give the day's order:
    // `publication_id, issue_date, updated_at`), else checked on an index led by the day alone.
    for (const walk of [false, true]) {
      const rest = filterWhere(range.rest, this.dataSource, walk);
      const also = rest.sql === '' ? '' : ` AND ${rest.sql.replace(/^ WHERE /, '')}`;
      const day = `SELECT c.id AS id, ${keys} FROM clipping c WHERE c.issue_date = ?${also} ORDER BY ${order} LIMIT ?`;
      if (await this.sortsAll({ sql: day, params: [range.from, ...rest.params, perDay] })) continue;
      return {
        sql:
          `SELECT id FROM (${days.map(() => `SELECT * FROM (${day})`).join(' UNION ALL ')}) ` +
          `ORDER BY ${outerOrder} LIMIT ? OFFSET ?`,
        params: [...days.flatMap((d) => [d, ...rest.params, perDay]), window.pageSize, window.offset],
        order,
      };
    }
    return null;
  }

  /**
   * Whether a walk checks a tag or region filter by probing each clipping's links (EXISTS) rather than
   * first reading every clipping the subtree holds (IN). The walk reads about
   * `(offset + pageSize) × archive ÷ matches` clippings, each probe about 1 µs at 100,000 clippings;
   * reading the subtree costs about 0.25 µs per match — so probing wins when matches² exceeds
   * 4 × (offset + pageSize) × archive, and always when the count stopped at its limit (the matches
   * may be many more). Measured on the bench corpus: a topic of 26,000 clippings 6.8 → 0.2 ms per page.
   */
  private async probesLinks(
    filter: ClippingFilter,
    totals: CappedTotal,
    window: { offset: number; pageSize: number },
  ): Promise<boolean> {
    if (!filter.some((f) => f.kind === 'link')) return false;
    if (!totals.totalExact) return true;
    const archive = await this.archiveSize();
    return totals.total * totals.total > PROBE_COST_RATIO * (window.offset + window.pageSize) * archive;
  }

  /** How many clippings the archive holds, from the kept counts, re-read at most every few seconds (a plan choice only). */
  private async archiveSize(): Promise<number> {
    const now = Date.now();
    if (now - this.archive.at > ARCHIVE_SIZE_TTL_MS) {
      this.archive = { n: await this.counts.total(), at: now };
    }
    return this.archive.n;
  }

  /**
   * PostgreSQL sorts NULLs (untitled clippings) as largest, SQLite as smallest: sort them as SQLite does.
   * Only the title can be NULL; on the other columns the clause would keep PostgreSQL from walking
   * their indexes (an index's DESC is NULLS FIRST).
   */
  private orderBy(sort: SortKey[]): string {
    const postgres = this.dataSource.options.type === 'postgres';
    return sort
      .map((key) => {
        const nulls =
          postgres && key.field === 'title' ? (key.direction === 'ASC' ? ' NULLS FIRST' : ' NULLS LAST') : '';
        return `${CLIPPING_SORT_COLUMNS[key.field]} ${key.direction}${nulls}`;
      })
      .join(', ');
  }

  /**
   * Every id matching the filter, in the list's order (exports: the same filter and order as the list
   * shows, the rows then read in batches by the caller).
   */
  async orderedIds(filter: ClippingFilter, sort: SortKey[]): Promise<number[]> {
    // A full-text query selects through the search index, as the list and bulk editing do; the ids
    // then come back in the list's order.
    const { q, rest } = splitFullText(filter);
    if (q !== null) {
      const ids = await this.search.matchingIds(q, this.sqlFilter(rest));
      if (ids.length === 0) return [];
      const list = idList(this.dataSource, ids);
      const rows = await this.read.all<{ id: number }>(
        `SELECT c.id FROM clipping c WHERE c.id IN ${list.sql} ORDER BY ${this.orderBy(sort)}`,
        [list.param],
      );
      return rows.map((r) => Number(r.id));
    }
    const where = filterWhere(filter, this.dataSource);
    const rows = await this.read.all<{ id: number }>(
      `SELECT c.id FROM clipping c${where.sql} ORDER BY ${this.orderBy(sort)}`,
      where.params,
    );
    return rows.map((r) => Number(r.id));
  }

  /**
   * Whether SQLite's plan of a list statement sorts every match (`USE TEMP B-TREE FOR ORDER BY`, not
   * just the rows of one issue date: `RIGHT PART OF ORDER BY`). Plans do not depend on the values
   * without statistics, so each statement text is asked once.
   */
  private async sortsAll(statement: { sql: string; params: unknown[] }): Promise<boolean> {
    const known = this.plans.get(statement.sql);
    if (known !== undefined) return known;
    const plan = await this.read.all<{ detail: string }>(
      `EXPLAIN QUERY PLAN ${statement.sql}`,
      statement.params,
    );
    const sorts = plan.some((row) => row.detail === 'USE TEMP B-TREE FOR ORDER BY');
    if (this.plans.size >= MAX_PLANS) this.plans.clear();
    this.plans.set(statement.sql, sorts);
    return sorts;
  }

  /**
   * How many clippings match, reading at most `upTo + 1` of them (the caller turns that into a
   * {@link CappedTotal}). A tag or region filter alone is counted on its link table (every link row
   * belongs to a live clipping): no clipping row is read.
   */
  async countUpTo(filter: ClippingFilter, upTo: number, manager?: EntityManager): Promise<number> {
    const limit = countLimit(upTo);
    // Outside a transaction, a filter the kept counts answer is one row (or a range of day rows): the
    // store moves them in the transaction of every write, so they agree with the committed rows; inside
    // one, its own changes reach them only at its end, so the rows are counted.
    const kept = manager ? null : tallyCountFor(filter);
    if (kept) {
      const [row] = await this.read.all<{ n: number | string | null }>(
        'bucket' in kept
          ? 'SELECT COALESCE(SUM(n), 0) AS n FROM clipping_tally WHERE bucket = ?'
          : 'SELECT COALESCE(SUM(n), 0) AS n FROM clipping_tally WHERE bucket >= ? AND bucket <= ?',
        'bucket' in kept ? [kept.bucket] : [kept.from, kept.to],
      );
      return Math.min(Number(row?.n ?? 0), limit);
    }
    const only = linkFilterAlone(filter);
    let rows: { n: number | string }[];
    if (only) {
      // One tag or region (a leaf) links each clipping at most once: no DISTINCT.
      const [single] = only.ids;
      if (only.ids.length === 1 && single !== undefined) {
        rows = await this.read.all(
          cappedCountSql(`SELECT 1 FROM ${only.table} l WHERE l.${only.column} = ?`),
          [single, limit],
          manager,
        );
      } else {
        const ids = idList(this.dataSource, only.ids);
        rows = await this.read.all(
          cappedCountSql(
            `SELECT DISTINCT l.clipping_id FROM ${only.table} l WHERE l.${only.column} IN ${ids.sql}`,
          ),
          [ids.param, limit],
          manager,
        );
      }
    } else {
      const where = filterWhere(filter, this.dataSource);
      rows = await this.read.all(
        cappedCountSql(`SELECT 1 FROM clipping c${where.sql}`),
        [...where.params, limit],
        manager,
      );
    }
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * Every id matching the filter, in id order (bulk editing's "all matching the filter"): a full-text
   * query through the same index and SQL as the list, so the two always select the same clippings.
   */
  async allIds(filter: ClippingFilter, manager?: EntityManager): Promise<number[]> {
    const { q, rest } = splitFullText(filter);
    if (q !== null) return this.search.matchingIds(q, this.sqlFilter(rest), manager);
    const where = filterWhere(filter, this.dataSource);
    const rows = await this.read.all<{ id: number }>(
      `SELECT c.id FROM clipping c${where.sql} ORDER BY c.id`,
      where.params,
      manager,
    );
    return rows.map((r) => Number(r.id));
  }
}
