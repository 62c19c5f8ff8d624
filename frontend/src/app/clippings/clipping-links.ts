import type { ClippingRegionLink, ClippingTagLink, Region, Tag } from '@jianbao/contracts';

/**
 * Pure edits of a clipping's tag and region links as the form holds them. Links the editor adds are
 * `manual`; links that were already there keep their source (a rule-made link stays rule-made until
 * the server says otherwise). Saving sends the full sets as `tagIds` and `regionCodes`.
 */
export function addTagLink(links: readonly ClippingTagLink[], tag: Tag): ClippingTagLink[] {
  if (links.some((l) => l.id === tag.id)) return [...links];
  return [...links, { id: tag.id, name: tag.name, color: tag.color, source: 'manual' }];
}

export function removeTagLink(links: readonly ClippingTagLink[], id: number): ClippingTagLink[] {
  return links.filter((l) => l.id !== id);
}

export function addRegionLink(
  links: readonly ClippingRegionLink[],
  region: Pick<Region, 'code' | 'name' | 'level'>,
  path: string[] = [],
): ClippingRegionLink[] {
  if (links.some((l) => l.code === region.code)) return [...links];
  return [...links, { code: region.code, name: region.name, level: region.level, path, source: 'manual' }];
}

export function removeRegionLink(links: readonly ClippingRegionLink[], code: string): ClippingRegionLink[] {
  return links.filter((l) => l.code !== code);
}

/** The `PATCH` fields of the links: full sets, in display order. */
export function linksToBody(
  tags: readonly ClippingTagLink[],
  regions: readonly ClippingRegionLink[],
): { tagIds: number[]; regionCodes: string[] } {
  return { tagIds: tags.map((t) => t.id), regionCodes: regions.map((r) => r.code) };
}

/** Whether the links being edited differ from the saved ones (as sets: order does not matter). */
export function linksChanged(
  saved: { tags: readonly ClippingTagLink[]; regions: readonly ClippingRegionLink[] },
  tags: readonly ClippingTagLink[],
  regions: readonly ClippingRegionLink[],
): boolean {
  const same = (a: readonly (string | number)[], b: readonly (string | number)[]): boolean =>
    a.length === b.length && a.every((x) => b.includes(x));
  return (
    !same(
      saved.tags.map((t) => t.id),
      tags.map((t) => t.id),
    ) ||
    !same(
      saved.regions.map((r) => r.code),
      regions.map((r) => r.code),
    )
  );
}

/** `山东省 / 济宁市 / 梁山县`: a region chip's tooltip. */
export function regionTitle(link: ClippingRegionLink): string {
  return [...link.path, link.name].join(' / ');
}

/** Containment 0…1 → whole percent for display (never shows 100 for less than full containment). */
export function containmentPercent(containment: number): number {
  if (!Number.isFinite(containment) || containment <= 0) return 0;
  if (containment >= 1) return 100;
  return Math.min(99, Math.round(containment * 100));
}
