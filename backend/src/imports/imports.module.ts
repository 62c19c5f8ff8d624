import { Module } from '@nestjs/common';
import { ClippingsModule } from '../clippings/clippings.module';
import { ContinuationsModule } from '../continuations/continuations.module';
import { PublicationsModule } from '../publications/publications.module';
import { StoriesModule } from '../stories/stories.module';
import { TagsModule } from '../tags/tags.module';
import { TrashModule } from '../trash/trash.module';
import { FilingHooks } from './filing-hooks';
import { ImportBinRepository } from './import-bin.repository';
import { ImportBinService } from './import-bin.service';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';
import { RefilingService } from './refiling.service';

/** Filing pages and their unassigned lines; exports the services for the CLI, the demo data and start-up. */
@Module({
  imports: [ClippingsModule, PublicationsModule, TagsModule, ContinuationsModule, StoriesModule, TrashModule],
  controllers: [ImportsController],
  providers: [
    ImportsService,
    ImportsRepository,
    RefilingService,
    FilingHooks,
    ImportBinRepository,
    ImportBinService,
  ],
  exports: [ImportsService, ImportBinService],
})
export class ImportsModule {}
