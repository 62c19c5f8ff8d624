import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { IsIsoDate } from '../../common/is-iso-date';

/** Query of `GET /api/continuations/waiting`. */
export class WaitingQueryDto {
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
}
