import { Injectable } from '@nestjs/common';
import { References } from '../../catalog/references';
import type { Author } from '../../common/author';
import { TransactionRunner } from '../../database/transaction-runner';
import { SearchService } from '../../search/search.service';
import { ClippingHooks } from '../clipping-hooks';
import { type RevisionAction, RevisionRecorder } from '../revisions/revision-recorder';
import { ClippingTallies } from '../tally/clipping-tallies';
import { Chains } from './chains';
import { ClippingLinksRepository } from './clipping-links.repository';
import { ClippingRowsRepository } from './clipping-rows.repository';
import { ClippingWriter, type WriterParts } from './clipping-writer';

/**
 * The one writer of clippings: `clipping`, its tag and region links and exclusions, its continuation
 * chain and `article` rows, and its revisions. Every change runs in `write`, one transaction, through a
 * {@link ClippingWriter} that records the revisions, writes the search index and moves the counts
 * (`clipping_tally`) before it commits.
 * Features above write their own
 * tables with `w.manager` in the same transaction.
 */
@Injectable()
export class ClippingStore {
  private readonly parts: WriterParts;

  constructor(
    private readonly tx: TransactionRunner,
    rows: ClippingRowsRepository,
    links: ClippingLinksRepository,
    chains: Chains,
    recorder: RevisionRecorder,
    hooks: ClippingHooks,
    references: References,
    search: SearchService,
    tallies: ClippingTallies,
  ) {
    this.parts = { rows, links, chains, recorder, hooks, references, search, tallies };
  }

  /**
   * Runs `work` in a write transaction (queued, retried on PostgreSQL serialization failures: `work`
   * must do nothing outside the database). `action` names the revisions of clippings the work touched
   * without recording them itself.
   */
  write<T>(author: Author, action: RevisionAction, work: (w: ClippingWriter) => Promise<T>): Promise<T> {
    return this.tx.run(async (manager) => {
      const writer = new ClippingWriter(manager, author, action, this.parts);
      const result = await work(writer);
      await writer.finish();
      return result;
    });
  }
}
