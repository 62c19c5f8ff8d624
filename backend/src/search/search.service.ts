import { Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { toFts5, toFts5HeadHit, toFts5Numbers, toTsquery } from './core/compile';
import { highlightAll, hitRanges, snippet } from './core/highlight';
import { naiveHeadHit, naiveMatches, normalizeDocument } from './core/naive-match';
import { parseSearchQuery, positiveAtoms, type SearchQuery } from './core/query';
import type { SearchDocument } from './core/search-document';
import { ID_BITS, keyDay } from './search-key';
import {
  type CompiledQuery,
  type FacetRow,
  SearchRepository,
  type SearchOrderKey,
  type SqlFilter,
} from './search.repository';

export type { SearchOrderKey, SqlFilter } from './search.repository';

/** A page of search results: ids in order, how many match, and each id's rank (1: a headline hit). */
export interface SearchResult {
  ids: number[];
  /** How many match; when `totalExact` is false, more than `total - 1` do (the count stopped there). */
  total: number;
  totalExact: boolean;
  ranks: number[];
}

export interface SearchRequest {
  /** What the editor typed (any string; see core/query.ts). */
  q: string;
  /** The list's other filters, as SQL over `c`. */
  filter?: SqlFilter;
  /** `relevance` (headline hits first, then newest issue, page, id) or a list order over `c`. */
  sort: 'relevance' | readonly SearchOrderKey[];
  page: { offset: number; pageSize: number };
  /** Count matches up to this many (default {@link COUNT_UP_TO}; `Infinity`: exact, whatever it costs). */
  countUpTo?: number;
}

export interface FacetCount<V> {
  value: V;
  count: number;
}

/** Counts over the current result set, most frequent first. */
export interface SearchFacets {
  /** How many clippings were counted: every match, or the newest `exactUpTo` of a larger result set. */
  counted: number;
  /** True when the result set has more matches than were counted (the counts are those of the newest). */
  approximate: boolean;
  publication: FacetCount<number>[];
  kind: FacetCount<string>[];
  status: FacetCount<string>[];
  year: FacetCount<string>[];
  tag: FacetCount<number>[];
  /** Every level (province, prefecture, county) a matching clipping is about, each clipping once per region. */
  region: Array<FacetCount<number> & { level: string; parentId: number | null }>;
}

/** The highlighted headline fields and a body excerpt of one clipping (HTML: only `<mark>` is markup). */
export interface SearchSnippet {
  id: number;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  snippet: string;
}

/** Relevance's tie-break: the list's default order. */
const BY_ID: readonly SearchOrderKey[] = [{ column: 'c.id', direction: 'ASC' }];

const RELEVANCE_ORDER: readonly SearchOrderKey[] = [
  { column: 'c.issue_date', direction: 'DESC' },
  { column: 'c.page_sort', direction: 'ASC' },
  { column: 'c.id', direction: 'DESC' },
];

/**
 * Result sets above this many clippings get facets of their newest this many (see {@link SearchService.facets}),
 * as many as the list counts: about 6 µs a clipping at 100,000 (5,000 took 33 ms of CPU, 1,000 take 6).
 */
export const FACETS_EXACT_UP_TO = 1_000;

/**
 * Matches are counted up to this many (the list shows "1,000+"; `countUpTo` asks for more). Counting
 * reads every match: `产业工人 -梁山` (a phrase of common characters, and an exclusion, over half the
 * corpus) took 12.7 ms to count 10,000 at 20,000 clippings and 1.3 ms to count 1,000; a page of them
 * reads a few dozen.
 */
export const COUNT_UP_TO = 1_000;

/**
 * A query whose every match holds one of its numbers' terms (compile.ts, `toFts5Numbers`) and whose
 * numbers have at most this many documents is answered from those documents (SQLite; see
 * {@link SearchService.fewMatches}).
 */
export const FEW_CANDIDATES = 200;

/** Clippings per reindex transaction. */
const REINDEX_BATCH = 500;

/**
 * Full-text search over clippings: what the clippings store calls when it writes (index, remove), what
 * the list calls with `q` (search, facets, snippets), and the `reindex` routine. See docs/search.md.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly repository: SearchRepository,
    private readonly dataSource: DataSource,
    @Optional() private readonly transactions?: TransactionRunner,
  ) {}

  // --- writing (inside the caller's transaction) ----------------------------------------------------

  /** Indexes these clippings as they are now (new or changed); call in the transaction that wrote them. */
  indexClippings(manager: EntityManager, docs: readonly SearchDocument[]): Promise<void> {
    return this.repository.write(manager, docs);
  }

  /** {@link indexClippings} for clippings known by id, read in the same transaction. */
  async indexClippingIds(manager: EntityManager, ids: readonly number[]): Promise<void> {
    await this.repository.write(manager, await this.repository.documents(ids, manager));
  }

  /**
   * Brings these clippings' entries in step with their rows in `manager`'s transaction: rewritten
   * where the clipping exists, removed where it is gone (the clippings store calls it at the end of
   * every write that changed a clipping's text, issue date or existence).
   */
  async syncClippings(manager: EntityManager, ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.repository.sync(manager, ids);
  }

  /** Removes these clippings from the index; call in the transaction that deletes them. */
  removeFromIndex(manager: EntityManager, ids: readonly number[]): Promise<void> {
    return this.repository.remove(manager, ids);
  }

  // --- reading ---------------------------------------------------------------------------------------

  parse(q: string): SearchQuery {
    return parseSearchQuery(q);
  }

  /** `filter`: on SQLite, a filter's one publication narrows the FTS5 expression (compile.ts). */
  compile(query: SearchQuery, filter?: SqlFilter): CompiledQuery {
    return {
      fts5: toFts5(query, filter?.publicationId),
      fts5Head: toFts5HeadHit(query),
      fts5Numbers: toFts5Numbers(query, filter?.publicationId),
      tsquery: toTsquery(query),
      groups: query.groups.map((g) => g.map((a) => a.text)),
      exclusions: query.exclusions.map((a) => a.text),
    };
  }

  private orderSql(order: readonly SearchOrderKey[]): string {
    // PostgreSQL sorts NULLs (untitled clippings) as largest, SQLite as smallest: sort them as SQLite does.
    return order
      .map((k) => {
        const nulls = this.repository.postgres
          ? k.direction === 'ASC'
            ? ' NULLS FIRST'
            : ' NULLS LAST'
          : '';
        return `${k.column} ${k.direction}${nulls}`;
      })
      .join(', ');
  }

  /** One page of the clippings matching `q` and the filter, in the requested order. */
  async search(request: SearchRequest): Promise<SearchResult> {
    const parsed = parseSearchQuery(request.q);
    const query = this.compile(parsed, request.filter);
    const byRank = request.sort === 'relevance';
    const order = request.sort === 'relevance' ? RELEVANCE_ORDER : request.sort;
    const window = {
      offset: Math.max(0, Math.floor(request.page.offset)),
      pageSize: Math.max(0, Math.floor(request.page.pageSize)),
    };
    const upTo = request.countUpTo ?? COUNT_UP_TO;
    if (this.repository.postgres) {
      const [counted, rows] = await Promise.all([
        this.repository.countPostgres(query, request.filter, upTo),
        this.repository.pagePostgres(query, request.filter, this.orderSql(order), byRank, window),
      ]);
      return {
        ...this.total(counted, upTo),
        ids: rows.map((r) => r.id),
        ranks: rows.map((r) => (byRank ? r.rank : 0)),
      };
    }
    const few = await this.fewMatches(parsed, query, request.filter, order);
    if (few) {
      const ranked = byRank
        ? [...few.ids.filter((id) => few.head.has(id)), ...few.ids.filter((id) => !few.head.has(id))]
        : few.ids;
      const ids = ranked.slice(window.offset, window.offset + window.pageSize);
      const counted = Number.isFinite(upTo) ? Math.min(ranked.length, Math.floor(upTo) + 1) : ranked.length;
      return {
        ...this.total(counted, upTo),
        ids,
        ranks: ids.map((id) => (byRank && few.head.has(id) ? 1 : 0)),
      };
    }
    const counting = this.repository.countSqlite(query.fts5, request.filter, upTo);
    if (window.pageSize === 0) return { ...this.total(await counting, upTo), ids: [], ranks: [] };
    // The count and the page at the same time: each is a round trip through the busy event loop.
    const [counted, page] = await Promise.all([
      counting,
      this.pageSqlite(query, request.filter, order, byRank, window),
    ]);
    return { ...this.total(counted, upTo), ...page };
  }

  /** SQLite: one page of the matches' ids in `order` (by relevance: headline hits first). */
  private async pageSqlite(
    query: CompiledQuery,
    filter: SqlFilter | undefined,
    order: readonly SearchOrderKey[],
    byRank: boolean,
    window: { offset: number; pageSize: number },
  ): Promise<{ ids: number[]; ranks: number[] }> {
    if (byRank && query.fts5Head !== null) {
      const want = window.offset + window.pageSize;
      const head = `(${query.fts5}) AND (${query.fts5Head})`;
      const first = await this.topByDate(head, filter, order, want);
      let all = first;
      if (first.length < want) {
        const rest = `(${query.fts5}) NOT (${query.fts5Head})`;
        all = [...first, ...(await this.topByDate(rest, filter, order, want - first.length))];
      }
      const ids = all.slice(window.offset, want);
      const headCount = first.length;
      return { ids, ranks: ids.map((_, i) => (window.offset + i < headCount ? 1 : 0)) };
    }
    const [lead] = order;
    const ids =
      lead?.column === 'c.issue_date'
        ? (await this.topByDate(query.fts5, filter, order, window.offset + window.pageSize)).slice(
            window.offset,
          )
        : await this.repository.pageByOrderSqlite(query.fts5, filter, this.orderSql(order), window);
    return { ids, ranks: ids.map(() => 0) };
  }

  /** Every id matching `q` and the filter, in id order (bulk edit's "all matching"); in `manager`'s transaction when given. */
  async matchingIds(q: string, filter?: SqlFilter, manager?: EntityManager): Promise<number[]> {
    const parsed = parseSearchQuery(q);
    const query = this.compile(parsed, filter);
    // Inside a transaction, everything is read in it: the candidates' documents would not be.
    const few = manager ? null : await this.fewMatches(parsed, query, filter, BY_ID);
    return few ? few.ids : this.repository.matchingIds(query, filter, manager);
  }

  /**
   * SQLite: every match of a query whose every match holds one of a few number terms (`第4321号稿件`, a
   * manuscript or document number), in `order`, with those in the headline, or null when the query has
   * no such term or its numbers have more than {@link FEW_CANDIDATES} documents. The numbers' documents
   * are read and each is checked against the reference definition of a match (naive-match.ts), which
   * the index is built to agree with; the filter and the order are then SQL over those few. FTS5 instead
   * checks the phrase's pairs, each common (the digits' pairs are in a tenth of an archive that
   * numbers its items), skipping through their doclists entry by entry to the number's keys: at a
   * million clippings 2–11 ms a statement, ten times the time at 100,000 (docs/benchmarks.md,
   * "Numbers read from their few clippings").
   */
  private async fewMatches(
    parsed: SearchQuery,
    query: CompiledQuery,
    filter: SqlFilter | undefined,
    order: readonly SearchOrderKey[],
  ): Promise<{ ids: number[]; head: Set<number> } | null> {
    if (this.repository.postgres || query.fts5Numbers === null) return null;
    const keys = await this.repository.walkKeys(query.fts5Numbers, undefined, 'DESC', FEW_CANDIDATES + 1);
    if (keys.length > FEW_CANDIDATES) return null;
    const matched: number[] = [];
    const head = new Set<number>();
    for (const doc of await this.repository.documents(keys.map((k) => k % ID_BITS))) {
      const normalized = normalizeDocument(doc);
      if (!naiveMatches(parsed, normalized)) continue;
      matched.push(doc.id);
      if (naiveHeadHit(parsed, normalized)) head.add(doc.id);
    }
    return { ids: await this.repository.filterIds(matched, filter, this.orderSql(order)), head };
  }

  private total(counted: number, upTo: number): { total: number; totalExact: boolean } {
    return counted > upTo ? { total: counted, totalExact: false } : { total: counted, totalExact: true };
  }

  /**
   * SQLite, an order led by the issue date: the first `want` matches in `order`. Walks the FTS keys
   * (issue day, then id) in the date's direction past the day of the `want`-th match (that day's
   * clippings may sort differently by page), then sorts that set by the full order. When the first walk
   * ends inside that day, a second one takes every key up to the day's far end: a bound at the end of
   * the walk, where FTS5 stops (at a million clippings a day holds ~1,400 matches of a common term: 1.4–3
   * ms, where walks with limits growing fourfold read 84, 336, 1,344 and 5,376 keys, 7 ms for the last).
   * The bound reaches FTS5 as an integer (search.repository.ts, `keyBounds`), or it would be ignored.
   */
  private async topByDate(
    match: string,
    filter: SqlFilter | undefined,
    order: readonly SearchOrderKey[],
    want: number,
  ): Promise<number[]> {
    const direction = order[0]?.direction ?? 'DESC';
    const limit = want + 64;
    let keys = await this.repository.walkKeys(match, filter, direction, limit);
    const day = keyDay(keys[want - 1] ?? 0);
    if (keys.length === limit && keyDay(keys[keys.length - 1] ?? 0) === day) {
      const far = direction === 'DESC' ? { from: day * ID_BITS } : { to: day * ID_BITS + (ID_BITS - 1) };
      keys = await this.repository.walkKeys(match, filter, direction, -1, far);
    }
    if (keys.length > want) {
      const boundary = keyDay(keys[want - 1] ?? 0);
      keys = keys.filter((k, i) => i < want || keyDay(k) === boundary);
    }
    return this.repository.sortIds(
      keys.map((k) => k % ID_BITS),
      this.orderSql(order),
      { offset: 0, pageSize: want },
    );
  }

  /**
   * Facet counts over the clippings matching `q` and the filter. A result set larger than `exactUpTo`
   * (default {@link FACETS_EXACT_UP_TO}) is counted over its newest `exactUpTo` clippings and says so
   * (`approximate`, `counted`): counting a term found in most of a million clippings reads each of them
   * (seconds), the newest thousand are read in a walk of the index. SQLite: that walk (one past the
   * limit) is also the count.
   */
  async facets(request: { q: string; filter?: SqlFilter; exactUpTo?: number }): Promise<SearchFacets> {
    const parsed = parseSearchQuery(request.q);
    const query = this.compile(parsed, request.filter);
    const limit = Math.max(1, Math.floor(request.exactUpTo ?? FACETS_EXACT_UP_TO));
    // The few matches of a number (all of them: at most FEW_CANDIDATES, counted exactly) when under the limit.
    const found = await this.fewMatches(parsed, query, request.filter, BY_ID);
    const few = found && found.ids.length <= limit ? found : null;
    let total: number;
    let rows: FacetRow[];
    if (this.repository.postgres) {
      total = await this.repository.countPostgres(query, request.filter, limit);
      rows =
        total === 0
          ? []
          : await this.repository.facetsPostgres(query, request.filter, total > limit ? limit : undefined);
    } else if (few) {
      total = few.ids.length;
      rows = total === 0 ? [] : await this.repository.facetsOfIds(few.ids);
    } else {
      // One walk of the keys, newest first, one past the limit: it counts and names what is counted.
      const keys = await this.repository.walkKeys(
        query.fts5,
        request.filter,
        'DESC',
        Number.isFinite(limit) ? limit + 1 : -1,
      );
      total = keys.length;
      const ids = keys.slice(0, limit).map((k) => k % ID_BITS);
      rows = ids.length === 0 ? [] : await this.repository.facetsOfIds(ids);
    }
    const approximate = total > limit;
    const of = (facet: FacetRow['facet']): FacetRow[] =>
      rows
        .filter((r) => r.facet === facet)
        .sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)));
    const plain = <V>(facet: FacetRow['facet']): FacetCount<V>[] =>
      of(facet).map((r) => ({ value: r.value as V, count: r.count }));
    return {
      counted: approximate ? limit : total,
      approximate,
      publication: plain<number>('publication'),
      kind: plain<string>('kind'),
      status: plain<string>('status'),
      year: plain<string>('year'),
      tag: plain<number>('tag'),
      region: of('region').map((r) => ({
        value: Number(r.value),
        count: r.count,
        level: r.level ?? '',
        parentId: r.parentId ?? null,
      })),
    };
  }

  /** Highlighted headline fields and a body excerpt for each of these clippings, in the order given. */
  async snippets(
    q: string,
    ids: readonly number[],
    options: { length?: number } = {},
  ): Promise<SearchSnippet[]> {
    const atoms = positiveAtoms(parseSearchQuery(q)).map((a) => a.text);
    const docs = new Map((await this.repository.documents(ids)).map((d) => [d.id, d]));
    const out: SearchSnippet[] = [];
    for (const id of ids) {
      const d = docs.get(id);
      if (!d) continue;
      const mark = (t: string | null): string | null => (t === null ? null : highlightAll(t, atoms));
      // The excerpt comes from the body, or from the first other field with a hit when the body has none.
      const fields = [d.body, ...d.subheads, d.byline ?? '', d.dateline ?? ''];
      const source = fields.find((f) => hitRanges(f, atoms).length > 0) ?? d.body;
      out.push({
        id,
        kicker: mark(d.kicker),
        title: mark(d.title),
        subtitle: mark(d.subtitle),
        snippet: snippet(source, atoms, { length: options.length ?? 100 }),
      });
    }
    return out;
  }

  /**
   * Up to `limit` clippings with a hit of `q` in a headline field, newest first, with their title (or
   * kicker, subtitle, body start when untitled) as plain text: the search box's suggestions.
   */
  async headlineMatches(
    q: string,
    limit: number,
  ): Promise<Array<{ id: number; title: string; issueDate: string }>> {
    const found = await this.search({
      q,
      sort: 'relevance',
      page: { offset: 0, pageSize: limit },
      countUpTo: 0,
    });
    const ids = found.ids.filter((_, i) => found.ranks[i] === 1);
    const docs = new Map((await this.repository.documents(ids)).map((d) => [d.id, d]));
    return ids.flatMap((id) => {
      const d = docs.get(id);
      if (!d) return [];
      const title = d.title ?? d.kicker ?? d.subtitle ?? d.body.slice(0, 30);
      return [{ id, title: title.replace(/\s+/g, ' ').trim(), issueDate: d.issueDate }];
    });
  }

  // --- rebuilding -----------------------------------------------------------------------------------

  /**
   * Rebuilds the index from `clipping`, 500 clippings per transaction, each batch read inside its own
   * transaction (an edit in between is never overwritten by an older read); then removes entries whose
   * clipping is gone and, on SQLite, merges the index into one segment. Search keeps answering while it
   * runs. `transact` defaults to the app's write queue when there is one.
   */
  async reindex(
    options: {
      transact?: (work: (manager: EntityManager) => Promise<void>) => Promise<void>;
      batchSize?: number;
      onProgress?: (done: number, total: number) => void;
      optimize?: boolean;
    } = {},
  ): Promise<{ indexed: number; orphansRemoved: number }> {
    const transact =
      options.transact ??
      ((work: (m: EntityManager) => Promise<void>) =>
        this.transactions ? this.transactions.run(work) : this.dataSource.transaction(work));
    const batch = options.batchSize ?? REINDEX_BATCH;
    const total = await this.repository.clippingCount();
    let done = 0;
    let after = 0;
    options.onProgress?.(0, total);
    // No merging while the rows go in, one merge at the end; merging back on whatever happens.
    const bulk = options.optimize !== false;
    if (bulk) await transact((m) => this.repository.setBulkLoading(m, true));
    try {
      for (;;) {
        let last = -1;
        let count = 0;
        await transact(async (m) => {
          const docs = await this.repository.documentsAfter(after, batch, m);
          await this.repository.write(m, docs);
          count = docs.length;
          last = docs[docs.length - 1]?.id ?? -1;
        });
        if (count === 0) break;
        done += count;
        after = last;
        options.onProgress?.(Math.min(done, total), Math.max(total, done));
      }
      let orphansRemoved = 0;
      await transact(async (m) => {
        orphansRemoved = await this.repository.removeOrphans(m);
      });
      if (bulk) await transact((m) => this.repository.optimize(m));
      return { indexed: done, orphansRemoved };
    } finally {
      if (bulk) await transact((m) => this.repository.setBulkLoading(m, false));
    }
  }

  /**
   * Whether the index lacks clippings the table has (a database from before the index, an interrupted
   * rebuild): two index lookups, cheap at every start.
   */
  async isShort(): Promise<boolean> {
    const { clipping, indexed } = await this.repository.highestIds();
    return clipping !== null && (indexed === null || indexed < clipping);
  }

  /** Bytes of the index and of the text it indexes. */
  sizes(): Promise<{ indexBytes: number; textBytes: number }> {
    return this.repository.sizes();
  }
}
