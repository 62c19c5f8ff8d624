import type { CreateRegionBody, RegionLevel } from '@jianbao/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

export const REGION_LEVELS: readonly RegionLevel[] = ['province', 'prefecture', 'county'];
export const REGION_CODE_PATTERN = /^\d{6}$/;

/** Body of `POST /api/regions`. */
export class CreateRegionDto implements CreateRegionBody {
  @ApiProperty({ example: '330106', description: 'GB/T 2260 six-digit code' })
  @Matches(REGION_CODE_PATTERN, { message: 'code must be a six-digit GB/T 2260 code' })
  code!: string;

  @ApiProperty({ example: '西湖区', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: REGION_LEVELS })
  @IsIn(REGION_LEVELS)
  level!: RegionLevel;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  parentId?: number | null;
}
