import { Module } from '@nestjs/common';
import { PublicationsModule } from '../publications/publications.module';
import { RegionsModule } from '../regions/regions.module';
import { TagsModule } from '../tags/tags.module';
import { ClippingKeywordsController } from './clipping-keywords.controller';
import { ClippingKeywordsService } from './clipping-keywords.service';
import { ClippingsBulkController } from './clippings-bulk.controller';
import { ClippingsBulkRepository } from './clippings-bulk.repository';
import { ClippingsBulkService } from './clippings-bulk.service';
import { ClippingsRepository } from './clippings.repository';

/** Bulk editing and keyword suggestions: routes under /api/clippings beside ClippingsModule's CRUD. */
@Module({
  imports: [PublicationsModule, TagsModule, RegionsModule],
  controllers: [ClippingsBulkController, ClippingKeywordsController],
  providers: [ClippingsBulkService, ClippingsBulkRepository, ClippingKeywordsService, ClippingsRepository],
})
export class ClippingsEditingModule {}
