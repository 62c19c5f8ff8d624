import type { ClippingKind } from '@jianbao/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsOptional, Min, ValidateNested } from 'class-validator';
import { CLIPPING_KINDS } from '@jianbao/contracts';
import {
  IsClippingKind,
  IsLongText,
  IsRegionCodes,
  IsSubheads,
  IsTagIds,
  OptionalTextLine,
  Stacked,
} from '../../clippings/dto/clipping-field.validators';
import type { EditedClippingInput } from '../filing-plan';
import { JumpRefDto } from './jump-ref.dto';

/** An optional, nullable reference to where the clipping continues (from or to). */
const OptionalJumpRef = (): PropertyDecorator =>
  Stacked(
    ApiPropertyOptional({ type: JumpRefDto, nullable: true }),
    IsOptional(),
    IsObject(),
    ValidateNested(),
    Type(() => JumpRefDto),
  );

/** One clipping as the editor fixed it in the import wizard. */
export class EditedClippingDto implements EditedClippingInput {
  @ApiProperty({ enum: [...CLIPPING_KINDS] })
  @IsClippingKind()
  kind!: ClippingKind;

  @OptionalTextLine()
  kicker?: string | null;

  @OptionalTextLine()
  title?: string | null;

  @OptionalTextLine()
  subtitle?: string | null;

  @OptionalTextLine()
  byline?: string | null;

  @OptionalTextLine()
  dateline?: string | null;

  @ApiProperty()
  @IsLongText()
  body!: string;

  @ApiPropertyOptional({ type: String, isArray: true })
  @IsOptional()
  @IsSubheads()
  subheads?: string[];

  @OptionalJumpRef()
  continuesFrom?: JumpRefDto | null;

  @OptionalJumpRef()
  continuesTo?: JumpRefDto | null;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    description: 'Regions to link (manual); absent: detected',
  })
  @IsOptional()
  @IsRegionCodes()
  regionCodes?: string[];

  @ApiPropertyOptional({ type: Number, isArray: true })
  @IsOptional()
  @IsTagIds()
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
