import { Module } from '@nestjs/common';
import { ClippingViewLoader } from '../clippings/clipping-view.loader';
import { ClippingsRepository } from '../clippings/clippings.repository';
import { ContinuationsModule } from '../continuations/continuations.module';
import { RegionsModule } from '../regions/regions.module';
import { HistoryController } from './history.controller';
import { RevisionRestoreService } from './revision-restore.service';

/** `GET /clippings/:id/history` and `POST /clippings/:id/restore` (the recorder is HistoryModule, global). */
@Module({
  imports: [ContinuationsModule, RegionsModule],
  controllers: [HistoryController],
  providers: [RevisionRestoreService, ClippingViewLoader, ClippingsRepository],
})
export class HistoryRoutesModule {}
