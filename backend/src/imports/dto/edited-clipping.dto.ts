import type { ClippingKind } from '@jianbao/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MaxUtf8Bytes } from '../../common/max-utf8-bytes';
import { CLIPPING_KINDS } from '../../clippings/clipping-fields';
import type { EditedClippingInput } from '../filing-plan';
import { JumpRefDto } from './jump-ref.dto';

/** One clipping as the editor fixed it in the import wizard. */
export class EditedClippingDto implements EditedClippingInput {
  @ApiProperty({ enum: CLIPPING_KINDS })
  @IsIn(CLIPPING_KINDS)
  kind!: ClippingKind;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  kicker?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  subtitle?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  byline?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  dateline?: string | null;

  @ApiProperty()
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

  @ApiPropertyOptional({ type: JumpRefDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => JumpRefDto)
  continuesFrom?: JumpRefDto | null;

  @ApiPropertyOptional({ type: JumpRefDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => JumpRefDto)
  continuesTo?: JumpRefDto | null;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    description: 'Regions to link (manual); absent: detected',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(/^\d{6}$/, { each: true, message: 'each value in regionCodes must be a six-digit GB/T 2260 code' })
  regionCodes?: string[];

  @ApiPropertyOptional({ type: Number, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  tagIds?: number[];

  @ApiPropertyOptional({
    type: Number,
    isArray: true,
    description: '0-based page lines this clipping was made from; its rawText is built from them',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100_000)
  @IsInt({ each: true })
  @Min(0, { each: true })
  lines?: number[];
}
