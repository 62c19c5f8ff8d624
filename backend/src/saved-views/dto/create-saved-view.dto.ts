import { type CreateSavedViewBody, SAVED_VIEW_NAME_MAX, SAVED_VIEW_QUERY_MAX } from '@jianbao/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Body of `POST /api/saved-views`. */
export class CreateSavedViewDto implements CreateSavedViewBody {
  @ApiProperty({ example: '梁山 · 已审', maxLength: SAVED_VIEW_NAME_MAX })
  @IsString()
  @Matches(/\S/, { message: 'name must not be empty or blank' })
  @MaxLength(SAVED_VIEW_NAME_MAX)
  name!: string;

  @ApiProperty({
    example: 'q=梁山&status=reviewed&sort=-issueDate',
    maxLength: SAVED_VIEW_QUERY_MAX,
    description: "The list's query string (as in its URL): every list filter and sort; the page is not kept",
  })
  @IsString()
  @MaxLength(SAVED_VIEW_QUERY_MAX)
  query!: string;

  @ApiPropertyOptional({ default: false, description: 'Seen by every user; admins only' })
  @IsOptional()
  @IsBoolean()
  shared?: boolean;
}
