import { Module } from '@nestjs/common';
import { ClippingsModule } from '../clippings/clippings.module';
import { ChainEditor } from './chain-editor';
import { ClippingContinuationController, ContinuationsController } from './continuations.controller';
import { ContinuationsRepository } from './continuations.repository';
import { ContinuationsService } from './continuations.service';

/** Continued articles: automatic linking (`linkAfterFiling`), waiting list, manual links, suggestions. */
@Module({
  imports: [ClippingsModule],
  controllers: [ContinuationsController, ClippingContinuationController],
  providers: [ContinuationsService, ContinuationsRepository, ChainEditor],
  exports: [ContinuationsService, ChainEditor],
})
export class ContinuationsModule {}
