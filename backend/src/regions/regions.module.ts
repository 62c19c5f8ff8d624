import { Module } from '@nestjs/common';
import { ClippingsModule } from '../clippings/clippings.module';
import { RegionsController } from './regions.controller';
import { RegionsRepository } from './regions.repository';
import { RegionsService } from './regions.service';

@Module({
  imports: [ClippingsModule],
  controllers: [RegionsController],
  providers: [RegionsService, RegionsRepository],
})
export class RegionsModule {}
