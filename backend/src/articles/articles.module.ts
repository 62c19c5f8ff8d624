import { Module } from '@nestjs/common';
import { ClippingsModule } from '../clippings/clippings.module';
import { ArticlesController } from './articles.controller';
import { ArticlesService } from './articles.service';

/** Continued articles read as one text, and exported. */
@Module({
  imports: [ClippingsModule],
  controllers: [ArticlesController],
  providers: [ArticlesService],
})
export class ArticlesModule {}
