import type { Publication } from '@jianbao/contracts';
import { ApiProperty } from '@nestjs/swagger';

/** Response shape of a publication (documentation only: the mapper builds the plain object). */
export class PublicationDto implements Publication {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) shortName!: string | null;
  @ApiProperty({ type: String, nullable: true }) homeRegionCode!: string | null;
  @ApiProperty() language!: string;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
