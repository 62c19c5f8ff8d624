import type { BulkEditBody, BulkEditResult, ClippingKind, ClippingStatus } from '@jianbao/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsString,
  Matches,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CLIPPING_KINDS, CLIPPING_STATUSES } from '@jianbao/contracts';
import { IsClippingKind, IsClippingStatus, IsPublicationId, Stacked } from './clipping-field.validators';
import { ClippingFilterDto } from './list-clippings.query';

const MAX_IDS = 100_000;

/** Optional but not nullable: `null` is refused rather than read as absent (`ids: null` must not select everything). */
const Given = (): PropertyDecorator => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

/** A JSON filter may say `null` where a query string cannot: refuse it rather than match `= NULL` (or crash). */
const NoNullFields = (): PropertyDecorator =>
  ValidateBy({
    name: 'noNullFields',
    validator: {
      validate: (value: unknown) =>
        typeof value !== 'object' || value === null || Object.values(value).every((v) => v !== null),
      defaultMessage: () => 'filter fields must not be null (leave a field out to not filter by it)',
    },
  });

const MAX_LINKS = 100;

/** Tag ids to add or remove. */
const AreLinkIds = (): PropertyDecorator =>
  Stacked(IsArray(), ArrayMaxSize(MAX_LINKS), ArrayUnique(), IsInt({ each: true }), Min(1, { each: true }));

/** Region codes to add or remove. */
const AreLinkRegionCodes = (): PropertyDecorator =>
  Stacked(
    IsArray(),
    ArrayMaxSize(MAX_LINKS),
    ArrayUnique(),
    IsString({ each: true }),
    Matches(/^\d{6}$/, { each: true, message: 'each region code must be six digits' }),
  );

/**
 * Body of `POST /api/clippings/bulk`: `ids` or `filter` (exactly one), and at least one action.
 * Tag and region links it adds are `manual`.
 */
export class BulkEditDto implements BulkEditBody {
  @ApiPropertyOptional({ type: [Number] })
  @Given()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_IDS)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  ids?: number[];

  @ApiPropertyOptional({ type: ClippingFilterDto })
  @Given()
  @IsObject()
  @NoNullFields()
  @ValidateNested()
  @Type(() => ClippingFilterDto)
  filter?: ClippingFilterDto;

  @ApiPropertyOptional({ type: [Number] })
  @Given()
  @AreLinkIds()
  addTagIds?: number[];

  @ApiPropertyOptional({ type: [Number] })
  @Given()
  @AreLinkIds()
  removeTagIds?: number[];

  @ApiPropertyOptional({ type: [String], example: ['330106'] })
  @Given()
  @AreLinkRegionCodes()
  addRegionCodes?: string[];

  @ApiPropertyOptional({ type: [String] })
  @Given()
  @AreLinkRegionCodes()
  removeRegionCodes?: string[];

  @ApiPropertyOptional({ enum: [...CLIPPING_KINDS] })
  @Given()
  @IsClippingKind()
  kind?: ClippingKind;

  @ApiPropertyOptional({ enum: [...CLIPPING_STATUSES] })
  @Given()
  @IsClippingStatus()
  status?: ClippingStatus;

  @ApiPropertyOptional()
  @Given()
  @IsPublicationId()
  publicationId?: number;

  @ApiPropertyOptional({ default: false })
  @Given()
  @IsBoolean()
  dryRun?: boolean;
}

/** Answer of `POST /api/clippings/bulk` (documentation only). */
export class BulkEditResultDto implements BulkEditResult {
  @ApiProperty({ description: 'Clippings selected by ids or filter' }) matched!: number;
  @ApiProperty({ description: 'Clippings changed (0 on a dry run); each one’s version bumps' })
  updated!: number;
}
