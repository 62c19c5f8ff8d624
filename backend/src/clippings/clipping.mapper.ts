import type { Clipping, ClippingRegionLink, ClippingTagLink } from '@jianbao/contracts';
import type { RegionEntity } from '../regions/region.entity';
import { regionPath } from '../regions/region.mapper';
import type { ClippingRegionEntity } from './clipping-region.entity';
import type { ClippingTagEntity } from './clipping-tag.entity';
import type { ClippingEntity } from './clipping.entity';

/** A tag link (its tag loaded) → API shape. */
export function mapTagLink(link: ClippingTagEntity): ClippingTagLink {
  return { id: link.tagId, name: link.tag?.name ?? '', color: link.tag?.color ?? null, source: link.source };
}

/** A region link (its region loaded) → API shape; `regionsById` must hold the region's ancestors. */
export function mapRegionLink(
  link: ClippingRegionEntity,
  regionsById: ReadonlyMap<number, RegionEntity>,
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
    tags: [...relations.tags].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id),
    regions: [...relations.regions].sort((a, b) => a.code.localeCompare(b.code)),
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
