import type { SameStory } from '@jianbao/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { ClippingSummaryDto } from '../../clippings/dto/clipping-summary.dto';

/** One same-story match (documentation only). */
export class SameStoryDto implements SameStory {
  @ApiProperty({ type: ClippingSummaryDto }) clipping!: ClippingSummaryDto;
  @ApiProperty({ description: 'Containment of the smaller text in the larger, 0..1' }) containment!: number;
}
