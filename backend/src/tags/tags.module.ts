import { Module } from '@nestjs/common';
import { TagRulesRepository } from './tag-rules.repository';
import { TagRulesService } from './tag-rules.service';
import { TagsController } from './tags.controller';
import { TagsRepository } from './tags.repository';
import { TagsService } from './tags.service';

/** The tag tree and auto-tagging; exports TagRulesService so filing can run the rules in its transaction. */
@Module({
  controllers: [TagsController],
  providers: [TagsService, TagsRepository, TagRulesService, TagRulesRepository],
  exports: [TagsRepository, TagRulesService],
})
export class TagsModule {}
