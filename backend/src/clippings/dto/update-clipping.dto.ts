import type { ClippingKind, ClippingStatus, UpdateClippingBody } from '@jianbao/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Min, ValidateIf } from 'class-validator';
import { IsIssueDate } from '../../common/is-iso-date';
import { CLIPPING_KINDS, CLIPPING_STATUSES } from '@jianbao/contracts';
import {
  IsClippingKind,
  IsClippingStatus,
  IsLongText,
  IsPageLabel,
  IsPublicationId,
  IsRegionCodes,
  IsSubheads,
  IsTagIds,
  OptionalTextLine,
} from './clipping-field.validators';

/** Present (not undefined): null counts as a value, so non-nullable fields refuse it. */
const given = (field: keyof UpdateClippingDto) =>
  ValidateIf((o: UpdateClippingDto) => o[field] !== undefined);

/**
 * Body of `PATCH /api/clippings/:id`: any subset. `tagIds`/`regionCodes`, when given, are the complete new
 * set. `version`, when given, must be the current one, else 409 (someone else saved in between).
 *
 * Not `PartialType(CreateClippingDto)`: that would make every field `@IsOptional()`, which lets `null`
 * through for the non-nullable ones (body, kind, …); here only an absent field is skipped.
 */
export class UpdateClippingDto implements UpdateClippingBody {
  @ApiPropertyOptional({ description: 'Version this edit is based on (optimistic locking)' })
  @given('version')
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional()
  @given('publicationId')
  @IsPublicationId()
  publicationId?: number;

  @ApiPropertyOptional({ example: '2024-03-15' })
  @given('issueDate')
  @IsIssueDate()
  issueDate?: string;

  @ApiPropertyOptional({ example: 'A2' })
  @given('pageLabel')
  @IsPageLabel()
  pageLabel?: string;

  @ApiPropertyOptional({ enum: [...CLIPPING_KINDS] })
  @given('kind')
  @IsClippingKind()
  kind?: ClippingKind;

  @OptionalTextLine()
  kicker?: string | null;

  @OptionalTextLine()
  title?: string | null;

  @OptionalTextLine()
  subtitle?: string | null;

  @OptionalTextLine()
  byline?: string | null;

  @OptionalTextLine()
  dateline?: string | null;

  @ApiPropertyOptional()
  @given('body')
  @IsLongText()
  body?: string;

  @ApiPropertyOptional({ type: String, isArray: true })
  @given('subheads')
  @IsSubheads()
  subheads?: string[];

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsLongText()
  rawText?: string | null;

  @ApiPropertyOptional({ enum: [...CLIPPING_STATUSES] })
  @given('status')
  @IsClippingStatus()
  status?: ClippingStatus;

  @ApiPropertyOptional({ type: Number, isArray: true })
  @given('tagIds')
  @IsTagIds()
  tagIds?: number[];

  @ApiPropertyOptional({ type: String, isArray: true })
  @given('regionCodes')
  @IsRegionCodes()
  regionCodes?: string[];
}
