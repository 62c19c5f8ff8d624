import type { ListArticlesQuery } from '@jianbao/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { IsIsoDate } from '../../common/is-iso-date';
import { PageQuery } from '../../common/page.query';

/** Query of `GET /api/articles`: the articles with a part in this publication and these issue dates. */
export class ListArticlesQueryDto extends PageQuery implements ListArticlesQuery {
  @ApiPropertyOptional({ description: 'Articles with a part in this publication' })
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
}
