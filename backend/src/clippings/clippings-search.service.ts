import type {
  ClippingFacets,
  ClippingFilterValues,
  ClippingKind,
  ClippingStatus,
  SearchSuggestions,
} from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import { ReferenceNames } from '../catalog/reference-names';
import { RegionDirectory, regionPath } from '../catalog/region-directory';
import { SearchService } from '../search/search.service';
import { ClippingFilterResolver, splitFullText } from './clipping-filter';
import { ClippingListRepository } from './read/clipping-list.repository';

/** Suggestions of each sort the search box shows. */
const SUGGESTIONS_EACH = 5;

/**
 * What the list's search adds besides the rows: facet counts over the current result set and the
 * search box's suggestions. The rows themselves (with `q`, ranked and highlighted) are the list's.
 */
@Injectable()
export class ClippingsSearchService {
  constructor(
    private readonly filters: ClippingFilterResolver,
    private readonly lists: ClippingListRepository,
    private readonly search: SearchService,
    private readonly names: ReferenceNames,
    private readonly regions: RegionDirectory,
  ) {}

  /** Facet counts over what the list shows for these filter values (the same filter table and index). */
  async facets(values: ClippingFilterValues): Promise<ClippingFacets> {
    const { q, rest } = splitFullText(await this.filters.resolve(values));
    const f = await this.search.facets({ q: q ?? '', filter: this.lists.sqlFilter(rest) });
    const [publications, tags, regions] = await Promise.all([
      this.names.names(
        'publication',
        f.publication.map((p) => p.value),
      ),
      this.names.names(
        'tag',
        f.tag.map((t) => t.value),
      ),
      this.regions.withAncestors(f.region.map((r) => r.value)),
    ]);
    return {
      counted: f.counted,
      approximate: f.approximate,
      publication: f.publication.map((p) => ({ ...p, name: publications.get(p.value) ?? String(p.value) })),
      kind: f.kind.map((k) => ({ value: k.value as ClippingKind, count: k.count })),
      status: f.status.map((s) => ({ value: s.value as ClippingStatus, count: s.count })),
      year: f.year,
      tag: f.tag.map((t) => ({ ...t, name: tags.get(t.value) ?? String(t.value) })),
      region: f.region.flatMap((r) => {
        const region = regions.get(r.value);
        return region
          ? [{ value: r.value, count: r.count, name: region.name, level: region.level, parentId: r.parentId }]
          : [];
      }),
    };
  }

  /** A few clippings with `q` in their headline, and tags, regions and publications whose name holds it. */
  async suggest(q: string): Promise<SearchSuggestions> {
    const text = q.trim();
    if (text === '') return { titles: [], tags: [], regions: [], publications: [] };
    const [titles, tags, found, publications] = await Promise.all([
      this.search.headlineMatches(text, SUGGESTIONS_EACH),
      this.names.containing('tag', text, SUGGESTIONS_EACH),
      this.names.containing('region', text, SUGGESTIONS_EACH),
      this.names.containing('publication', text, SUGGESTIONS_EACH),
    ]);
    const byId = await this.regions.withAncestors(found.map((r) => r.id));
    const regions = found.map((r) => {
      const record = byId.get(r.id);
      return {
        id: r.id,
        name: r.name,
        path: record ? [...regionPath(record, byId), r.name].join(' / ') : r.name,
      };
    });
    return { titles, tags, regions, publications };
  }
}
