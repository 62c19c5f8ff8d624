import type { RegionLevel, UpdateRegionBody } from '@jianbao/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { REGION_CODE_PATTERN, REGION_LEVELS } from './create-region.dto';

/** Body of `PATCH /api/regions/:id`: any subset. */
export class UpdateRegionDto implements UpdateRegionBody {
  @ApiPropertyOptional({ example: '330106' })
  @ValidateIf((o: UpdateRegionDto) => o.code !== undefined)
  @Matches(REGION_CODE_PATTERN, { message: 'code must be a six-digit GB/T 2260 code' })
  code?: string;

  @ApiPropertyOptional({ example: '西湖区' })
  @ValidateIf((o: UpdateRegionDto) => o.name !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ enum: REGION_LEVELS })
  @ValidateIf((o: UpdateRegionDto) => o.level !== undefined)
  @IsIn(REGION_LEVELS)
  level?: RegionLevel;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  parentId?: number | null;
}
