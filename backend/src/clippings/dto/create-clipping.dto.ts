import type { ClippingKind, ClippingStatus, CreateClippingBody } from '@jianbao/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIssueDate } from '../../common/is-iso-date';
import { CLIPPING_KINDS, CLIPPING_STATUSES } from '@jianbao/contracts';
import {
  IsClippingKind,
  IsClippingStatus,
  IsLongText,
  IsPageLabel,
  IsPublicationId,
  IsRegionCodes,
  IsSubheads,
  IsTagIds,
  OptionalTextLine,
} from './clipping-field.validators';

/** Body of `POST /api/clippings`. */
export class CreateClippingDto implements CreateClippingBody {
  @ApiProperty({ example: 1 })
  @IsPublicationId()
  publicationId!: number;

  @ApiProperty({ example: '2024-03-15', description: 'YYYY-MM-DD' })
  @IsIssueDate()
  issueDate!: string;

  @ApiProperty({ example: '第三版', description: 'As printed: 1, A2, 第三版' })
  @IsPageLabel()
  pageLabel!: string;

  @ApiPropertyOptional({ enum: [...CLIPPING_KINDS], default: 'article' })
  @IsOptional()
  @IsClippingKind()
  kind?: ClippingKind;

  @OptionalTextLine()
  kicker?: string | null;

  @OptionalTextLine('西湖边新开了一家社区食堂')
  title?: string | null;

  @OptionalTextLine()
  subtitle?: string | null;

  @OptionalTextLine('本报记者 王小明')
  byline?: string | null;

  @OptionalTextLine('本报杭州3月14日讯')
  dateline?: string | null;

  @ApiProperty({ example: '昨天上午，西湖区首家社区食堂正式开业……' })
  @IsLongText()
  body!: string;

  @ApiPropertyOptional({ type: String, isArray: true })
  @IsOptional()
  @IsSubheads()
  subheads?: string[];

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsLongText()
  rawText?: string | null;

  @ApiPropertyOptional({ enum: [...CLIPPING_STATUSES], default: 'draft' })
  @IsOptional()
  @IsClippingStatus()
  status?: ClippingStatus;

  @ApiPropertyOptional({ type: Number, isArray: true, description: 'Tags to attach (manually)' })
  @IsOptional()
  @IsTagIds()
  tagIds?: number[];

  @ApiPropertyOptional({ type: String, isArray: true, example: ['330106'], description: 'GB/T 2260 codes' })
  @IsOptional()
  @IsRegionCodes()
  regionCodes?: string[];
}
