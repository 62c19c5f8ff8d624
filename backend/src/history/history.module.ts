import { Global, Module } from '@nestjs/common';
import { HistoryRepository } from './history.repository';
import { HistoryService } from './history.service';

/** The revision recorder; global so every feature that writes a clipping can record its history. */
@Global()
@Module({
  providers: [HistoryService, HistoryRepository],
  exports: [HistoryService, HistoryRepository],
})
export class HistoryModule {}
