import type { ImportPreviewBody } from '@jianbao/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Min } from 'class-validator';
import { IsIssueDate } from '../../common/is-iso-date';
import { IsPageLabel, IsPageText } from './import-validators';

/** Body of `POST /api/imports/preview`. */
export class ImportPreviewDto implements ImportPreviewBody {
  @ApiProperty({ description: 'Raw text of one page (OCR/PDF export), at most 2 MB' })
  @IsString()
  @IsPageText()
  text!: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  publicationId!: number;

  @ApiProperty({ example: '2024-10-22', description: 'YYYY-MM-DD' })
  @IsIssueDate()
  issueDate!: string;

  @ApiProperty({ example: '2', description: 'As printed: 2, A3, 第三版' })
  @IsPageLabel()
  pageLabel!: string;
}
