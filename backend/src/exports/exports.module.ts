import { Module } from '@nestjs/common';
import { ClippingsModule } from '../clippings/clippings.module';
import { PublicationsModule } from '../publications/publications.module';
import { TagsModule } from '../tags/tags.module';
import { ArchiveImportService } from './archive-import.service';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/** Exports (CSV, the JSON archive file, Markdown and plain text of a clipping) and the archive import. */
@Module({
  imports: [ClippingsModule, PublicationsModule, TagsModule],
  controllers: [ExportsController],
  providers: [ExportsService, ArchiveImportService],
  exports: [ArchiveImportService],
})
export class ExportsModule {}
