import {
  CLIPPING_FILTER_NAMES,
  CLIPPING_FILTERS,
  type ClippingFilterSpec,
  type ClippingFilterValues,
  type ListClippingsQuery,
} from '@jianbao/contracts';
import type { Type as Class } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { IsIsoDate } from '../../common/is-iso-date';
import { PageQuery } from '../../common/page.query';
import { CLIPPING_SORT_COLUMNS, CLIPPING_SORT_PATTERN, DEFAULT_CLIPPING_SORT } from '../clipping-sort';
import { Stacked } from './clipping-field.validators';

const SORT_FIELDS = Object.keys(CLIPPING_SORT_COLUMNS).join(', ');

/** The validation and OpenAPI documentation of one filter, from its entry in `CLIPPING_FILTERS`. */
function filterProperty(spec: ClippingFilterSpec): PropertyDecorator {
  const doc = {
    description: spec.description,
    ...(spec.example === undefined ? {} : { example: spec.example }),
  };
  const value = spec.value;
  switch (value.type) {
    case 'id':
      return Stacked(
        ApiPropertyOptional({ type: Number, ...doc }),
        IsOptional(),
        Type(() => Number),
        IsInt(),
        Min(1),
      );
    case 'date':
      return Stacked(ApiPropertyOptional({ type: String, ...doc }), IsOptional(), IsIsoDate());
    case 'text':
      return Stacked(
        ApiPropertyOptional({ type: String, ...doc }),
        IsOptional(),
        IsString(),
        MaxLength(value.maxLength),
      );
    case 'enum':
      return Stacked(
        ApiPropertyOptional({ enum: [...value.values], ...doc }),
        IsOptional(),
        IsIn(value.values),
      );
  }
}

/**
 * Declares one validated, documented, optional property per list filter on `dto`, in the table's order
 * (after the properties the class declares itself, as written decorators would). The class states the
 * properties' types by merging with `ClippingFilterValues`.
 */
export function declareClippingFilters(dto: Class<unknown>): void {
  for (const name of CLIPPING_FILTER_NAMES)
    filterProperty(CLIPPING_FILTERS[name])(dto.prototype as object, name);
}

// Each DTO class is merged with an interface that gives the filter properties their types: the
// properties themselves come from the table (declareClippingFilters), not written out here.
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type, @typescript-eslint/no-empty-interface */

/** Query of `GET /api/clippings`: paging, sorting and every list filter. */
export interface ListClippingsQueryDto extends ClippingFilterValues {}
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
}
declareClippingFilters(ListClippingsQueryDto);

/** The list filters alone (bulk editing's `filter`). */
export interface ClippingFilterDto extends ClippingFilterValues {}
export class ClippingFilterDto {}
declareClippingFilters(ClippingFilterDto);
/* eslint-enable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type, @typescript-eslint/no-empty-interface */
