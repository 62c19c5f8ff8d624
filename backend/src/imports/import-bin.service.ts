import type { ImportBin, Page } from '@jianbao/contracts';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access';
import { type PageQuery, pageWindow } from '../common/page.query';
import { TransactionRunner } from '../database/transaction-runner';
import { ClippingCounts } from '../clippings/read/clipping-counts';
import { ClippingReader } from '../clippings/read/clipping-reader';
import { ImportBinRepository, type StoredBin } from './import-bin.repository';
import { countingLines, unassignedLines } from './unassigned-lines';

/** Pages per catch-up transaction, and how long the write queue must have been quiet before one. */
const CATCH_UP_BATCH = 20;
const CATCH_UP_QUIET_MS = 1000;

/** Who marks the bin of a page filed before bins existed whose clippings are all gone. */
const SYSTEM = 'system';

/**
 * The "unassigned" bin of each filed page: the lines no clipping holds, worked out at filing in the
 * filing's transaction (the pure {@link unassignedLines}), listed as a work queue until an editor marks
 * them reviewed; pages filed before bins existed get theirs in the background at start-up.
 */
@Injectable()
export class ImportBinService {
  constructor(
    private readonly bins: ImportBinRepository,
    private readonly clippings: ClippingReader,
    private readonly counts: ClippingCounts,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /**
   * Works out and stores the bin of a page from its clippings now; called inside the filing's (or
   * re-filing's) transaction, after its clippings are written. Answers how many lines count.
   */
  async record(importId: number, pageText: string, manager: EntityManager): Promise<number> {
    const clippings = await this.clippings.rowsOfImport(importId, manager);
    const lines = unassignedLines(pageText, clippings);
    const count = countingLines(lines);
    await this.bins.save(importId, lines, count, null, manager);
    return count;
  }

  async waiting(query: PageQuery): Promise<Page<ImportBin>> {
    const window = pageWindow(query);
    const [bins, total] = await Promise.all([
      this.bins.waiting(window.offset, window.pageSize),
      this.bins.waitingCount(),
    ]);
    const items = await this.withCounts(bins);
    return { items, total, page: window.page, pageSize: window.pageSize };
  }

  waitingCount(): Promise<number> {
    return this.bins.waitingCount();
  }

  /** Marks a page's bin dealt with: 404 for a page without one, 409 when reviewed already. Audited. */
  markReviewed(importId: number, actor: Actor | null): Promise<ImportBin> {
    return this.tx.run(async (manager) => {
      const bin = await this.bins.find(importId, manager);
      if (!bin) throw new NotFoundException(`Import ${importId} not found`);
      if (bin.reviewedAt !== null) {
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: `The unassigned lines of import ${importId} were marked reviewed already`,
          details: { importId, reviewedAt: bin.reviewedAt, reviewedBy: bin.reviewedBy },
        });
      }
      const at = new Date().toISOString();
      const by = actor?.username ?? SYSTEM;
      await this.bins.markReviewed(importId, at, by, manager);
      await this.audit.record(
        {
          action: 'unassigned-reviewed',
          actor,
          targetType: 'import',
          targetId: importId,
          detail: {
            publicationName: bin.publicationName,
            issueDate: bin.issueDate,
            pageLabel: bin.pageLabel,
            lines: bin.lineCount,
          },
        },
        manager,
      );
      const [counted] = await this.withCounts([bin], manager);
      return { ...(counted as ImportBin), reviewedAt: at, reviewedBy: by };
    });
  }

  /** The bins with how many clippings their pages have now. */
  private async withCounts(bins: StoredBin[], manager?: EntityManager): Promise<ImportBin[]> {
    const counts = await this.counts.ofImports(
      bins.map((b) => b.importId),
      manager,
    );
    return bins.map((b) => ({ ...b, clippingCount: counts.get(b.importId) ?? 0 }));
  }

  /**
   * Gives every page filed before bins existed its bin, `batch` pages per transaction; answers how
   * many. A page whose clippings have all been deleted since (the trash holds them) gets its bin
   * marked reviewed by `system`: deleting them was the editor's decision, not lines to look for.
   */
  async catchUpBatch(batch = CATCH_UP_BATCH): Promise<number> {
    return this.tx.run(async (manager) => {
      const pages = await this.bins.missing(batch, manager);
      for (const page of pages) {
        const id = Number(page.id);
        const clippings = await this.clippings.rowsOfImport(id, manager);
        const lines = unassignedLines(page.raw_text, clippings);
        const reviewed = clippings.length === 0 ? { at: new Date().toISOString(), by: SYSTEM } : null;
        await this.bins.save(id, lines, countingLines(lines), reviewed, manager);
      }
      return pages.length;
    });
  }

  /**
   * {@link catchUpBatch} in the background (start-up, `UNASSIGNED_CATCH_UP`): each batch once the write
   * queue has been quiet for `quietMs`; stops at shutdown. Answers how many pages it did.
   */
  async catchUpInBackground(batch = CATCH_UP_BATCH, quietMs = CATCH_UP_QUIET_MS): Promise<number> {
    return this.tx.inQuietBatches(() => this.catchUpBatch(batch), batch, quietMs);
  }
}
