import {
  type ChooseStoryMainBody,
  type RejectStoryBody,
  type SplitStoryBody,
  STORY_GROUP_STATUSES,
  type StoryGroupStatus,
} from '@jianbao/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQuery } from '../../common/page.query';

const MAX_ID = 2_147_483_647;

/** Query of `GET /api/stories`. */
export class ListStoriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STORY_GROUP_STATUSES, description: 'Only groups in this state' })
  @IsOptional()
  @IsIn(STORY_GROUP_STATUSES)
  status?: StoryGroupStatus;
}

/** Body of `POST /api/stories/:id/reject`. */
export class RejectStoryDto implements RejectStoryBody {
  @ApiPropertyOptional({
    type: [Number],
    description: 'The texts (first part ids) to reject; absent: the whole group',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_ID, { each: true })
  clippingIds?: number[];
}

/** Body of `POST /api/stories/:id/split`. */
export class SplitStoryDto implements SplitStoryBody {
  @ApiProperty({
    type: [Number],
    description: 'The texts (first part ids) that leave into a group of their own',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_ID, { each: true })
  clippingIds!: number[];
}

/** Body of `PUT /api/stories/:id/main`. */
export class ChooseStoryMainDto implements ChooseStoryMainBody {
  @ApiProperty({ description: 'The text (first part id) to show as the main one' })
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  clippingId!: number;
}
