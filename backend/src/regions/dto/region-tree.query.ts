import type { RegionLevel, RegionNode } from '@jianbao/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

/** Query of `GET /api/regions/tree`. */
export class RegionTreeQuery {
  @ApiPropertyOptional({ description: 'The region whose children to list; provinces when absent' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  parentId?: number;
}

/** One node of the region tree with counts (documentation only). */
export class RegionNodeDto implements RegionNode {
  @ApiProperty() id!: number;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['province', 'prefecture', 'county'] }) level!: RegionLevel;
  @ApiProperty() childCount!: number;
  @ApiProperty({ description: 'Distinct clippings linked to the region or any of its descendants' })
  clippingCount!: number;
}
