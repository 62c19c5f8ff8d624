import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { ClippingFacets, RegionFacetCount } from '@jianbao/contracts';
import { I18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/messages';
import type { ClippingFilters, ClippingListParams } from '../clipping-list-state';

/** One value of a facet as the sidebar lists it. */
export interface FacetEntry {
  key: string;
  name: string;
  count: number;
  /** Indent (regions: 0 province, 1 prefecture, 2 county). */
  depth: number;
  /** The filters that narrow the list to this value. */
  patch: Partial<ClippingFilters>;
  /** Whether the list is already narrowed to it. */
  active: boolean;
}

export interface FacetGroup {
  name: 'publication' | 'region' | 'tag' | 'kind' | 'status' | 'year';
  label: MessageKey;
  entries: FacetEntry[];
}

/** Values shown per facet (the most frequent; regions: their tree down to that many). */
const SHOWN = 12;

/** Regions as a tree, province → prefecture → county, each level by count. */
export function regionTree(
  regions: readonly RegionFacetCount[],
): Array<RegionFacetCount & { depth: number }> {
  const ids = new Set(regions.map((r) => r.value));
  const children = new Map<number | null, RegionFacetCount[]>();
  for (const r of regions) {
    const parent = r.parentId !== null && ids.has(r.parentId) ? r.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const out: Array<RegionFacetCount & { depth: number }> = [];
  const walk = (parent: number | null, depth: number): void => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => b.count - a.count || a.value - b.value);
    for (const r of list) {
      out.push({ ...r, depth });
      walk(r.value, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The facet groups to show for these counts, each value with the filter that narrows the list to it. */
export function facetGroups(
  facets: ClippingFacets,
  params: ClippingListParams,
  label: (key: MessageKey) => string,
): FacetGroup[] {
  const groups: FacetGroup[] = [
    {
      name: 'publication',
      label: 'facets.publication',
      entries: facets.publication.map((p) => ({
        key: `p${p.value}`,
        name: p.name,
        count: p.count,
        depth: 0,
        patch: { publicationId: p.value },
        active: params.publicationId === p.value,
      })),
    },
    {
      name: 'region',
      label: 'facets.region',
      entries: regionTree(facets.region).map((r) => ({
        key: `r${r.value}`,
        name: r.name,
        count: r.count,
        depth: r.depth,
        patch: { regionId: r.value },
        active: params.regionId === r.value,
      })),
    },
    {
      name: 'tag',
      label: 'facets.tag',
      entries: facets.tag.map((g) => ({
        key: `t${g.value}`,
        name: g.name,
        count: g.count,
        depth: 0,
        patch: { tagId: g.value },
        active: params.tagId === g.value,
      })),
    },
    {
      name: 'kind',
      label: 'facets.kind',
      entries: facets.kind.map((k) => ({
        key: `k${k.value}`,
        name: label(`kind.${k.value}`),
        count: k.count,
        depth: 0,
        patch: { kind: k.value },
        active: params.kind === k.value,
      })),
    },
    {
      name: 'status',
      label: 'facets.status',
      entries: facets.status.map((s) => ({
        key: `s${s.value}`,
        name: label(`status.${s.value}`),
        count: s.count,
        depth: 0,
        patch: { status: s.value },
        active: params.status === s.value,
      })),
    },
    {
      name: 'year',
      label: 'facets.year',
      entries: [...facets.year]
        .sort((a, b) => b.value.localeCompare(a.value))
        .map((y) => ({
          key: `y${y.value}`,
          name: y.value,
          count: y.count,
          depth: 0,
          patch: { from: `${y.value}-01-01`, to: `${y.value}-12-31` },
          active: params.from === `${y.value}-01-01` && params.to === `${y.value}-12-31`,
        })),
    },
  ];
  return groups
    .map((g) => ({ ...g, entries: g.entries.slice(0, SHOWN) }))
    .filter((g) => g.entries.length > 0);
}

/** The patch that undoes a facet's narrowing. */
export function unsetPatch(patch: Partial<ClippingFilters>): Partial<ClippingFilters> {
  return Object.fromEntries(Object.keys(patch).map((k) => [k, null])) as Partial<ClippingFilters>;
}

/**
 * The facet sidebar: counts of the current result set per publication, region (as a tree), tag, kind,
 * status and year; a value narrows the list (a filter of the list's filter table, so in the URL), an
 * active one widens it again.
 */
@Component({
  selector: 'jb-facet-sidebar',
  templateUrl: './facet-sidebar.html',
  styleUrl: './facet-sidebar.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FacetSidebar {
  protected readonly t = inject(I18n).t;
  readonly facets = input.required<ClippingFacets | null>();
  readonly params = input.required<ClippingListParams>();
  readonly narrow = output<Partial<ClippingFilters>>();

  protected readonly groups = computed(() => {
    const f = this.facets();
    return f ? facetGroups(f, this.params(), (k) => this.t(k)) : [];
  });

  protected pick(entry: FacetEntry): void {
    this.narrow.emit(entry.active ? unsetPatch(entry.patch) : entry.patch);
  }
}
