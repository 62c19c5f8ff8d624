import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ClippingRows, RawRow } from '../clippings/read/clipping-reader';
import { syncIdentitySequence } from '../database/identity';
import { chunk, inList, isoTime, MAX_SQL_PARAMS } from '../database/sql-values';

export type { RawRow };

/** Everything stored about one trashed clipping: its rows in every table that hangs off it. */
export interface ClippingGraph extends ClippingRows {
  suggestions: RawRow[];
  /** The page import it was cut from, kept so restoring a deleted import's clippings brings it back. */
  pageImport: RawRow | null;
}

export interface TrashRow {
  id: number;
  entityType: string;
  entityId: number;
  label: string;
  reason: string;
  snapshot: ClippingGraph;
  deletedAt: string;
  deletedById: number | null;
  deletedByName: string | null;
}

export type NewTrashRow = Omit<TrashRow, 'id' | 'deletedAt'>;

/** Ids per `IN (…)` (suggestions bind the list twice). */
const ID_BATCH = 400;

/** Every query on `trash_item`, and the raw row-graph reads and writes of trashing and restoring. */
@Injectable()
export class TrashRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The continuation suggestions of these clippings and the page imports they were cut from (raw rows). */
  async related(
    ids: number[],
    importIds: unknown[],
    manager: EntityManager,
  ): Promise<{ suggestions: RawRow[]; imports: RawRow[] }> {
    const suggestions: RawRow[] = [];
    for (const batch of chunk([...new Set(ids)], ID_BATCH)) {
      const twice = inList(manager, batch.length * 2).split(', ');
      suggestions.push(
        ...((await manager.query(
          `SELECT * FROM continuation_suggestion WHERE head_id IN (${twice.slice(0, batch.length).join(', ')})
            OR tail_id IN (${twice.slice(batch.length).join(', ')})`,
          [...batch, ...batch],
        )) as RawRow[]),
      );
    }
    const wanted = [...new Set(importIds.filter((v) => v !== null && v !== undefined))];
    const imports =
      wanted.length === 0
        ? []
        : ((await manager.query(
            `SELECT * FROM page_import WHERE id IN (${inList(manager, wanted.length)})`,
            wanted,
          )) as RawRow[]);
    return { suggestions, imports };
  }

  /** Inserts a page import row as it was read (its old id included): the import of restored clippings. */
  async insertImport(row: RawRow, manager: EntityManager): Promise<void> {
    const columns = Object.keys(row);
    await manager.query(
      `INSERT INTO page_import (${columns.join(', ')}) VALUES (${inList(manager, columns.length)})`,
      columns.map((c) => row[c]),
    );
    if ('id' in row) await syncIdentitySequence(manager, 'page_import');
  }

  /** Whether the page import exists. */
  async importExists(id: unknown, manager: EntityManager): Promise<boolean> {
    const rows = (await manager.query(`SELECT id FROM page_import WHERE id = ${inList(manager, 1)}`, [
      id,
    ])) as unknown[];
    return rows.length > 0;
  }

  /** The row graphs stored in these trash items, by item id. */
  async storedGraphs(trashIds: number[], manager: EntityManager): Promise<Map<number, ClippingGraph>> {
    const out = new Map<number, ClippingGraph>();
    for (const batch of chunk(trashIds, MAX_SQL_PARAMS)) {
      const rows = (await manager.query(
        `SELECT id, snapshot FROM trash_item WHERE id IN (${inList(manager, batch.length)})`,
        batch,
      )) as { id: number; snapshot: string }[];
      for (const r of rows) out.set(Number(r.id), JSON.parse(r.snapshot) as ClippingGraph);
    }
    return out;
  }

  /** Whether the publication already holds an import of the same page text. */
  async importTextTaken(publicationId: unknown, sha256: unknown, manager: EntityManager): Promise<boolean> {
    const rows = (await manager
      .createQueryBuilder()
      .select('i.id', 'id')
      .from('page_import', 'i')
      .where('i.publication_id = :publicationId AND i.sha256 = :sha256', { publicationId, sha256 })
      .getRawMany()) as unknown[];
    return rows.length > 0;
  }

  async insertItems(items: NewTrashRow[], manager: EntityManager): Promise<void> {
    const at = new Date().toISOString();
    for (const item of items) {
      await manager
        .createQueryBuilder()
        .insert()
        .into('trash_item', [
          'entity_type',
          'entity_id',
          'label',
          'reason',
          'snapshot',
          'deleted_at',
          'deleted_by_id',
          'deleted_by_name',
        ])
        .values({
          entity_type: item.entityType,
          entity_id: item.entityId,
          label: item.label,
          reason: item.reason,
          snapshot: JSON.stringify(item.snapshot),
          deleted_at: at,
          deleted_by_id: item.deletedById,
          deleted_by_name: item.deletedByName,
        })
        .execute();
    }
  }

  async page(
    window: { offset: number; pageSize: number },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ rows: TrashRow[]; total: number }> {
    const count = (await manager
      .createQueryBuilder()
      .select('COUNT(*)', 'n')
      .from('trash_item', 't')
      .getRawOne()) as { n: number | string } | undefined;
    const rows = (await manager
      .createQueryBuilder()
      .select([
        't.id AS id',
        't.entity_type AS entity_type',
        't.entity_id AS entity_id',
        't.label AS label',
        't.reason AS reason',
        't.deleted_at AS deleted_at',
        't.deleted_by_id AS deleted_by_id',
        't.deleted_by_name AS deleted_by_name',
      ])
      .from('trash_item', 't')
      .orderBy('t.id', 'DESC')
      .offset(window.offset)
      .limit(window.pageSize)
      .getRawMany()) as RawTrash[];
    return { rows: rows.map(toTrashRow), total: Number(count?.n ?? 0) };
  }

  async find(id: number, manager: EntityManager): Promise<TrashRow | null> {
    const row = (await manager
      .createQueryBuilder()
      .select('*')
      .from('trash_item', 't')
      .where('t.id = :id', { id })
      .getRawOne()) as RawTrash | undefined;
    return row ? toTrashRow(row) : null;
  }

  /** Entity ids of the items (all when `ids` is omitted), by type. */
  async entityIds(
    manager: EntityManager,
    ids?: number[],
  ): Promise<{ id: number; entityType: string; entityId: number }[]> {
    const qb = manager
      .createQueryBuilder()
      .select(['t.id AS id', 't.entity_type AS entity_type', 't.entity_id AS entity_id'])
      .from('trash_item', 't');
    if (ids) qb.where('t.id IN (:...ids)', { ids: ids.length > 0 ? ids : [0] });
    const rows = (await qb.getRawMany()) as { id: number; entity_type: string; entity_id: number }[];
    return rows.map((r) => ({ id: Number(r.id), entityType: r.entity_type, entityId: Number(r.entity_id) }));
  }

  async remove(ids: number[], manager: EntityManager): Promise<void> {
    for (const batch of chunk(ids, MAX_SQL_PARAMS)) {
      await manager.query(`DELETE FROM trash_item WHERE id IN (${inList(manager, batch.length)})`, batch);
    }
  }
}

interface RawTrash {
  id: number;
  entity_type: string;
  entity_id: number;
  label: string;
  reason: string;
  snapshot?: string;
  deleted_at: string | Date;
  deleted_by_id: number | null;
  deleted_by_name: string | null;
}

function toTrashRow(r: RawTrash): TrashRow {
  return {
    id: Number(r.id),
    entityType: r.entity_type,
    entityId: Number(r.entity_id),
    label: r.label,
    reason: r.reason,
    snapshot: r.snapshot ? (JSON.parse(r.snapshot) as ClippingGraph) : emptyGraph(),
    deletedAt: isoTime(r.deleted_at),
    deletedById: r.deleted_by_id === null ? null : Number(r.deleted_by_id),
    deletedByName: r.deleted_by_name,
  };
}

function emptyGraph(): ClippingGraph {
  return { clipping: {}, tags: [], regions: [], exclusions: [], suggestions: [], pageImport: null };
}
