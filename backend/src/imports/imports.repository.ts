import type { LinkSource } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { chunk, valuesList } from '../database/sql-values';
import type { ClippingDraft } from './filing-plan';
import { PageImportEntity } from './page-import.entity';

/** The page a set of drafts is filed from. */
export interface FiledPage {
  importId: number;
  publicationId: number;
  issueDate: string;
  pageLabel: string;
  pageSort: string;
}

const CLIPPING_COLUMNS = [
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

/** Every `page_import` column but the raw page text. */
const IMPORT_COLUMNS_WITHOUT_TEXT = {
  id: true,
  publicationId: true,
  issueDate: true,
  pageLabel: true,
  sha256: true,
  createdAt: true,
} as const;

/** Rows per multi-row INSERT: 17 parameters each keeps a statement well under every driver's limit. */
const CLIPPING_BATCH = 100;
const LINK_BATCH = 500;

/** Every query on `page_import`, and the batched inserts that file a page's clippings and links. */
@Injectable()
export class ImportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The earlier import of the same text for the same publication (the duplicate key), if any, without
   * its raw text (nothing filing does with it needs the page again).
   */
  findDuplicate(
    publicationId: number,
    sha256: string,
    manager: EntityManager,
  ): Promise<PageImportEntity | null> {
    return manager.findOne(PageImportEntity, {
      where: { publicationId, sha256 },
      select: IMPORT_COLUMNS_WITHOUT_TEXT,
      order: { id: 'ASC' },
    });
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<PageImportEntity | null> {
    return manager.findOneBy(PageImportEntity, { id });
  }

  async list(
    filter: { publicationId?: number },
    window: { offset: number; pageSize: number },
  ): Promise<{ items: PageImportEntity[]; total: number }> {
    const [items, total] = await this.dataSource.getRepository(PageImportEntity).findAndCount({
      where: filter.publicationId === undefined ? {} : { publicationId: filter.publicationId },
      select: IMPORT_COLUMNS_WITHOUT_TEXT,
      order: { id: 'DESC' },
      skip: window.offset,
      take: window.pageSize,
    });
    return { items, total };
  }

  /** How many clippings each import has, for the given imports (one grouped query). */
  async clippingCounts(
    importIds: number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, number>> {
    if (importIds.length === 0) return new Map();
    const rows = await manager
      .createQueryBuilder()
      .select('c.import_id', 'importId')
      .addSelect('COUNT(*)', 'n')
      .from('clipping', 'c')
      .where('c.import_id IN (:...ids)', { ids: importIds })
      .groupBy('c.import_id')
      .getRawMany<{ importId: number | string; n: number | string }>();
    return new Map(rows.map((r) => [Number(r.importId), Number(r.n)]));
  }

  /** The ids of an import's clippings, in filing order. */
  async clippingIds(importId: number, manager: EntityManager = this.dataSource.manager): Promise<number[]> {
    const rows = await manager
      .createQueryBuilder()
      .select('c.id', 'id')
      .from('clipping', 'c')
      .where('c.import_id = :importId', { importId })
      .orderBy('c.id', 'ASC')
      .getRawMany<{ id: number | string }>();
    return rows.map((r) => Number(r.id));
  }

  /** Inserts the import row and reads it back (its id and created_at come from the database). */
  async insertImport(
    row: Pick<PageImportEntity, 'publicationId' | 'issueDate' | 'pageLabel' | 'rawText' | 'sha256'>,
    manager: EntityManager,
  ): Promise<PageImportEntity> {
    await manager.query(
      `INSERT INTO page_import (publication_id, issue_date, page_label, raw_text, sha256) VALUES ${valuesList(manager, 1, 5)}`,
      [row.publicationId, row.issueDate, row.pageLabel, row.rawText, row.sha256],
    );
    const saved = await this.findDuplicate(row.publicationId, row.sha256, manager);
    if (!saved) throw new Error('page_import row not found right after inserting it');
    return saved;
  }

  /** Inserts the drafts in order (multi-row INSERTs) and resolves to their new ids, in the same order. */
  async insertClippings(
    page: FiledPage,
    drafts: readonly ClippingDraft[],
    manager: EntityManager,
  ): Promise<number[]> {
    for (const rows of chunk(drafts, CLIPPING_BATCH)) {
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
        `INSERT INTO clipping (${CLIPPING_COLUMNS.join(', ')}) VALUES ${valuesList(manager, rows.length, CLIPPING_COLUMNS.length)}`,
        params,
      );
    }
    // Rows of one import get ascending ids in insertion order; the import is new, so these are exactly ours.
    return this.clippingIds(page.importId, manager);
  }

  async insertRegionLinks(
    links: ReadonlyArray<{ clippingId: number; regionId: number; source: LinkSource }>,
    manager: EntityManager,
  ): Promise<void> {
    for (const rows of chunk(links, LINK_BATCH)) {
      await manager.query(
        `INSERT INTO clipping_region (clipping_id, region_id, source) VALUES ${valuesList(manager, rows.length, 3)}`,
        rows.flatMap((l) => [l.clippingId, l.regionId, l.source]),
      );
    }
  }

  async insertTagLinks(
    links: ReadonlyArray<{ clippingId: number; tagId: number }>,
    manager: EntityManager,
  ): Promise<void> {
    for (const rows of chunk(links, LINK_BATCH)) {
      await manager.query(
        `INSERT INTO clipping_tag (clipping_id, tag_id, source) VALUES ${valuesList(manager, rows.length, 3)}`,
        rows.flatMap((l) => [l.clippingId, l.tagId, 'manual']),
      );
    }
  }

  /** Region ids by code, for the codes that exist. */
  async regionIdsByCode(
    codes: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const part of chunk([...new Set(codes)], LINK_BATCH)) {
      const rows = await manager
        .createQueryBuilder()
        .select(['r.id AS id', 'r.code AS code'])
        .from('region', 'r')
        .where('r.code IN (:...codes)', { codes: part })
        .getRawMany<{ id: number | string; code: string }>();
      for (const r of rows) out.set(r.code, Number(r.id));
    }
    return out;
  }

  /** Tag ids among `ids` that exist. */
  async existingTagIds(
    ids: number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await manager
      .createQueryBuilder()
      .select('t.id', 'id')
      .from('tag', 't')
      .where('t.id IN (:...ids)', { ids })
      .getRawMany<{ id: number | string }>();
    return new Set(rows.map((r) => Number(r.id)));
  }

  /** Deletes an import and its clippings (their tag/region links cascade). */
  async removeImport(importId: number, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .delete()
      .from('clipping')
      .where('import_id = :importId', { importId })
      .execute();
    await manager.delete(PageImportEntity, { id: importId });
  }
}
