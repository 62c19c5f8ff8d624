import { Module } from '@nestjs/common';
import { ClippingsModule } from '../clippings/clippings.module';
import { StoriesController } from './stories.controller';
import { StoriesRepository } from './stories.repository';
import { StoriesService } from './stories.service';
import { StoryGroupsController } from './story-groups.controller';
import { StoryGroupsRepository } from './story-groups.repository';
import { StoryGroupingQueue } from './story-grouping-queue';
import { StoryGroupsService } from './story-groups.service';

/**
 * Same-story detection and story groups; exports the service so filing can index new clippings in
 * its transaction, and the groups' service for the dashboard's review queue count.
 */
@Module({
  imports: [ClippingsModule],
  controllers: [StoriesController, StoryGroupsController],
  providers: [
    StoriesService,
    StoriesRepository,
    StoryGroupsService,
    StoryGroupsRepository,
    StoryGroupingQueue,
  ],
  exports: [StoriesService, StoryGroupsService],
})
export class StoriesModule {}
