import type { RestoreRevisionBody } from '@jianbao/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

/** Body of `POST /api/clippings/:id/restore`. */
export class RestoreRevisionDto implements RestoreRevisionBody {
  @ApiProperty({ description: 'The version (of a revision in the history) to bring back', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version!: number;

  @ApiProperty({
    description: "The clipping's current version (optimistic locking, as in PATCH)",
    minimum: 1,
  })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  currentVersion!: number;
}
