import type { Clipping, ClippingRegionLink, ClippingTagLink } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RegionEntity } from '../regions/region.entity';
import { RegionsRepository } from '../regions/regions.repository';
import { mapClipping, mapRegionLink, mapTagLink } from './clipping.mapper';
import { ClippingsRepository } from './clippings.repository';

/** Loads clippings with everything their response shows (publication, tags, regions with paths) in 4–7 queries. */
@Injectable()
export class ClippingViewLoader {
  constructor(
    private readonly clippings: ClippingsRepository,
    private readonly regions: RegionsRepository,
  ) {}

  /** The clippings in the order of `ids` (missing ids are skipped). */
  async load(ids: number[], manager?: EntityManager): Promise<Clipping[]> {
    const entities = await this.clippings.findByIds(ids, manager);
    if (entities.length === 0) return [];
    const found = entities.map((e) => e.id);
    const tagLinks = await this.clippings.findTagLinks(found, manager);
    const regionLinks = await this.clippings.findRegionLinks(found, manager);
    const linked = regionLinks.map((l) => l.region).filter((r): r is RegionEntity => r !== undefined);
    const regionsById = await this.regions.withAncestors(linked, manager);

    const tags = new Map<number, ClippingTagLink[]>();
    for (const link of tagLinks)
      tags.set(link.clippingId, [...(tags.get(link.clippingId) ?? []), mapTagLink(link)]);
    const regions = new Map<number, ClippingRegionLink[]>();
    for (const link of regionLinks) {
      const mapped = mapRegionLink(link, regionsById);
      if (mapped) regions.set(link.clippingId, [...(regions.get(link.clippingId) ?? []), mapped]);
    }
    return entities.map((e) =>
      mapClipping(e, {
        publicationName: e.publication?.name ?? '',
        tags: tags.get(e.id) ?? [],
        regions: regions.get(e.id) ?? [],
      }),
    );
  }

  async loadOne(id: number, manager?: EntityManager): Promise<Clipping | null> {
    return (await this.load([id], manager))[0] ?? null;
  }
}
