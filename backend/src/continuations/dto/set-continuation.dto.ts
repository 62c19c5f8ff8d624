import type { SetContinuationBody } from '@jianbao/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Body of `PUT /api/clippings/:id/continuation`: null unlinks, absent leaves as is. */
export class SetContinuationDto implements SetContinuationBody {
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'The part before this one; null unlinks',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  previousPartId?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'The part after this one; null unlinks' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  nextPartId?: number | null;
}
