import type { ImportBin, ImportBinLine } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ReadQueries } from '../database/read-queries';
import { isoTime, placeholder } from '../database/sql-values';

interface BinRow {
  import_id: number | string;
  publication_id: number | string;
  publication_name: string;
  issue_date: string;
  page_label: string;
  created_at: string | Date;
  line_count: number | string;
  lines: string;
  reviewed_at: string | Date | null;
  reviewed_by: string | null;
}

/** Where the work queue's rows are: lines left, not reviewed (the partial index ix_import_unassigned_waiting). */
const WAITING = 'u.line_count > 0 AND u.reviewed_at IS NULL';

/** A bin as stored; how many clippings its page has now is the clippings' to count (`ClippingCounts.ofImports`). */
export type StoredBin = Omit<ImportBin, 'clippingCount'>;

/** Every query on `import_unassigned`, the bin of each filed page (migration CreateImportUnassigned). */
@Injectable()
export class ImportBinRepository {
  constructor(private readonly read: ReadQueries) {}

  /** Writes a page's bin (replacing one written before); `reviewed` marks it dealt with at once. */
  async save(
    importId: number,
    lines: readonly ImportBinLine[],
    lineCount: number,
    reviewed: { at: string; by: string } | null,
    manager: EntityManager,
  ): Promise<void> {
    const p = (n: number): string => placeholder(manager, n);
    await manager.query(`DELETE FROM import_unassigned WHERE import_id = ${p(1)}`, [importId]);
    await manager.query(
      `INSERT INTO import_unassigned (import_id, lines, line_count, computed_at, reviewed_at, reviewed_by)
       VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)})`,
      [
        importId,
        JSON.stringify(lines),
        lineCount,
        new Date().toISOString(),
        reviewed?.at ?? null,
        reviewed?.by ?? null,
      ],
    );
  }

  /** Filed pages without a bin yet (filed before bins existed), oldest first, with their text. */
  missing(limit: number, manager: EntityManager): Promise<{ id: number | string; raw_text: string }[]> {
    return this.read.all(
      `SELECT p.id AS id, p.raw_text AS raw_text FROM page_import p
         LEFT JOIN import_unassigned u ON u.import_id = p.id
        WHERE u.import_id IS NULL ORDER BY p.id LIMIT ?`,
      [limit],
      manager,
    );
  }

  /** How many pages wait in the work queue. */
  async waitingCount(manager?: EntityManager): Promise<number> {
    const rows = await this.read.all<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM import_unassigned u WHERE ${WAITING}`,
      [],
      manager,
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** The waiting pages, newest filing first. */
  async waiting(offset: number, limit: number): Promise<StoredBin[]> {
    const rows = await this.read.all<BinRow>(
      `${SELECT_BIN} WHERE ${WAITING} ORDER BY u.import_id DESC LIMIT ? OFFSET ?`,
      [limit, offset],
    );
    return rows.map(toBin);
  }

  async find(importId: number, manager?: EntityManager): Promise<StoredBin | null> {
    const rows = await this.read.all<BinRow>(`${SELECT_BIN} WHERE u.import_id = ?`, [importId], manager);
    return rows[0] ? toBin(rows[0]) : null;
  }

  /** Marks a bin reviewed (the caller checked, in the same transaction, that it was waiting). */
  async markReviewed(importId: number, at: string, by: string, manager: EntityManager): Promise<void> {
    const p = (n: number): string => placeholder(manager, n);
    await manager.query(
      `UPDATE import_unassigned SET reviewed_at = ${p(1)}, reviewed_by = ${p(2)} WHERE import_id = ${p(3)}`,
      [at, by, importId],
    );
  }
}

const SELECT_BIN = `
  SELECT u.import_id AS import_id, p.publication_id AS publication_id, pub.name AS publication_name,
         p.issue_date AS issue_date, p.page_label AS page_label, p.created_at AS created_at,
         u.line_count AS line_count, u.lines AS lines, u.reviewed_at AS reviewed_at, u.reviewed_by AS reviewed_by
    FROM import_unassigned u
    JOIN page_import p ON p.id = u.import_id
    JOIN publication pub ON pub.id = p.publication_id`;

function toBin(r: BinRow): StoredBin {
  return {
    importId: Number(r.import_id),
    publicationId: Number(r.publication_id),
    publicationName: r.publication_name,
    issueDate: r.issue_date,
    pageLabel: r.page_label,
    filedAt: isoTime(r.created_at),
    lineCount: Number(r.line_count),
    lines: JSON.parse(r.lines) as ImportBinLine[],
    reviewedAt: r.reviewed_at === null ? null : isoTime(r.reviewed_at),
    reviewedBy: r.reviewed_by,
  };
}
