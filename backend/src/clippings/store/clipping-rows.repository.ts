import type { ClippingSnapshot } from '@jianbao/contracts';
import { pageSortKey } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager, QueryResult } from 'typeorm';
import { syncIdentitySequence } from '../../database/identity';
import { chunk, inList, MAX_SQL_PARAMS, placeholder, valuesList } from '../../database/sql-values';
import { ArticleEntity } from '../article.entity';
import { ClippingEntity } from '../clipping.entity';

/** Columns a PATCH may change. */
export type ClippingChanges = Partial<
  Pick<
    ClippingEntity,
    | 'publicationId'
    | 'issueDate'
    | 'pageLabel'
    | 'pageSort'
    | 'kind'
    | 'kicker'
    | 'title'
    | 'subtitle'
    | 'byline'
    | 'dateline'
    | 'body'
    | 'subheads'
    | 'rawText'
    | 'status'
  >
>;

/** The chain columns of one part. */
export type ChainColumns = Partial<Pick<ClippingEntity, 'previousPartId' | 'nextPartId' | 'articleId'>>;

/** A new clipping's row (id, version and timestamps come from the database). */
export type NewClipping = Omit<ClippingEntity, 'id' | 'createdAt' | 'updatedAt' | 'version'>;

/** The page a set of clippings is filed from. */
export interface FiledPage {
  importId: number;
  publicationId: number;
  issueDate: string;
  pageLabel: string;
  pageSort: string;
}

/** One clipping of a filed page: what the page parser (or the editor) made of it. */
export type FiledClipping = Pick<
  ClippingEntity,
  | 'kind'
  | 'kicker'
  | 'title'
  | 'subtitle'
  | 'byline'
  | 'dateline'
  | 'body'
  | 'subheads'
  | 'rawText'
  | 'continuesFrom'
  | 'continuesTo'
>;

const FILED_COLUMNS = [
  'publication_id',
  'issue_date',
  'page_label',
  'page_sort',
  'kind',
  'kicker',
  'title',
  'subtitle',
  'byline',
  'dateline',
  'body',
  'subheads',
  'raw_text',
  'status',
  'continues_from',
  'continues_to',
  'import_id',
] as const;

/** Rows per multi-row INSERT: 17 parameters each keeps a statement well under every driver's limit. */
const FILED_BATCH = 100;

/** The writes of `clipping` and `article` rows. Only the clipping store calls these, inside its transaction. */
@Injectable()
export class ClippingRowsRepository {
  /** Inserts the row and returns its id, without TypeORM's extra SELECT of the generated columns. */
  async insert(row: NewClipping, manager: EntityManager): Promise<number> {
    const postgres = manager.connection.options.type === 'postgres';
    const entity = Object.assign(new ClippingEntity(), row);
    const qb = manager.createQueryBuilder().insert().into(ClippingEntity).values(entity).updateEntity(false);
    if (postgres) qb.returning('id');
    const result = await qb.execute();
    // SQLite's driver reports the new rowid as the raw result; PostgreSQL returns the RETURNING rows.
    const raw: unknown = result.raw;
    const id = postgres ? Number((raw as Array<{ id: number | string }>)[0]?.id) : Number(raw);
    if (!Number.isInteger(id) || id < 1)
      throw new Error(`insert into clipping returned no id (${String(raw)})`);
    return id;
  }

  /** Inserts a filed page's clippings in order (multi-row INSERTs) and resolves to their new ids, in the same order. */
  async insertFiled(
    page: FiledPage,
    clippings: readonly FiledClipping[],
    manager: EntityManager,
  ): Promise<number[]> {
    for (const rows of chunk(clippings, FILED_BATCH)) {
      const params: unknown[] = [];
      for (const d of rows) {
        params.push(
          page.publicationId,
          page.issueDate,
          page.pageLabel,
          page.pageSort,
          d.kind,
          d.kicker,
          d.title,
          d.subtitle,
          d.byline,
          d.dateline,
          d.body,
          JSON.stringify(d.subheads),
          d.rawText,
          'draft',
          d.continuesFrom === null ? null : JSON.stringify(d.continuesFrom),
          d.continuesTo === null ? null : JSON.stringify(d.continuesTo),
          page.importId,
        );
      }
      await manager.query(
        `INSERT INTO clipping (${FILED_COLUMNS.join(', ')}) VALUES ${valuesList(manager, rows.length, FILED_COLUMNS.length)}`,
        params,
      );
    }
    // Rows of one import get ascending ids in insertion order; the import is new, so these are exactly ours.
    const rows = (await manager.query(
      `SELECT id FROM clipping WHERE import_id = ${inList(manager, 1)} ORDER BY id`,
      [page.importId],
    )) as { id: number | string }[];
    return rows.map((r) => Number(r.id));
  }

  /**
   * Applies `changes` and bumps `version` (and `updated_at`) — only if the row is still at `expectedVersion`.
   * Returns false when someone else saved in between (the optimistic lock lost).
   */
  async updateIfVersion(
    id: number,
    expectedVersion: number,
    changes: ClippingChanges,
    manager: EntityManager,
  ): Promise<boolean> {
    // Hand-written, with the id and version as parameters: TypeORM's query builder writes numbers into
    // the SQL on SQLite, so every clipping saved would prepare a statement of its own (one more round
    // trip of the write transaction) and push a kept one out of the connection's statement cache.
    const metadata = manager.connection.getMetadata(ClippingEntity);
    const driver = manager.connection.driver;
    const sets: string[] = [];
    const params: unknown[] = [];
    for (const [property, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`clipping has no column for ${property}`);
      params.push(driver.preparePersistentValue(value, column));
      sets.push(`${column.databaseName} = ${placeholder(manager, params.length)}`);
    }
    sets.push('version = version + 1', 'updated_at = CURRENT_TIMESTAMP');
    params.push(id, expectedVersion);
    const sql =
      `UPDATE clipping SET ${sets.join(', ')} ` +
      `WHERE id = ${placeholder(manager, params.length - 1)} AND version = ${placeholder(manager, params.length)}`;
    const runner = manager.queryRunner;
    if (!runner) throw new Error('updateIfVersion runs inside a write transaction');
    const result = (await runner.query(sql, params, true)) as QueryResult;
    return result.affected === 1;
  }

  /** Applies the column changes (if any) and bumps the version and `updated_at` of every clipping. */
  async update(ids: number[], changes: ClippingChanges, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ClippingEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id IN (:...ids)', { ids })
      .execute();
  }

  /** Puts back the fields of a snapshot and bumps the version. */
  async restoreFields(id: number, snap: ClippingSnapshot, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ClippingEntity)
      .set({
        publicationId: snap.publicationId,
        issueDate: snap.issueDate,
        pageLabel: snap.pageLabel,
        pageSort: pageSortKey(snap.pageLabel),
        kind: snap.kind,
        kicker: snap.kicker,
        title: snap.title,
        subtitle: snap.subtitle,
        byline: snap.byline,
        dateline: snap.dateline,
        body: snap.body,
        subheads: snap.subheads,
        status: snap.status,
        continuesFrom: snap.continuesFrom,
        continuesTo: snap.continuesTo,
        version: () => 'version + 1',
      })
      .where('id = :id', { id })
      .execute();
  }

  /** Moves clippings to another page import (null: to none). */
  async setImport(ids: number[], importId: number | null, manager: EntityManager): Promise<void> {
    if (ids.length === 0) return;
    await manager
      .createQueryBuilder()
      .update(ClippingEntity)
      .set({ importId })
      .where('id IN (:...ids)', { ids })
      .execute();
  }

  /** Sets the chain columns of one part (bumping its version, as every edit of a clipping does). */
  async setChain(id: number, changes: ChainColumns, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ClippingEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** Clears the chain columns (neighbours, article) of these clippings, bumping their versions. */
  async clearChains(ids: number[], manager: EntityManager): Promise<void> {
    for (const part of chunk(ids, MAX_SQL_PARAMS)) {
      await manager.query(
        `UPDATE clipping SET previous_part_id = NULL, next_part_id = NULL, article_id = NULL, version = version + 1
          WHERE id IN (${inList(manager, part.length)})`,
        part,
      );
    }
  }

  /** Deletes clipping rows (their links, exclusions, suggestions and story entries cascade). */
  async delete(ids: number[], manager: EntityManager): Promise<void> {
    for (const batch of chunk(ids, MAX_SQL_PARAMS)) {
      await manager.query(`DELETE FROM clipping WHERE id IN (${inList(manager, batch.length)})`, batch);
    }
  }

  /** Inserts a clipping row as it was read (same column names and values, its old id included). */
  async insertRaw(row: Record<string, unknown>, manager: EntityManager): Promise<void> {
    const columns = Object.keys(row);
    await manager.query(
      `INSERT INTO clipping (${columns.join(', ')}) VALUES (${inList(manager, columns.length)})`,
      columns.map((c) => row[c]),
    );
    if ('id' in row) await syncIdentitySequence(manager, 'clipping');
  }

  async createArticle(manager: EntityManager): Promise<number> {
    const saved = await manager.save(ArticleEntity, new ArticleEntity());
    return saved.id;
  }

  /** Deletes the article rows no part points at any more. */
  async deleteOrphanArticles(ids: number[], manager: EntityManager): Promise<void> {
    for (const id of ids) {
      const used = await manager.countBy(ClippingEntity, { articleId: id });
      if (used === 0) await manager.delete(ArticleEntity, { id });
    }
  }
}
