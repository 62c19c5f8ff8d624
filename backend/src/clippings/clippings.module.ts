import { Module } from '@nestjs/common';
import { ContinuationsModule } from '../continuations/continuations.module';
import { PublicationsModule } from '../publications/publications.module';
import { RegionsModule } from '../regions/regions.module';
import { TagsModule } from '../tags/tags.module';
import { TrashModule } from '../trash/trash.module';
import { ClippingViewLoader } from './clipping-view.loader';
import { ClippingsController } from './clippings.controller';
import { ClippingsRepository } from './clippings.repository';
import { ClippingsService } from './clippings.service';

@Module({
  imports: [ContinuationsModule, PublicationsModule, TagsModule, RegionsModule, TrashModule],
  controllers: [ClippingsController],
  providers: [ClippingsService, ClippingsRepository, ClippingViewLoader],
})
export class ClippingsModule {}
