import { Module } from '@nestjs/common';
import { ClippingViewLoader } from '../clippings/clipping-view.loader';
import { ClippingsRepository } from '../clippings/clippings.repository';
import { ContinuationsModule } from '../continuations/continuations.module';
import { PublicationsModule } from '../publications/publications.module';
import { RegionsModule } from '../regions/regions.module';
import { StoriesModule } from '../stories/stories.module';
import { TagsModule } from '../tags/tags.module';
import { TrashModule } from '../trash/trash.module';
import { FilingHooks } from './filing-hooks';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';
import { RefilingService } from './refiling.service';

/** Filing pages; exports the service for the CLI, the demo data and the bench. */
@Module({
  imports: [PublicationsModule, RegionsModule, TagsModule, ContinuationsModule, StoriesModule, TrashModule],
  controllers: [ImportsController],
  // The clipping view loader is stateless: this module builds its own rather than reaching into ClippingsModule.
  providers: [
    ImportsService,
    ImportsRepository,
    RefilingService,
    FilingHooks,
    ClippingViewLoader,
    ClippingsRepository,
  ],
  exports: [ImportsService],
})
export class ImportsModule {}
