import type { CreateTagBody, TagRule } from '@jianbao/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

/** Body of `POST /api/tags`. */
export class CreateTagDto implements CreateTagBody {
  @ApiProperty({ example: '民生', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Parent tag; null or absent for a top-level tag',
  })
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

  @ApiPropertyOptional({
    type: Object,
    nullable: true,
    description: 'Auto-tagging rule `{ mode, terms, pattern?, caseSensitive? }`; checked by the service',
    example: { mode: 'any', terms: ['梁山县'] },
  })
  @IsOptional()
  rule?: TagRule | null;
}
