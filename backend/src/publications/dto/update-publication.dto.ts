import type { UpdatePublicationBody } from '@jianbao/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

/** Body of `PATCH /api/publications/:id`: any subset; `name` and `language` cannot be cleared. */
export class UpdatePublicationDto implements UpdatePublicationBody {
  @ApiPropertyOptional({ example: '钱江晚报', maxLength: 200 })
  @ValidateIf((o: UpdatePublicationDto) => o.name !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  shortName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '330100' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'homeRegionCode must be a six-digit GB/T 2260 code' })
  homeRegionCode?: string | null;

  @ApiPropertyOptional({ example: 'zh-CN' })
  @ValidateIf((o: UpdatePublicationDto) => o.language !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  language?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string | null;
}
