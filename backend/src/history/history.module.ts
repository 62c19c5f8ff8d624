import { Module } from '@nestjs/common';
import { ClippingsModule } from '../clippings/clippings.module';
import { ContinuationsModule } from '../continuations/continuations.module';
import { HistoryController } from './history.controller';
import { HistoryService } from './history.service';
import { RevisionRestoreService } from './revision-restore.service';

/** `GET /clippings/:id/history` and `POST /clippings/:id/restore` (the clipping store records the revisions). */
@Module({
  imports: [ClippingsModule, ContinuationsModule],
  controllers: [HistoryController],
  providers: [HistoryService, RevisionRestoreService],
})
export class HistoryModule {}
