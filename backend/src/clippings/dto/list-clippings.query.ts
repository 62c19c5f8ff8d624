import type { ClippingKind, ClippingStatus, ListClippingsQuery } from '@jianbao/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { IsIsoDate } from '../../common/is-iso-date';
import { PageQuery } from '../../common/page.query';
import { CLIPPING_KINDS, CLIPPING_STATUSES } from '../clipping-fields';
import { CLIPPING_SORT_COLUMNS, CLIPPING_SORT_PATTERN, DEFAULT_CLIPPING_SORT } from '../clipping-sort';

const SORT_FIELDS = Object.keys(CLIPPING_SORT_COLUMNS).join(', ');

/** Query of `GET /api/clippings`. */
export class ListClippingsQueryDto extends PageQuery implements ListClippingsQuery {
  @ApiPropertyOptional({
    example: DEFAULT_CLIPPING_SORT,
    description: `Comma-separated fields among ${SORT_FIELDS}; prefix - for descending`,
  })
  @IsOptional()
  @Matches(CLIPPING_SORT_PATTERN, {
    message: `sort must list fields among ${SORT_FIELDS}, each optionally prefixed -`,
  })
  sort?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  publicationId?: number;

  @ApiPropertyOptional({ example: '2024-01-01', description: 'First issue date (inclusive)' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ example: '2024-12-31', description: 'Last issue date (inclusive)' })
  @IsOptional()
  @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({
    example: '第三版',
    description: 'Matches any spelling of the same page (3, 第3版, 第三版)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  pageLabel?: string;

  @ApiPropertyOptional({ enum: CLIPPING_KINDS })
  @IsOptional()
  @IsIn(CLIPPING_KINDS)
  kind?: ClippingKind;

  @ApiPropertyOptional({ enum: CLIPPING_STATUSES })
  @IsOptional()
  @IsIn(CLIPPING_STATUSES)
  status?: ClippingStatus;

  @ApiPropertyOptional({ description: 'Clippings with this tag or any of its descendants' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  tagId?: number;

  @ApiPropertyOptional({ description: 'Clippings about this region or any region inside it' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  regionId?: number;

  @ApiPropertyOptional({ description: 'Text in the title or body (simple substring match for now)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
