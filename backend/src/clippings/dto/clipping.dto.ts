import type {
  Clipping,
  ClippingListItem,
  ClippingListPage,
  ClippingKind,
  ClippingRegionLink,
  ClippingStatus,
  ClippingTagLink,
  JumpRef,
  LinkSource,
  RegionLevel,
  SearchHighlight,
} from '@jianbao/contracts';
import { ApiProperty, OmitType } from '@nestjs/swagger';
import { CLIPPING_KINDS, CLIPPING_LIST_DEPTH, CLIPPING_STATUSES } from '@jianbao/contracts';

const SOURCES: LinkSource[] = ['manual', 'rule'];

/** Response shapes of `/api/clippings` (documentation only: the mapper builds plain objects). */
export class JumpRefDto implements JumpRef {
  @ApiProperty({ example: '3' }) page!: string;
  @ApiProperty({ type: String, nullable: true, example: 'A' }) label!: string | null;
  @ApiProperty({ example: '（下转第三版）' }) marker!: string;
}

export class ClippingTagLinkDto implements ClippingTagLink {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) color!: string | null;
  @ApiProperty({ enum: SOURCES }) source!: LinkSource;
}

export class ClippingRegionLinkDto implements ClippingRegionLink {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['province', 'prefecture', 'county'] }) level!: RegionLevel;
  @ApiProperty({ type: String, isArray: true, example: ['浙江省', '杭州市'] }) path!: string[];
  @ApiProperty({ enum: SOURCES }) source!: LinkSource;
}

export class ClippingDto implements Clipping {
  @ApiProperty() id!: number;
  @ApiProperty() publicationId!: number;
  @ApiProperty() publicationName!: string;
  @ApiProperty({ example: '2024-03-15' }) issueDate!: string;
  @ApiProperty({ example: '第三版' }) pageLabel!: string;
  @ApiProperty() pageSort!: string;
  @ApiProperty({ enum: [...CLIPPING_KINDS] }) kind!: ClippingKind;
  @ApiProperty({ type: String, nullable: true }) kicker!: string | null;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: String, nullable: true }) subtitle!: string | null;
  @ApiProperty({ type: String, nullable: true }) byline!: string | null;
  @ApiProperty({ type: String, nullable: true }) dateline!: string | null;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, isArray: true }) subheads!: string[];
  @ApiProperty({ type: String, nullable: true }) rawText!: string | null;
  @ApiProperty({ enum: [...CLIPPING_STATUSES] }) status!: ClippingStatus;
  @ApiProperty({ type: JumpRefDto, nullable: true }) continuesFrom!: JumpRefDto | null;
  @ApiProperty({ type: JumpRefDto, nullable: true }) continuesTo!: JumpRefDto | null;
  @ApiProperty({ type: Number, nullable: true }) importId!: number | null;
  @ApiProperty({ type: Number, nullable: true }) articleId!: number | null;
  @ApiProperty({ type: Number, nullable: true }) previousPartId!: number | null;
  @ApiProperty({ type: Number, nullable: true }) nextPartId!: number | null;
  @ApiProperty({ type: ClippingTagLinkDto, isArray: true }) tags!: ClippingTagLinkDto[];
  @ApiProperty({ type: ClippingRegionLinkDto, isArray: true }) regions!: ClippingRegionLinkDto[];
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class SearchHighlightDto implements SearchHighlight {
  @ApiProperty({ type: String, nullable: true, description: 'HTML: escaped text, only <mark> is markup' })
  kicker!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'HTML: escaped text, only <mark> is markup' })
  title!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'HTML: escaped text, only <mark> is markup' })
  subtitle!: string | null;
  @ApiProperty({ description: 'HTML excerpt around the first hits: escaped text, only <mark> is markup' })
  snippet!: string;
}

export class ClippingListItemDto
  extends OmitType(ClippingDto, ['rawText', 'body'] as const)
  implements ClippingListItem
{
  @ApiProperty({ description: "The body's first 80 characters, whitespace folded, … where cut" })
  excerpt!: string;
  @ApiProperty({ type: SearchHighlightDto, required: false, description: 'With q: the hits, highlighted' })
  highlight?: SearchHighlightDto;
}

export class ClippingPageDto implements ClippingListPage {
  @ApiProperty({ type: ClippingListItemDto, isArray: true }) items!: ClippingListItemDto[];
  @ApiProperty({
    description: `How many match, counted up to ${CLIPPING_LIST_DEPTH} (with q, up to 1,000): past that, the limit plus one with totalExact false`,
  })
  total!: number;
  @ApiProperty({ description: 'false: counting stopped at total (more than total - 1 match)' })
  totalExact!: boolean;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
