import type {
  StoryGroup,
  StoryGroupChange,
  StoryGroupDetail,
  StoryGroupPage,
  StoryMark,
} from '@jianbao/contracts';
import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentUser } from '../common/access';
import { IdParam } from '../common/parse-id.pipe';
import {
  ChooseStoryMainDto,
  ListStoriesQuery,
  RejectStoryDto,
  SplitStoryDto,
  StoryMarksQuery,
} from './dto/story-group.dto';
import { StoryGroupsService } from './story-groups.service';

@ApiTags('stories')
@Controller('stories')
export class StoryGroupsController {
  constructor(private readonly groups: StoryGroupsService) {}

  @Get()
  @ApiOkResponse({ description: 'Story groups, proposed first, with the count per status' })
  list(@Query() query: ListStoriesQuery): Promise<StoryGroupPage> {
    return this.groups.list(query.status, query.page, query.pageSize);
  }

  // Before `:id`, which would otherwise take "marks" for an id.
  @Get('marks')
  @ApiOkResponse({
    description: "The story group of each of these clippings that is a group's text (the list rows' marks)",
  })
  @ApiBadRequestResponse({ description: 'Not a list of 1 to 200 clipping ids' })
  marks(@Query() query: StoryMarksQuery): Promise<StoryMark[]> {
    return this.groups.marks(query.ids);
  }

  @Get(':id')
  @ApiOkResponse({ description: "A group with its texts' full wording" })
  @ApiNotFoundResponse()
  detail(@IdParam() id: number): Promise<StoryGroupDetail> {
    return this.groups.detail(id);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiNotFoundResponse()
  confirm(@IdParam() id: number): Promise<StoryGroup> {
    return this.groups.confirm(id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The group after (null once fewer than two texts remain)' })
  @ApiBadRequestResponse({ description: 'A clipping that is not a text of the group' })
  @ApiNotFoundResponse()
  reject(
    @IdParam() id: number,
    @Body() body: RejectStoryDto,
    @CurrentUser() actor: Actor | null,
  ): Promise<StoryGroupChange> {
    return this.groups.reject(id, body.clippingIds, actor);
  }

  @Post(':id/split')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The group after and the new group (null for a single text)' })
  @ApiBadRequestResponse({ description: 'A clipping that is not a text of the group, or every text' })
  @ApiNotFoundResponse()
  split(
    @IdParam() id: number,
    @Body() body: SplitStoryDto,
    @CurrentUser() actor: Actor | null,
  ): Promise<StoryGroupChange> {
    return this.groups.split(id, body.clippingIds, actor);
  }

  @Put(':id/main')
  @ApiBadRequestResponse({ description: 'A clipping that is not a text of the group' })
  @ApiNotFoundResponse()
  chooseMain(@IdParam() id: number, @Body() body: ChooseStoryMainDto): Promise<StoryGroup> {
    return this.groups.chooseMain(id, body.clippingId);
  }
}
