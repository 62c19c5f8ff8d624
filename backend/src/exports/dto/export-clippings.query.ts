import type { ClippingFilterValues, ListExportFormat } from '@jianbao/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import {
  CLIPPING_SORT_COLUMNS,
  CLIPPING_SORT_PATTERN,
  DEFAULT_CLIPPING_SORT,
} from '../../clippings/clipping-sort';
import { declareClippingFilters } from '../../clippings/dto/list-clippings.query';
import { CSV_LANGUAGES, type CsvLanguage } from '../clipping-csv';

const SORT_FIELDS = Object.keys(CLIPPING_SORT_COLUMNS).join(', ');
export const LIST_EXPORT_FORMATS: readonly ListExportFormat[] = ['csv', 'json'];
/** At most this many ids in a selection (a longer one is a list filter: "all matching"). */
export const MAX_SELECTED_IDS = 1000;

// The filter properties come from the list filter table (declareClippingFilters), typed by the merge.
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type, @typescript-eslint/no-empty-interface */

/** Query of `GET /api/exports/clippings`: the format, then either `ids` or the list's filters and sort. */
export interface ExportClippingsQueryDto extends ClippingFilterValues {}
export class ExportClippingsQueryDto {
  @ApiProperty({ enum: LIST_EXPORT_FORMATS })
  @IsIn(LIST_EXPORT_FORMATS)
  format!: ListExportFormat;

  @ApiPropertyOptional({
    example: '12,7,31',
    description: `A selection: comma-separated clipping ids (at most ${MAX_SELECTED_IDS}), exported in this order; the filters and sort are then ignored`,
  })
  @IsOptional()
  @Matches(new RegExp(`^[1-9]\\d{0,9}(,[1-9]\\d{0,9}){0,${MAX_SELECTED_IDS - 1}}$`), {
    message: `ids must be up to ${MAX_SELECTED_IDS} comma-separated positive integers`,
  })
  ids?: string;

  @ApiPropertyOptional({
    example: DEFAULT_CLIPPING_SORT,
    description: `The list's order: comma-separated fields among ${SORT_FIELDS}; prefix - for descending`,
  })
  @IsOptional()
  @Matches(CLIPPING_SORT_PATTERN, {
    message: `sort must list fields among ${SORT_FIELDS}, each optionally prefixed -`,
  })
  sort?: string;

  @ApiPropertyOptional({ enum: CSV_LANGUAGES, description: 'Language of the CSV header and labels' })
  @IsOptional()
  @IsIn(CSV_LANGUAGES)
  lang?: CsvLanguage;
}
declareClippingFilters(ExportClippingsQueryDto);
/* eslint-enable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type, @typescript-eslint/no-empty-interface */
