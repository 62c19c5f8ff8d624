import type { Clipping, ClippingRegionLink, ClippingTagLink, LinkSource } from '@jianbao/contracts';
import { type RegionRecord, regionPath } from '../catalog/region-directory';
import type { ClippingEntity } from './clipping.entity';

/** A tag link with its tag → API shape. */
export function mapTagLink(link: {
  tagId: number;
  source: LinkSource;
  tag?: { name: string; color: string | null };
}): ClippingTagLink {
  return { id: link.tagId, name: link.tag?.name ?? '', color: link.tag?.color ?? null, source: link.source };
}

/** A region link with its region → API shape; `regionsById` must hold the region's ancestors. */
export function mapRegionLink(
  link: { source: LinkSource; region?: RegionRecord },
  regionsById: ReadonlyMap<number, RegionRecord>,
): ClippingRegionLink | null {
  const region = link.region;
  if (!region) return null;
  return {
    code: region.code,
    name: region.name,
    level: region.level,
    path: regionPath(region, regionsById),
    source: link.source,
  };
}

/**
 * The orders of a clipping's tags (by name, as `localeCompare(…, 'zh-CN')`) and regions (by code, as
 * `localeCompare`), each one collator made once: `localeCompare` with a locale builds its collator on
 * every call (about 6 µs per pair of tags, on every row of every list page).
 */
const TAG_NAMES = new Intl.Collator('zh-CN');
const REGION_CODES = new Intl.Collator();

/** What a clipping's response needs besides its own row. */
export interface ClippingRelations {
  publicationName: string;
  tags: ClippingTagLink[];
  regions: ClippingRegionLink[];
}

/** Entity plus its relations → API shape. Tags sorted by name, regions by code, for stable output. */
export function mapClipping(entity: ClippingEntity, relations: ClippingRelations): Clipping {
  return {
    id: entity.id,
    publicationId: entity.publicationId,
    publicationName: relations.publicationName,
    issueDate: entity.issueDate,
    pageLabel: entity.pageLabel,
    pageSort: entity.pageSort,
    kind: entity.kind,
    kicker: entity.kicker,
    title: entity.title,
    subtitle: entity.subtitle,
    byline: entity.byline,
    dateline: entity.dateline,
    body: entity.body,
    subheads: entity.subheads,
    rawText: entity.rawText,
    status: entity.status,
    continuesFrom: entity.continuesFrom,
    continuesTo: entity.continuesTo,
    importId: entity.importId,
    articleId: entity.articleId,
    previousPartId: entity.previousPartId,
    nextPartId: entity.nextPartId,
    tags: [...relations.tags].sort((a, b) => TAG_NAMES.compare(a.name, b.name) || a.id - b.id),
    regions: [...relations.regions].sort((a, b) => REGION_CODES.compare(a.code, b.code)),
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
