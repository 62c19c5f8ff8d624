import type { RegionLevel } from '@jianbao/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/page.query';
import { REGION_LEVELS } from './create-region.dto';

/** Query of `GET /api/regions`. */
export class ListRegionsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only the direct children of this region' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  parentId?: number;

  @ApiPropertyOptional({ enum: REGION_LEVELS })
  @IsOptional()
  @IsIn(REGION_LEVELS)
  level?: RegionLevel;

  @ApiPropertyOptional({ description: 'Name prefix, e.g. 杭州' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
