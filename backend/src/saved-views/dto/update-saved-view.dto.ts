import { SAVED_VIEW_NAME_MAX, SAVED_VIEW_QUERY_MAX, type UpdateSavedViewBody } from '@jianbao/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

/** Body of `PATCH /api/saved-views/:id`: rename, re-save the query, share or unshare; none may be null. */
export class UpdateSavedViewDto implements UpdateSavedViewBody {
  @ApiPropertyOptional({ maxLength: SAVED_VIEW_NAME_MAX })
  @ValidateIf((o: UpdateSavedViewDto) => o.name !== undefined)
  @IsString()
  @Matches(/\S/, { message: 'name must not be empty or blank' })
  @MaxLength(SAVED_VIEW_NAME_MAX)
  name?: string;

  @ApiPropertyOptional({ maxLength: SAVED_VIEW_QUERY_MAX })
  @ValidateIf((o: UpdateSavedViewDto) => o.query !== undefined)
  @IsString()
  @MaxLength(SAVED_VIEW_QUERY_MAX)
  query?: string;

  @ApiPropertyOptional({ description: 'Admins only' })
  @ValidateIf((o: UpdateSavedViewDto) => o.shared !== undefined)
  @IsBoolean()
  shared?: boolean;
}
