import { Module } from '@nestjs/common';
import { SearchRepository } from './search.repository';
import { SearchService } from './search.service';

/**
 * Full-text search over clippings (docs/search.md). Imported by the clippings store, which indexes every
 * clipping it writes in the same transaction, and by the list, which searches with `q`.
 */
@Module({
  providers: [SearchRepository, SearchService],
  exports: [SearchService],
})
export class SearchModule {}
