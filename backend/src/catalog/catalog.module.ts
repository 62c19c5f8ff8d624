import { Global, Module } from '@nestjs/common';
import { ReferenceNames } from './reference-names';
import { References } from './references';
import { RegionDirectory } from './region-directory';

/**
 * The reference data clippings point at, read-only: the region table in memory and the existence of
 * publications, tags and regions, and their names (facets, suggestions). Global, so the one region directory serves every feature.
 */
@Global()
@Module({
  providers: [RegionDirectory, References, ReferenceNames],
  exports: [RegionDirectory, References, ReferenceNames],
})
export class CatalogModule {}
