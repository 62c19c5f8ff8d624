import type { KeywordSuggestion } from '@jianbao/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../common/parse-id.pipe';
import { ClippingKeywordsService } from './clipping-keywords.service';

/** One suggested keyword (documentation only). */
class KeywordSuggestionDto implements KeywordSuggestion {
  @ApiProperty() keyword!: string;
  @ApiProperty() weight!: number;
}

@ApiTags('clippings')
@Controller('clippings')
export class ClippingKeywordsController {
  constructor(private readonly keywords: ClippingKeywordsService) {}

  @Get(':id/keywords')
  @ApiOkResponse({ type: KeywordSuggestionDto, isArray: true })
  list(@IdParam() id: number): Promise<KeywordSuggestion[]> {
    return this.keywords.suggest(id);
  }
}
