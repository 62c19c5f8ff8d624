import type { ClippingKind, ClippingSummary } from '@jianbao/contracts';
import { ApiProperty } from '@nestjs/swagger';

/** A clipping in short (documentation only). */
export class ClippingSummaryDto implements ClippingSummary {
  @ApiProperty() id!: number;
  @ApiProperty() publicationId!: number;
  @ApiProperty() publicationName!: string;
  @ApiProperty() issueDate!: string;
  @ApiProperty() pageLabel!: string;
  @ApiProperty({ enum: ['article', 'photo', 'brief', 'ad', 'notice'] }) kind!: ClippingKind;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty() excerpt!: string;
}
