import type { JumpRef } from '@jianbao/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** A jump marker as the wizard sends it back. */
export class JumpRefDto implements JumpRef {
  @ApiProperty({ example: '1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  page!: string;

  @ApiProperty({ type: String, nullable: true, example: 'A' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  label!: string | null;

  @ApiProperty({ type: String, nullable: true, required: false, example: 'A' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{1,2}$/, { message: 'edition must be one or two capital letters (A3版: A)' })
  edition?: string | null;

  @ApiProperty({ example: '（上接1版A）' })
  @IsString()
  @MaxLength(200)
  marker!: string;
}
