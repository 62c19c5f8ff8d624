import type { SavedView } from '@jianbao/contracts';
import { ApiProperty } from '@nestjs/swagger';

/** Response shape of a saved view (documentation only: the mapper builds the plain object). */
export class SavedViewDto implements SavedView {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ description: "The list's query string; open `/clippings?<query>`" }) query!: string;
  @ApiProperty() shared!: boolean;
  @ApiProperty() ownerId!: number;
  @ApiProperty() ownerName!: string;
  @ApiProperty({ description: 'Whether the caller may rename, re-save or delete it' }) editable!: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Clippings matching now (the list’s count); null if the stored query is no longer valid',
  })
  count!: number | null;
  @ApiProperty() countExact!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
