import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { valuesList } from '../database/sql-values';
import { PageImportEntity } from './page-import.entity';

/** Every `page_import` column but the raw page text. */
const IMPORT_COLUMNS_WITHOUT_TEXT = {
  id: true,
  publicationId: true,
  issueDate: true,
  pageLabel: true,
  sha256: true,
  createdAt: true,
} as const;

/** Every query on `page_import` (the clippings of a page are written by the clipping store). */
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

  /** Deletes an import row (its clippings have left it first: to the trash, or kept under the new import). */
  async removeImport(importId: number, manager: EntityManager): Promise<void> {
    await manager.delete(PageImportEntity, { id: importId });
  }
}
