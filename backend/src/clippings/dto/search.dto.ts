import type {
  ClippingFacets,
  ClippingKind,
  ClippingStatus,
  FacetCount,
  NamedFacetCount,
  RegionFacetCount,
  RegionLevel,
  SearchSuggestions,
} from '@jianbao/contracts';
import { CLIPPING_FILTERS } from '@jianbao/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** Query of `GET /api/search/suggest`. */
export class SuggestQueryDto {
  @ApiProperty({ description: 'What has been typed so far (as the list’s q)', example: '鱼台' })
  @IsString()
  @MaxLength(CLIPPING_FILTERS.q.value.maxLength)
  q!: string;
}

class FacetCountDto implements FacetCount<string> {
  @ApiProperty() value!: string;
  @ApiProperty() count!: number;
}

class NamedFacetCountDto implements NamedFacetCount {
  @ApiProperty() value!: number;
  @ApiProperty() count!: number;
  @ApiProperty() name!: string;
}

class RegionFacetCountDto extends NamedFacetCountDto implements RegionFacetCount {
  @ApiProperty({ enum: ['province', 'prefecture', 'county'] }) level!: RegionLevel;
  @ApiProperty({ type: Number, nullable: true }) parentId!: number | null;
}

export class ClippingFacetsDto implements ClippingFacets {
  @ApiProperty({ description: 'How many matches were counted (the newest 5,000 when approximate)' })
  counted!: number;
  @ApiProperty() approximate!: boolean;
  @ApiProperty({ type: NamedFacetCountDto, isArray: true }) publication!: NamedFacetCountDto[];
  @ApiProperty({ type: FacetCountDto, isArray: true }) kind!: FacetCount<ClippingKind>[];
  @ApiProperty({ type: FacetCountDto, isArray: true }) status!: FacetCount<ClippingStatus>[];
  @ApiProperty({ type: FacetCountDto, isArray: true }) year!: FacetCountDto[];
  @ApiProperty({ type: NamedFacetCountDto, isArray: true }) tag!: NamedFacetCountDto[];
  @ApiProperty({ type: RegionFacetCountDto, isArray: true }) region!: RegionFacetCountDto[];
}

class TitleSuggestionDto {
  @ApiProperty() id!: number;
  @ApiProperty() title!: string;
  @ApiProperty() issueDate!: string;
}

class NamedSuggestionDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
}

class RegionSuggestionDto extends NamedSuggestionDto {
  @ApiProperty({ example: '山东省 / 济宁市 / 鱼台县' }) path!: string;
}

export class SearchSuggestionsDto implements SearchSuggestions {
  @ApiProperty({ type: TitleSuggestionDto, isArray: true }) titles!: TitleSuggestionDto[];
  @ApiProperty({ type: NamedSuggestionDto, isArray: true }) tags!: NamedSuggestionDto[];
  @ApiProperty({ type: RegionSuggestionDto, isArray: true }) regions!: RegionSuggestionDto[];
  @ApiProperty({ type: NamedSuggestionDto, isArray: true }) publications!: NamedSuggestionDto[];
}
