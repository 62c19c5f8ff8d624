import type { ClippingKind, ClippingStatus, UpdateClippingBody } from '@jianbao/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
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
import { MaxUtf8Bytes } from '../../common/max-utf8-bytes';
import { IsIsoDate } from '../../common/is-iso-date';
import { CLIPPING_KINDS, CLIPPING_STATUSES } from '../clipping-fields';

/** Present (not undefined): null counts as a value, so non-nullable fields refuse it. */
const given = (field: keyof UpdateClippingDto) =>
  ValidateIf((o: UpdateClippingDto) => o[field] !== undefined);

/**
 * Body of `PATCH /api/clippings/:id`: any subset. `tagIds`/`regionCodes`, when given, are the complete new
 * set. `version`, when given, must be the current one, else 409 (someone else saved in between).
 */
export class UpdateClippingDto implements UpdateClippingBody {
  @ApiPropertyOptional({ description: 'Version this edit is based on (optimistic locking)' })
  @given('version')
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional()
  @given('publicationId')
  @IsInt()
  @Min(1)
  publicationId?: number;

  @ApiPropertyOptional({ example: '2024-03-15' })
  @given('issueDate')
  @IsIsoDate()
  issueDate?: string;

  @ApiPropertyOptional({ example: 'A2' })
  @given('pageLabel')
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  pageLabel?: string;

  @ApiPropertyOptional({ enum: CLIPPING_KINDS })
  @given('kind')
  @IsIn(CLIPPING_KINDS)
  kind?: ClippingKind;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  kicker?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  subtitle?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  byline?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  dateline?: string | null;

  @ApiPropertyOptional()
  @given('body')
  @IsString()
  @MaxUtf8Bytes()
  body?: string;

  @ApiPropertyOptional({ type: String, isArray: true })
  @given('subheads')
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  subheads?: string[];

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxUtf8Bytes()
  rawText?: string | null;

  @ApiPropertyOptional({ enum: CLIPPING_STATUSES })
  @given('status')
  @IsIn(CLIPPING_STATUSES)
  status?: ClippingStatus;

  @ApiPropertyOptional({ type: Number, isArray: true })
  @given('tagIds')
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  tagIds?: number[];

  @ApiPropertyOptional({ type: String, isArray: true })
  @given('regionCodes')
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(/^\d{6}$/, { each: true, message: 'each value in regionCodes must be a six-digit GB/T 2260 code' })
  regionCodes?: string[];
}
