import { Module } from '@nestjs/common';
import { SearchModule } from '../search/search.module';
import { ClippingFilterResolver } from './clipping-filter';
import { ClippingHooks } from './clipping-hooks';
import { ClippingSelection } from './clipping-selection';
import { ClippingsBulkController } from './clippings-bulk.controller';
import { ClippingsBulkService } from './clippings-bulk.service';
import { ClippingsSearchController } from './clippings-search.controller';
import { ClippingsSearchService } from './clippings-search.service';
import { ClippingsController } from './clippings.controller';
import { ClippingsService } from './clippings.service';
import { ChainReader } from './read/chain-reader';
import { ClippingCounts } from './read/clipping-counts';
import { ClippingListRepository } from './read/clipping-list.repository';
import { ClippingReader } from './read/clipping-reader';
import { ClippingViewLoader } from './read/clipping-view.loader';
import { RevisionReader } from './read/revision-reader';
import { RevisionRecorder } from './revisions/revision-recorder';
import { RevisionsRepository } from './revisions/revisions.repository';
import { Chains } from './store/chains';
import { ClippingLinksRepository } from './store/clipping-links.repository';
import { ClippingRowsRepository } from './store/clipping-rows.repository';
import { ClippingStore } from './store/clipping-store';
import { ClippingTallies } from './tally/clipping-tallies';

/**
 * The owner of clippings: the one store that writes them (rows, links, chains, articles, revisions),
 * the reads other features ask for, the list and its filters, and the clipping routes. Imported by
 * every feature that works with clippings; it imports none of them (they register ClippingHooks).
 */
@Module({
  imports: [SearchModule],
  controllers: [ClippingsController, ClippingsBulkController, ClippingsSearchController],
  providers: [
    ClippingsService,
    ClippingsBulkService,
    ClippingsSearchService,
    ClippingStore,
    ClippingRowsRepository,
    ClippingLinksRepository,
    Chains,
    RevisionRecorder,
    RevisionsRepository,
    ClippingHooks,
    ClippingReader,
    ChainReader,
    ClippingCounts,
    ClippingListRepository,
    ClippingFilterResolver,
    ClippingViewLoader,
    RevisionReader,
    ClippingSelection,
    ClippingTallies,
  ],
  exports: [
    ClippingsService,
    ClippingStore,
    ClippingHooks,
    ClippingReader,
    ChainReader,
    ClippingCounts,
    ClippingViewLoader,
    RevisionReader,
    ClippingSelection,
    ClippingTallies,
  ],
})
export class ClippingsModule {}
