import type { TagRule, UpdateTagBody } from '@jianbao/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { COLOR_PATTERN } from './create-tag.dto';

/** Body of `PATCH /api/tags/:id`: any subset; `parentId: null` moves the tag to the top level, `rule: null` clears the rule. */
export class UpdateTagDto implements UpdateTagBody {
  @ApiPropertyOptional({ example: '民生', maxLength: 100 })
  @ValidateIf((o: UpdateTagDto) => o.name !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  parentId?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '#cc3333' })
  @IsOptional()
  @Matches(COLOR_PATTERN, { message: 'color must be a hex colour like #cc3333' })
  color?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ type: Object, nullable: true, description: 'Auto-tagging rule; null clears it' })
  @IsOptional()
  rule?: TagRule | null;
}
