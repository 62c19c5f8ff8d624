import { Module } from '@nestjs/common';
import { ClippingsModule } from '../clippings/clippings.module';
import { ContinuationsModule } from '../continuations/continuations.module';
import { StoriesModule } from '../stories/stories.module';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';

/** The landing page's counts and work queues: grouped counts read through the clippings readers. */
@Module({
  imports: [ClippingsModule, ContinuationsModule, StoriesModule],
  controllers: [DashboardController],
  providers: [DashboardService],
})
export class DashboardModule {}
