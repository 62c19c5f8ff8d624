import { Module } from '@nestjs/common';
import { RegionDirectory } from './region-directory';
import { RegionsController } from './regions.controller';
import { RegionsRepository } from './regions.repository';
import { RegionsService } from './regions.service';

@Module({
  controllers: [RegionsController],
  providers: [RegionsService, RegionsRepository, RegionDirectory],
  exports: [RegionsRepository, RegionDirectory],
})
export class RegionsModule {}
