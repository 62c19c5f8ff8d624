import type {
  Clipping,
  ClippingListItem,
  ClippingRegionLink,
  ClippingTagLink,
  LinkSource,
} from '@jianbao/contracts';
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

/** Characters of a body in an excerpt (list rows, waiting parts, the trash). */
export const EXCERPT_LENGTH = 80;

/** First {@link EXCERPT_LENGTH} characters of a body, whitespace folded, `…` where cut. */
export function excerptOf(body: string): string {
  return excerptOfStart(body, false);
}

/**
 * {@link excerptOf} from the start of a body only (a list reads no more of it); `cut`: the body goes
 * on past `start`.
 */
export function excerptOfStart(start: string, cut: boolean): string {
  const flat = start.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length > EXCERPT_LENGTH) return `${chars.slice(0, EXCERPT_LENGTH).join('')}…`;
  return cut ? `${flat}…` : flat;
}

/** Entity plus its relations → API shape. Tags sorted by name, regions by code, for stable output. */
export function mapClipping(entity: ClippingEntity, relations: ClippingRelations): Clipping {
  return { ...clippingFields(entity, relations), body: entity.body, rawText: entity.rawText };
}

/** A list row's clipping as read: the start of its body instead of the body, and no `rawText`. */
export type ListedClippingEntity = Omit<ClippingEntity, 'rawText' | 'body'> & {
  /** The body's first {@link LISTED_BODY_CHARS} characters, one more when it goes on. */
  bodyStart: string;
};

/** Characters of the body a list row reads: enough for the excerpt once whitespace is folded. */
export const LISTED_BODY_CHARS = 200;

/**
 * A list row: the clipping with an excerpt instead of its body, and without `rawText` (the page lines
 * it was cut from, about as long again): only the clipping's own page shows those. Reading, encoding
 * and sending them was about a fifth of a list page's CPU (docs/benchmarks.md, "Load").
 */
export function mapListItem(
  entity: ListedClippingEntity,
  relations: ClippingRelations,
): Omit<ClippingListItem, 'highlight'> {
  const chars = Array.from(entity.bodyStart);
  const cut = chars.length > LISTED_BODY_CHARS;
  return {
    ...clippingFields(entity, relations),
    excerpt: excerptOfStart(cut ? chars.slice(0, LISTED_BODY_CHARS).join('') : entity.bodyStart, cut),
  };
}

function clippingFields(
  entity: Omit<ClippingEntity, 'rawText' | 'body'>,
  relations: ClippingRelations,
): Omit<Clipping, 'rawText' | 'body'> {
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
    subheads: entity.subheads,
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
