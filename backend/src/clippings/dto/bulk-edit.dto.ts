import type { BulkEditBody, BulkEditResult, ClippingKind, ClippingStatus } from '@jianbao/contracts';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { CLIPPING_KINDS, CLIPPING_STATUSES } from '../clipping-fields';
import { ListClippingsQueryDto } from './list-clippings.query';

const MAX_IDS = 100_000;
const MAX_LINKS = 100;

/** The list filters, without paging and sorting. */
export class BulkFilterDto extends OmitType(ListClippingsQueryDto, ['page', 'pageSize', 'sort'] as const) {}

/**
 * Body of `POST /api/clippings/bulk`: `ids` or `filter` (exactly one), and at least one action.
 * Tag and region links it adds are `manual`.
 */
export class BulkEditDto implements BulkEditBody {
  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_IDS)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  ids?: number[];

  @ApiPropertyOptional({ type: BulkFilterDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BulkFilterDto)
  filter?: BulkFilterDto;

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LINKS)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  addTagIds?: number[];

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LINKS)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  removeTagIds?: number[];

  @ApiPropertyOptional({ type: [String], example: ['330106'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LINKS)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^\d{6}$/, { each: true, message: 'each region code must be six digits' })
  addRegionCodes?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LINKS)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^\d{6}$/, { each: true, message: 'each region code must be six digits' })
  removeRegionCodes?: string[];

  @ApiPropertyOptional({ enum: CLIPPING_KINDS })
  @IsOptional()
  @IsIn(CLIPPING_KINDS)
  kind?: ClippingKind;

  @ApiPropertyOptional({ enum: CLIPPING_STATUSES })
  @IsOptional()
  @IsIn(CLIPPING_STATUSES)
  status?: ClippingStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  publicationId?: number;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

/** Answer of `POST /api/clippings/bulk` (documentation only). */
export class BulkEditResultDto implements BulkEditResult {
  @ApiProperty({ description: 'Clippings selected by ids or filter' }) matched!: number;
  @ApiProperty({ description: 'Clippings changed (0 on a dry run); each one’s version bumps' })
  updated!: number;
}
