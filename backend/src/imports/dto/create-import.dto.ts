import type { CreateImportBody, ReplaceMode } from '@jianbao/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { ReplacePlanDto } from './replace-plan.dto';

const REPLACE_MODES: readonly ReplaceMode[] = ['carry-over', 'keep'];

/** Body of `POST /api/imports`. */
export class CreateImportDto extends ReplacePlanDto implements CreateImportBody {
  @ApiPropertyOptional({ description: 'Re-file a page imported before (its earlier clippings are replaced)' })
  @IsOptional()
  @IsBoolean()
  replace?: boolean;

  @ApiPropertyOptional({
    enum: REPLACE_MODES,
    description:
      'With replace: carry-over (default) moves work done on the earlier clippings onto the matching new ones; keep keeps those clippings instead',
  })
  @IsOptional()
  @IsIn(REPLACE_MODES, { message: `replaceMode must be one of: ${REPLACE_MODES.join(', ')}` })
  replaceMode?: ReplaceMode;
}
