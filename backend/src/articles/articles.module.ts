import { Module } from '@nestjs/common';
import { ContinuationsModule } from '../continuations/continuations.module';
import { ArticlesController } from './articles.controller';
import { ArticlesService } from './articles.service';

/** Continued articles read as one text, and exported. */
@Module({
  imports: [ContinuationsModule],
  controllers: [ArticlesController],
  providers: [ArticlesService],
})
export class ArticlesModule {}
