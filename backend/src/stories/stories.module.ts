import { Module } from '@nestjs/common';
import { ClippingsModule } from '../clippings/clippings.module';
import { StoriesController } from './stories.controller';
import { StoriesRepository } from './stories.repository';
import { StoriesService } from './stories.service';

/** Same-story detection; exports the service so filing can index new clippings in its transaction. */
@Module({
  imports: [ClippingsModule],
  controllers: [StoriesController],
  providers: [StoriesService, StoriesRepository],
  exports: [StoriesService],
})
export class StoriesModule {}
