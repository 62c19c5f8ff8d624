import type { ApplyRuleResult, Tag } from '@jianbao/contracts';
import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentUser, Roles } from '../common/access';
import { IdParam } from '../common/parse-id.pipe';
import { CreateTagDto } from './dto/create-tag.dto';
import {
  ApplyRuleDto,
  ApplyRuleResultDto,
  DeleteTagQuery,
  MergeTagDto,
  PreviewRuleDto,
} from './dto/tag-actions.dto';
import { TagDto } from './dto/tag.dto';
import { UpdateTagDto } from './dto/update-tag.dto';
import { TagRulesService } from './tag-rules.service';
import { TagsService } from './tags.service';

@ApiTags('tags')
@Controller('tags')
export class TagsController {
  constructor(
    private readonly tags: TagsService,
    private readonly rules: TagRulesService,
  ) {}

  /** The flat list; the UI builds the tree from `parentId`. */
  @Get()
  @ApiOkResponse({ type: TagDto, isArray: true })
  list(): Promise<Tag[]> {
    return this.tags.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: TagDto })
  get(@IdParam() id: number): Promise<Tag> {
    return this.tags.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: TagDto })
  create(@Body() body: CreateTagDto): Promise<Tag> {
    return this.tags.create(body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: TagDto })
  update(@IdParam() id: number, @Body() body: UpdateTagDto): Promise<Tag> {
    return this.tags.update(id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(
    @IdParam() id: number,
    @Query() query: DeleteTagQuery,
    @CurrentUser() actor: Actor | null,
  ): Promise<void> {
    return this.tags.remove(id, query.clippings ?? 'detach', actor);
  }

  @Post(':id/merge')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: TagDto, description: 'The target tag' })
  merge(@IdParam() id: number, @Body() body: MergeTagDto, @CurrentUser() actor: Actor | null): Promise<Tag> {
    return this.tags.merge(id, body.intoId, actor);
  }

  /** How many clippings a rule would tag, with a sample of 5; writes nothing. */
  @Post('rules/preview')
  @Roles('viewer')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplyRuleResultDto })
  preview(@Body() body: PreviewRuleDto): Promise<ApplyRuleResult> {
    return this.rules.preview(body.rule);
  }

  /** Runs the tag's rule over every clipping; adds `rule` links unless `dryRun`. */
  @Post(':id/apply')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplyRuleResultDto })
  apply(
    @IdParam() id: number,
    @Body() body: ApplyRuleDto,
    @CurrentUser() actor: Actor | null,
  ): Promise<ApplyRuleResult> {
    return this.rules.apply(id, body.dryRun ?? false, actor);
  }
}
