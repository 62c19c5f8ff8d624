/**
 * The clipping store and its reads wired by hand on a data source, as the app's modules wire them, for
 * the benchmarks that time a service without starting Nest.
 */
import { AuditRepository } from '../src/audit/audit.repository';
import { AuditService } from '../src/audit/audit.service';
import type { DataSource } from 'typeorm';
import { References } from '../src/catalog/references';
import { ClippingHooks } from '../src/clippings/clipping-hooks';
import { ChainReader } from '../src/clippings/read/chain-reader';
import { ClippingReader } from '../src/clippings/read/clipping-reader';
import { RevisionRecorder } from '../src/clippings/revisions/revision-recorder';
import { RevisionsRepository } from '../src/clippings/revisions/revisions.repository';
import { Chains } from '../src/clippings/store/chains';
import { ClippingLinksRepository } from '../src/clippings/store/clipping-links.repository';
import { ClippingRowsRepository } from '../src/clippings/store/clipping-rows.repository';
import { ClippingStore } from '../src/clippings/store/clipping-store';
import { ClippingTallies } from '../src/clippings/tally/clipping-tallies';
import { ReadQueries } from '../src/database/read-queries';
import { TransactionRunner } from '../src/database/transaction-runner';
import { SearchRepository } from '../src/search/search.repository';
import { SearchService } from '../src/search/search.service';
import { StoriesRepository } from '../src/stories/stories.repository';

export interface BenchClippings {
  store: ClippingStore;
  reader: ClippingReader;
  recorder: RevisionRecorder;
  references: References;
  tx: TransactionRunner;
  audit: AuditService;
}

/** The store on `ds` (reads on its one connection), with the same-story index listening as in the app. */
export function benchClippings(ds: DataSource): BenchClippings {
  const read = new ReadQueries(ds, 0);
  const reader = new ClippingReader(ds, read);
  const hooks = new ClippingHooks();
  const stories = new StoriesRepository(ds);
  hooks.register({ bodyKept: (manager, ids) => stories.keepEntries(ids, manager) });
  const recorder = new RevisionRecorder(new RevisionsRepository(ds), hooks);
  const references = new References(ds, read);
  const rows = new ClippingRowsRepository();
  const tx = new TransactionRunner(ds);
  const store = new ClippingStore(
    tx,
    rows,
    new ClippingLinksRepository(),
    new Chains(rows, new ChainReader(read, reader), reader),
    recorder,
    hooks,
    references,
    new SearchService(new SearchRepository(ds, read), ds),
    new ClippingTallies(ds),
  );
  return { store, reader, recorder, references, tx, audit: new AuditService(new AuditRepository(ds), tx) };
}
