import { Module } from '@nestjs/common';
import { ClippingsModule } from '../clippings/clippings.module';
import { ContinuationsModule } from '../continuations/continuations.module';
import { StoriesModule } from '../stories/stories.module';
import { ClippingTrashController, TrashController } from './trash.controller';
import { TrashRepository } from './trash.repository';
import { TrashService } from './trash.service';

/** The trash and `DELETE /clippings/:id`; exports the service so deleting imports can move clippings there. */
@Module({
  imports: [ClippingsModule, ContinuationsModule, StoriesModule],
  controllers: [TrashController, ClippingTrashController],
  providers: [TrashService, TrashRepository],
  exports: [TrashService],
})
export class TrashModule {}
