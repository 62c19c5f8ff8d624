import type { ClippingFacets, SearchSuggestions } from '@jianbao/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ClippingsSearchService } from './clippings-search.service';
import { ListClippingsQueryDto } from './dto/list-clippings.query';
import { ClippingFacetsDto, SearchSuggestionsDto, SuggestQueryDto } from './dto/search.dto';

@ApiTags('search')
@Controller('search')
export class ClippingsSearchController {
  constructor(private readonly search: ClippingsSearchService) {}

  /** Facet counts over the list's current result set: the list's query string (paging and sort ignored). */
  @Get('facets')
  @ApiOkResponse({ type: ClippingFacetsDto })
  facets(@Query() query: ListClippingsQueryDto): Promise<ClippingFacets> {
    return this.search.facets(query);
  }

  /** Suggestions as one types: clipping titles, tags, regions, publications (a few of each). */
  @Get('suggest')
  @ApiOkResponse({ type: SearchSuggestionsDto })
  suggest(@Query() query: SuggestQueryDto): Promise<SearchSuggestions> {
    return this.search.suggest(query.q);
  }
}
