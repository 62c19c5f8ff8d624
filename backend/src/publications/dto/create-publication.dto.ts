import type { CreatePublicationBody } from '@jianbao/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Body of `POST /api/publications`. */
export class CreatePublicationDto implements CreatePublicationBody {
  @ApiProperty({ example: '钱江晚报', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '钱江', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  shortName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '330100', description: 'GB/T 2260 code' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'homeRegionCode must be a six-digit GB/T 2260 code' })
  homeRegionCode?: string | null;

  @ApiPropertyOptional({ example: 'zh-CN', default: 'zh-CN' })
  @IsOptional()
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
