import type { Page, Region, RegionLevel } from '@jianbao/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { REGION_LEVELS } from './create-region.dto';

/** Response shape of a region (documentation only). */
export class RegionDto implements Region {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '330106' }) code!: string;
  @ApiProperty({ example: '西湖区' }) name!: string;
  @ApiProperty({ enum: REGION_LEVELS }) level!: RegionLevel;
  @ApiProperty({ type: Number, nullable: true }) parentId!: number | null;
}

/** A page of regions (documentation only). */
export class RegionPageDto implements Page<Region> {
  @ApiProperty({ type: RegionDto, isArray: true }) items!: RegionDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
