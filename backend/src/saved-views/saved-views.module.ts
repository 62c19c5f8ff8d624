import { Module } from '@nestjs/common';
import { ClippingsModule } from '../clippings/clippings.module';
import { SavedViewsController } from './saved-views.controller';
import { SavedViewsRepository } from './saved-views.repository';
import { SavedViewsService } from './saved-views.service';

/** Saved views: named list searches, counted by the clippings list itself. */
@Module({
  imports: [ClippingsModule],
  controllers: [SavedViewsController],
  providers: [SavedViewsService, SavedViewsRepository],
})
export class SavedViewsModule {}
