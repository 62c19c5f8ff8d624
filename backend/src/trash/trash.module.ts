import { Module } from '@nestjs/common';
import { ClippingViewLoader } from '../clippings/clipping-view.loader';
import { ClippingsRepository } from '../clippings/clippings.repository';
import { ContinuationsModule } from '../continuations/continuations.module';
import { RegionsModule } from '../regions/regions.module';
import { StoriesModule } from '../stories/stories.module';
import { TrashController } from './trash.controller';
import { TrashRepository } from './trash.repository';
import { TrashService } from './trash.service';

/** The trash; exports the service so deleting clippings and imports can move them there. */
@Module({
  imports: [ContinuationsModule, StoriesModule, RegionsModule],
  controllers: [TrashController],
  // The clipping view loader is stateless: this module builds its own, as ImportsModule does.
  providers: [TrashService, TrashRepository, ClippingViewLoader, ClippingsRepository],
  exports: [TrashService],
})
export class TrashModule {}
