import type { BulkRestoreBody } from '@jianbao/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, Min } from 'class-validator';

/** At most this many trash items restored in one request (one transaction). */
export const MAX_BULK_RESTORE = 500;

/** Body of `POST /api/trash/restore`. */
export class BulkRestoreDto implements BulkRestoreBody {
  @ApiProperty({ type: [Number], example: [3, 4], maxItems: MAX_BULK_RESTORE })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_RESTORE)
  @IsInt({ each: true })
  @Min(1, { each: true })
  ids!: number[];
}
