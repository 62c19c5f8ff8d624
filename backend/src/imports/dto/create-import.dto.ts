import type { CreateImportBody } from '@jianbao/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, ValidateNested } from 'class-validator';
import { EditedClippingDto } from './edited-clipping.dto';
import { ImportPreviewDto } from './import-preview.dto';
import { LinesWithinPage } from './import-validators';

/** Body of `POST /api/imports`. */
export class CreateImportDto extends ImportPreviewDto implements CreateImportBody {
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

  @ApiPropertyOptional({ description: 'Re-file a page imported before (its earlier clippings are replaced)' })
  @IsOptional()
  @IsBoolean()
  replace?: boolean;
}
