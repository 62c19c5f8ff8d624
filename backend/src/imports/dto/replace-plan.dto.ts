import type { ReplacePlanBody } from '@jianbao/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { EditedClippingDto } from './edited-clipping.dto';
import { ImportPreviewDto } from './import-preview.dto';
import { LinesWithinPage } from './import-validators';

/** Body of `POST /api/imports/replace-plan`, and the page part of `POST /api/imports`. */
export class ReplacePlanDto extends ImportPreviewDto implements ReplacePlanBody {
  @ApiPropertyOptional({
    type: EditedClippingDto,
    isArray: true,
    description: 'Absent: the automatic preview is filed',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @LinesWithinPage()
  @Type(() => EditedClippingDto)
  clippings?: EditedClippingDto[];
}
