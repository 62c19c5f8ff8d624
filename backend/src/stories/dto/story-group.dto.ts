import {
  type ChooseStoryMainBody,
  type RejectStoryBody,
  type SplitStoryBody,
  STORY_GROUP_STATUSES,
  type StoryGroupStatus,
} from '@jianbao/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE, PageQuery } from '../../common/page.query';

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

/** A comma-separated id list as numbers; a part that is not a plain positive integer becomes NaN (refused by `IsInt`). */
const commaIds = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value.split(',').map((part) => (/^[1-9]\d{0,9}$/.test(part) ? Number(part) : NaN))
    : value;

/** Query of `GET /api/stories/marks`: the clipping ids of one list page. */
export class StoryMarksQuery {
  @ApiProperty({
    type: String,
    example: '12,7,31',
    description: `Comma-separated clipping ids, at most ${MAX_PAGE_SIZE} (the list's largest page)`,
  })
  @Transform(commaIds)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PAGE_SIZE)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_ID, { each: true })
  ids!: number[];
}
