import type { ClippingKind, ClippingStatus, CreateClippingBody } from '@jianbao/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { MaxUtf8Bytes } from '../../common/max-utf8-bytes';
import { IsIsoDate } from '../../common/is-iso-date';
import { CLIPPING_KINDS, CLIPPING_STATUSES } from '../clipping-fields';

/** Body of `POST /api/clippings`. */
export class CreateClippingDto implements CreateClippingBody {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  publicationId!: number;

  @ApiProperty({ example: '2024-03-15', description: 'YYYY-MM-DD' })
  @IsIsoDate()
  issueDate!: string;

  @ApiProperty({ example: '第三版', description: 'As printed: 1, A2, 第三版' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  pageLabel!: string;

  @ApiPropertyOptional({ enum: CLIPPING_KINDS, default: 'article' })
  @IsOptional()
  @IsIn(CLIPPING_KINDS)
  kind?: ClippingKind;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  kicker?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '西湖边新开了一家社区食堂' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  subtitle?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '本报记者 王小明' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  byline?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '本报杭州3月14日讯' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  dateline?: string | null;

  @ApiProperty({ example: '昨天上午，西湖区首家社区食堂正式开业……' })
  @IsString()
  @MaxUtf8Bytes()
  body!: string;

  @ApiPropertyOptional({ type: String, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  subheads?: string[];

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxUtf8Bytes()
  rawText?: string | null;

  @ApiPropertyOptional({ enum: CLIPPING_STATUSES, default: 'draft' })
  @IsOptional()
  @IsIn(CLIPPING_STATUSES)
  status?: ClippingStatus;

  @ApiPropertyOptional({ type: Number, isArray: true, description: 'Tags to attach (manually)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  tagIds?: number[];

  @ApiPropertyOptional({ type: String, isArray: true, example: ['330106'], description: 'GB/T 2260 codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(/^\d{6}$/, { each: true, message: 'each value in regionCodes must be a six-digit GB/T 2260 code' })
  regionCodes?: string[];
}
