import type { SameStory } from '@jianbao/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../common/parse-id.pipe';
import { SameStoryDto } from './dto/same-story.dto';
import { StoriesService } from './stories.service';

@ApiTags('clippings')
@Controller('clippings')
export class StoriesController {
  constructor(private readonly stories: StoriesService) {}

  /** The same wire story in other clippings (other newspapers, or a tail-only copy). */
  @Get(':id/stories')
  @ApiOkResponse({ type: SameStoryDto, isArray: true })
  list(@IdParam() id: number): Promise<SameStory[]> {
    return this.stories.sameStories(id);
  }
}
