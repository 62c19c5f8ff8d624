import type { ClippingSummary } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ReadQueries } from '../../database/read-queries';
import { idList, type RowReader, rowReader } from '../../database/row-reader';
import { chunk, inList, MAX_SQL_PARAMS, placeholder } from '../../database/sql-values';
import { ClippingEntity } from '../clipping.entity';
import { EXCERPT_LENGTH } from '../clipping.mapper';

/** A clipping row with its publication's name. */
export type ClippingRow = ClippingEntity & { publicationName: string };

/** The texts a tag rule reads. */
export interface RuleTextRow {
  id: number;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  body: string;
}

/** A row of any table, as the database returns it (`SELECT *`). */
export type RawRow = Record<string, unknown>;

/** A clipping's own rows, as stored: what the trash keeps of it and puts back. */
export interface ClippingRows {
  clipping: RawRow;
  tags: RawRow[];
  regions: RawRow[];
  exclusions: RawRow[];
}

export { EXCERPT_LENGTH };

/** Ids per `IN (…)` list of the trash's raw reads. */
const RAW_BATCH = 400;

/**
 * What features above the clippings read of clippings and their links: they ask here instead of
 * querying `clipping` themselves. `manager`: read inside that transaction (else on the read pool).
 */
@Injectable()
export class ClippingReader {
  private readonly clippingRow: RowReader<ClippingEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly read: ReadQueries,
  ) {
    this.clippingRow = rowReader(dataSource, ClippingEntity, 'c');
  }

  /**
   * One clipping row (no relations). Hand-written, the id a parameter: TypeORM's `findOneBy` writes
   * numbers into the SQL on SQLite, so each clipping would prepare a statement of its own.
   */
  async find(id: number, manager: EntityManager = this.dataSource.manager): Promise<ClippingEntity | null> {
    const rows = (await manager.query(
      `SELECT ${this.clippingRow.columns} FROM clipping c WHERE c.id = ${placeholder(manager, 1)}`,
      [id],
    )) as Record<string, unknown>[];
    return rows[0] ? Object.assign(new ClippingEntity(), this.clippingRow.read(rows[0])) : null;
  }

  /** The clippings with their publication's name, in the order of `ids`; missing ids skipped. */
  async rows(ids: readonly number[], manager?: EntityManager): Promise<ClippingRow[]> {
    if (ids.length === 0) return [];
    const list = idList(this.dataSource, ids);
    const rows = await this.read.all<Record<string, unknown>>(
      `SELECT ${this.clippingRow.columns}, p.name AS publication_name FROM clipping c ` +
        `LEFT JOIN publication p ON p.id = c.publication_id WHERE c.id IN ${list.sql}`,
      [list.param],
      manager,
    );
    const byId = new Map(rows.map((row) => [Number(row['id']), this.withPublication(row)]));
    return ids.map((id) => byId.get(id)).filter((r): r is ClippingRow => r !== undefined);
  }

  /**
   * In one statement, every clipping reachable from `id` by walking `previous_part_id` back, and from
   * any of those by walking `next_part_id` forward (a recursive query; `UNION` stops at a cycle): every
   * row a walk of the chain through `id` can meet, whatever state the chain is in mid-write.
   */
  async chainRows(id: number, manager?: EntityManager): Promise<ClippingRow[]> {
    const rows = await this.read.all<Record<string, unknown>>(
      'WITH RECURSIVE back (id, prev) AS (' +
        'SELECT id, previous_part_id FROM clipping WHERE id = ? ' +
        'UNION SELECT b.id, b.previous_part_id FROM clipping b JOIN back ON b.id = back.prev), ' +
        'fwd (id, next) AS (' +
        'SELECT id, next_part_id FROM clipping WHERE id IN (SELECT id FROM back) ' +
        'UNION SELECT f.id, f.next_part_id FROM clipping f JOIN fwd ON f.id = fwd.next) ' +
        `SELECT ${this.clippingRow.columns}, p.name AS publication_name FROM clipping c ` +
        'LEFT JOIN publication p ON p.id = c.publication_id WHERE c.id IN (SELECT id FROM fwd)',
      [id],
      manager,
    );
    return rows.map((row) => this.withPublication(row));
  }

  /** A hand-written row (clipping columns and `publication_name`) as a {@link ClippingRow}. */
  withPublication(row: Record<string, unknown>): ClippingRow {
    const name = row['publication_name'];
    return { ...this.clippingRow.read(row), publicationName: typeof name === 'string' ? name : '' };
  }

  /** The clipping columns of a hand-written SELECT aliasing `clipping` as `c`. */
  get columns(): string {
    return this.clippingRow.columns;
  }

  /** Whether any live clipping exists. */
  async any(manager?: EntityManager): Promise<boolean> {
    const rows = await this.read.all<{ one: number }>('SELECT 1 AS one FROM clipping LIMIT 1', [], manager);
    return rows.length > 0;
  }

  /** The ids among `ids` that are live clippings. */
  async existingIds(ids: readonly number[], manager?: EntityManager): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const list = idList(this.dataSource, ids);
    const rows = await this.read.all<{ id: number | string }>(
      `SELECT c.id FROM clipping c WHERE c.id IN ${list.sql}`,
      [list.param],
      manager,
    );
    return new Set(rows.map((r) => Number(r.id)));
  }

  /** Title, kicker and body of these clippings, by id (continuation matching's texts). */
  async texts(
    ids: readonly number[],
    manager: EntityManager,
  ): Promise<Map<number, { title: string | null; kicker: string | null; body: string }>> {
    const out = new Map<number, { title: string | null; kicker: string | null; body: string }>();
    for (const part of chunk(ids, MAX_SQL_PARAMS)) {
      const rows = (await manager.query(
        `SELECT id, title, kicker, body FROM clipping WHERE id IN (${inList(manager, part.length)})`,
        part,
      )) as { id: number | string; title: string | null; kicker: string | null; body: string }[];
      for (const r of rows) out.set(Number(r.id), { title: r.title, kicker: r.kicker, body: r.body });
    }
    return out;
  }

  /** Texts of clippings with id > `afterId`, in id order, at most `limit` (a rule's keyset scan). */
  async ruleTextsAfter(afterId: number, limit: number, manager: EntityManager): Promise<RuleTextRow[]> {
    const rows = await manager
      .createQueryBuilder()
      .select([
        'c.id AS id',
        'c.kicker AS kicker',
        'c.title AS title',
        'c.subtitle AS subtitle',
        'c.body AS body',
      ])
      .from('clipping', 'c')
      .where('c.id > :afterId', { afterId })
      .orderBy('c.id')
      .limit(limit)
      .getRawMany<RuleTextRow>();
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  /** The texts a rule reads of these clippings. */
  async ruleTexts(ids: readonly number[], manager: EntityManager): Promise<RuleTextRow[]> {
    if (ids.length === 0) return [];
    const rows = await manager
      .createQueryBuilder()
      .select([
        'c.id AS id',
        'c.kicker AS kicker',
        'c.title AS title',
        'c.subtitle AS subtitle',
        'c.body AS body',
      ])
      .from('clipping', 'c')
      .where('c.id IN (:...ids)', { ids })
      .getRawMany<RuleTextRow>();
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  /** Body and version of these clippings (the same-story index). */
  async bodies(
    ids: readonly number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: number; body: string; version: number }[]> {
    if (ids.length === 0) return [];
    const rows = await manager
      .createQueryBuilder()
      .select(['c.id AS id', 'c.body AS body', 'c.version AS version'])
      .from('clipping', 'c')
      .where('c.id IN (:...ids)', { ids })
      .getRawMany<{ id: number; body: string; version: number }>();
    return rows.map((r) => ({ id: Number(r.id), body: r.body, version: Number(r.version) }));
  }

  /** Short views of clippings (for samples and same-story lists), in the order of `ids`; missing ids are skipped. */
  async summaries(ids: readonly number[], manager: EntityManager): Promise<ClippingSummary[]> {
    if (ids.length === 0) return [];
    const rows = await manager
      .createQueryBuilder()
      .select('c.id', 'id')
      .addSelect('c.publication_id', 'publicationId')
      .addSelect('p.name', 'publicationName')
      .addSelect('c.issue_date', 'issueDate')
      .addSelect('c.page_label', 'pageLabel')
      .addSelect('c.kind', 'kind')
      .addSelect('c.title', 'title')
      .addSelect(`SUBSTR(c.body, 1, ${EXCERPT_LENGTH})`, 'excerpt')
      .from('clipping', 'c')
      .innerJoin('publication', 'p', 'p.id = c.publication_id')
      .where('c.id IN (:...ids)', { ids })
      .getRawMany<ClippingSummary>();
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return ids
      .map((id) => byId.get(id))
      .filter((r): r is ClippingSummary => r !== undefined)
      .map((r) => ({ ...r, id: Number(r.id), publicationId: Number(r.publicationId) }));
  }

  /** The ids of the tags on a clipping. */
  async tagIds(clippingId: number, manager: EntityManager): Promise<number[]> {
    const rows = (await manager.query(
      `SELECT tag_id FROM clipping_tag WHERE clipping_id = ${inList(manager, 1)}`,
      [clippingId],
    )) as { tag_id: number | string }[];
    return rows.map((r) => Number(r.tag_id));
  }

  /** The names of the tags on a clipping. */
  async tagNames(clippingId: number): Promise<string[]> {
    const rows = await this.read.all<{ name: string }>(
      'SELECT t.name FROM clipping_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.clipping_id = ?',
      [clippingId],
    );
    return rows.map((r) => r.name);
  }

  /** The ids of the regions a clipping is linked to. */
  async regionIds(clippingId: number, manager: EntityManager): Promise<number[]> {
    const rows = (await manager.query(
      `SELECT region_id FROM clipping_region WHERE clipping_id = ${inList(manager, 1)}`,
      [clippingId],
    )) as { region_id: number | string }[];
    return rows.map((r) => Number(r.region_id));
  }

  /** The tags a person removed from each of these clippings (rules never re-add them), by clipping. */
  async tagExclusions(
    clippingIds: readonly number[],
    manager: EntityManager,
  ): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    if (clippingIds.length === 0) return out;
    const rows = await manager
      .createQueryBuilder()
      .select(['x.clipping_id AS cid', 'x.tag_id AS tid'])
      .from('clipping_tag_exclusion', 'x')
      .where('x.clipping_id IN (:...ids)', { ids: clippingIds })
      .getRawMany<{ cid: number | string; tid: number | string }>();
    for (const r of rows) {
      const list = out.get(Number(r.cid));
      if (list) list.push(Number(r.tid));
      else out.set(Number(r.cid), [Number(r.tid)]);
    }
    return out;
  }

  /** Clipping ids already linked to the tag (any source) or excluded from it by a person. */
  async blockedForTag(
    tagId: number,
    manager: EntityManager,
    among?: readonly number[],
  ): Promise<Set<number>> {
    const query = (table: string) => {
      const qb = manager
        .createQueryBuilder()
        .select('l.clipping_id', 'id')
        .from(table, 'l')
        .where('l.tag_id = :tagId', { tagId });
      if (among) qb.andWhere('l.clipping_id IN (:...among)', { among: among.length > 0 ? among : [0] });
      return qb.getRawMany<{ id: number }>();
    };
    const rows = await query('clipping_tag');
    const excluded = await query('clipping_tag_exclusion');
    return new Set([...rows, ...excluded].map((r) => Number(r.id)));
  }

  /** An import's clippings as they are now (the page's bin of unassigned lines is worked out from them). */
  async rowsOfImport(importId: number, manager?: EntityManager): Promise<ClippingRow[]> {
    const rows = await this.read.all<Record<string, unknown>>(
      `SELECT ${this.clippingRow.columns}, p.name AS publication_name FROM clipping c ` +
        `LEFT JOIN publication p ON p.id = c.publication_id WHERE c.import_id = ? ORDER BY c.id`,
      [importId],
      manager,
    );
    return rows.map((row) => this.withPublication(row));
  }

  /** The ids of an import's clippings, in filing order. */
  async idsOfImport(importId: number, manager: EntityManager = this.dataSource.manager): Promise<number[]> {
    const rows = await manager
      .createQueryBuilder()
      .select('c.id', 'id')
      .from('clipping', 'c')
      .where('c.import_id = :importId', { importId })
      .orderBy('c.id', 'ASC')
      .getRawMany<{ id: number | string }>();
    return rows.map((r) => Number(r.id));
  }

  /** The stored rows of these clippings and of their links (missing ids are skipped). */
  async rawRows(ids: readonly number[], manager: EntityManager): Promise<Map<number, ClippingRows>> {
    const out = new Map<number, ClippingRows>();
    for (const batch of chunk([...new Set(ids)], RAW_BATCH)) {
      const list = inList(manager, batch.length);
      const select = (sql: string) => manager.query(sql, batch) as Promise<RawRow[]>;
      const clippings = await select(`SELECT * FROM clipping WHERE id IN (${list})`);
      const tags = await select(`SELECT * FROM clipping_tag WHERE clipping_id IN (${list})`);
      const regions = await select(`SELECT * FROM clipping_region WHERE clipping_id IN (${list})`);
      const exclusions = await select(`SELECT * FROM clipping_tag_exclusion WHERE clipping_id IN (${list})`);
      for (const c of clippings) {
        const id = Number(c.id);
        out.set(id, {
          clipping: c,
          tags: tags.filter((r) => Number(r.clipping_id) === id),
          regions: regions.filter((r) => Number(r.clipping_id) === id),
          exclusions: exclusions.filter((r) => Number(r.clipping_id) === id),
        });
      }
    }
    return out;
  }

  /**
   * Live clippings of the same publication on the same page (issue date and page), or filed from the
   * same page text, other than `excludeId`: the ones a trashed clipping could duplicate.
   */
  async samePage(
    page: {
      publicationId: unknown;
      issueDate: unknown;
      pageSort: unknown;
      sha256: unknown;
      excludeId: number;
    },
    manager: EntityManager,
  ): Promise<{ id: number; title: string | null; body: string }[]> {
    const rows = (await manager
      .createQueryBuilder()
      .select(['c.id AS id', 'c.title AS title', 'c.body AS body'])
      .from('clipping', 'c')
      .leftJoin('page_import', 'i', 'i.id = c.import_id')
      .where('c.publication_id = :publicationId AND c.id <> :excludeId', page)
      .andWhere('((c.issue_date = :issueDate AND c.page_sort = :pageSort) OR i.sha256 = :sha256)', page)
      .orderBy('c.id')
      .getRawMany()) as { id: number | string; title: string | null; body: string }[];
    return rows.map((r) => ({ id: Number(r.id), title: r.title, body: r.body }));
  }
}
