import type {
  ApplyRuleBody,
  ApplyRuleResult,
  MergeTagBody,
  TagDeleteMode,
  TagRule,
} from '@jianbao/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { ClippingSummaryDto } from '../../clippings/dto/clipping-summary.dto';

/** Body of `POST /api/tags/:id/merge`. */
export class MergeTagDto implements MergeTagBody {
  @ApiProperty({ description: 'The tag that takes over the links and children' })
  @IsInt()
  @Min(1)
  intoId!: number;
}

/** Query of `DELETE /api/tags/:id`. */
export class DeleteTagQuery {
  @ApiPropertyOptional({
    enum: ['detach', 'moveToParent'],
    default: 'detach',
    description: 'detach: drop its clipping links; moveToParent: re-link its clippings to the parent tag',
  })
  @IsOptional()
  @IsIn(['detach', 'moveToParent'])
  clippings?: TagDeleteMode;
}

/** Body of `POST /api/tags/rules/preview`. */
export class PreviewRuleDto {
  @ApiProperty({ type: Object, example: { mode: 'any', terms: ['梁山县'] } })
  @IsDefined()
  rule!: TagRule;
}

/** Body of `POST /api/tags/:id/apply`. */
export class ApplyRuleDto implements ApplyRuleBody {
  @ApiPropertyOptional({ default: false, description: 'Count only, change nothing' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

/** Answer of preview and apply (documentation only). */
export class ApplyRuleResultDto implements ApplyRuleResult {
  @ApiProperty() matched!: number;
  @ApiProperty() added!: number;
  @ApiProperty({ type: ClippingSummaryDto, isArray: true }) sample!: ClippingSummaryDto[];
}
