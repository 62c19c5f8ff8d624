import type { Tag, TagRule } from '@jianbao/contracts';
import { ApiProperty } from '@nestjs/swagger';

/** Response shape of a tag (documentation only). */
export class TagDto implements Tag {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: Number, nullable: true }) parentId!: number | null;
  @ApiProperty({ type: String, nullable: true }) color!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: Object, nullable: true }) rule!: TagRule | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
