import { Module } from '@nestjs/common';
import { ChainEditor } from './chain-editor';
import { ClippingContinuationController, ContinuationsController } from './continuations.controller';
import { ContinuationsRepository } from './continuations.repository';
import { ContinuationsService } from './continuations.service';

/** Continued articles: automatic linking (`linkAfterFiling`), waiting list, manual links, suggestions. */
@Module({
  controllers: [ContinuationsController, ClippingContinuationController],
  providers: [ContinuationsService, ContinuationsRepository, ChainEditor],
  exports: [ContinuationsService, ContinuationsRepository, ChainEditor],
})
export class ContinuationsModule {}
