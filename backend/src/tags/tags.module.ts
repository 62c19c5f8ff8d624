import { Module } from '@nestjs/common';
import { ClippingsModule } from '../clippings/clippings.module';
import { ClippingKeywordsController } from './clipping-keywords.controller';
import { ClippingKeywordsService } from './clipping-keywords.service';
import { TagRulesService } from './tag-rules.service';
import { TagsController } from './tags.controller';
import { TagsRepository } from './tags.repository';
import { TagsService } from './tags.service';

/**
 * The tag tree, auto-tagging and keyword suggestions for a clipping; exports TagRulesService so filing
 * can run the rules in its transaction, and TagsRepository so the archive import can rebuild the tree.
 */
@Module({
  imports: [ClippingsModule],
  controllers: [TagsController, ClippingKeywordsController],
  providers: [TagsService, TagsRepository, TagRulesService, ClippingKeywordsService],
  exports: [TagRulesService, TagsRepository],
})
export class TagsModule {}
