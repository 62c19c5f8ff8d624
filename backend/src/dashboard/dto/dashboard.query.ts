import type { DashboardQuery } from '@jianbao/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Query of `GET /api/dashboard`. */
export class DashboardQueryDto implements DashboardQuery {
  @ApiPropertyOptional({ description: 'Per-region counts inside this region (drilling down)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  regionId?: number;

  @ApiPropertyOptional({
    description: 'Days of the per-day window, up to the latest issue date',
    default: 90,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(7)
  @Max(366)
  days?: number;
}
