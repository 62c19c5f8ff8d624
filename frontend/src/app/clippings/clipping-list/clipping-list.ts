import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import {
  CLIPPING_FILTERS,
  type ClippingFilterName,
  type ClippingKind,
  type ClippingStatus,
  type Publication,
  type Region,
} from '@jianbao/contracts';
import { Subject, catchError, debounceTime, distinctUntilChanged, of, switchMap } from 'rxjs';
import { describeApiError } from '../../shared/api-error';
import { AuthService } from '../../auth/auth.service';
import { Can } from '../../auth/can';
import { I18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/messages';
import { PublicationsApi } from '../../publications/publications-api';
import { RegionsApi } from '../../regions/regions-api';
import { type TagRow, flattenTagTree } from '../../tags/tag-tree';
import { TagsApi } from '../../tags/tags-api';
import { BulkEditBar } from '../bulk-edit-bar/bulk-edit-bar';
import {
  type BulkSelection,
  NO_SELECTION,
  filterKey,
  isSelected,
  pageState,
  toggleRow,
  togglePage,
} from '../bulk-selection';
import {
  ClippingListState,
  FILTER_FIELDS,
  PAGE_SIZES,
  type SortField,
  filterLabel,
  filterValue,
  hasFilters,
  optionLabel,
  pageCount,
  sortDirection,
} from '../clipping-list-state';
import { clippingHeadline } from '../../shared/clipping-headline';
import { continuationMark, firstChips } from '../clipping-row-marks';

function regionLabel(r: Region): string {
  return `${r.name}（${r.code}）`;
}

/** The clippings table: filters, sorting and paging all live in the URL via `ClippingListState`. */
@Component({
  selector: 'jb-clipping-list',
  imports: [RouterLink, DatePipe, BulkEditBar, Can],
  providers: [ClippingListState],
  templateUrl: './clipping-list.html',
  styleUrl: './clipping-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClippingList implements OnInit {
  protected readonly list = inject(ClippingListState);
  protected readonly t = inject(I18n).t;
  private readonly auth = inject(AuthService);
  /** Selection only serves bulk edits, which need an editor. */
  protected readonly canEdit = computed(() => this.auth.can('editor'));
  private readonly publicationsApi = inject(PublicationsApi);
  private readonly tagsApi = inject(TagsApi);
  private readonly regionsApi = inject(RegionsApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly filterFields = FILTER_FIELDS;
  protected readonly label = filterLabel;
  protected readonly optionLabel = optionLabel;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly headline = clippingHeadline;
  protected readonly continuationMark = continuationMark;
  protected readonly firstChips = firstChips;
  protected readonly params = this.list.params;
  protected readonly publications = signal<Publication[]>([]);
  protected readonly tagRows = signal<TagRow[]>([]);
  protected readonly regionOptions = signal<Region[]>([]);
  protected readonly selectedRegion = signal<Region | null>(null);
  protected readonly pages = computed(() => {
    const r = this.list.result();
    return r ? pageCount(r.total, r.pageSize) : 1;
  });
  protected readonly filtered = computed(() => hasFilters(this.params()));
  protected readonly errorText = computed(() => {
    const e = this.list.error();
    return e ? describeApiError(e) : null;
  });
  private readonly regionQueries = new Subject<string>();

  /** Bulk selection: ticked rows (kept across pages) or all matching; a new filter starts afresh. */
  protected readonly selection = signal<BulkSelection>(NO_SELECTION);
  protected readonly pageIds = computed(() => (this.list.result()?.items ?? []).map((c) => c.id));
  protected readonly pageSelection = computed(() => pageState(this.selection(), this.pageIds()));
  private readonly filters = computed(() => filterKey(this.params()));

  constructor() {
    effect(() => {
      this.filters();
      untracked(() => this.selection.set(NO_SELECTION));
    });
  }

  protected isSelected(id: number): boolean {
    return isSelected(this.selection(), id);
  }

  protected toggleRow(id: number): void {
    this.selection.update((s) => toggleRow(s, id, this.pageIds()));
  }

  protected togglePage(): void {
    this.selection.update((s) => togglePage(s, this.pageIds()));
  }

  ngOnInit(): void {
    this.publicationsApi
      .list()
      .subscribe({ next: (list) => this.publications.set(list), error: () => undefined });
    this.tagsApi
      .list()
      .subscribe({ next: (tags) => this.tagRows.set(flattenTagTree(tags)), error: () => undefined });
    const regionId = this.params().regionId;
    if (regionId !== null) {
      this.regionsApi
        .get(regionId)
        .subscribe({ next: (r) => this.selectedRegion.set(r), error: () => undefined });
    }
    this.regionQueries
      .pipe(
        debounceTime(250),
        distinctUntilChanged(),
        switchMap((q) =>
          q.length ? this.regionsApi.list({ q, pageSize: 20 }).pipe(catchError(() => of(null))) : of(null),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((page) => this.regionOptions.set(page?.items ?? []));
  }

  protected kindKey(kind: ClippingKind): MessageKey {
    return `kind.${kind}`;
  }

  protected statusKey(status: ClippingStatus): MessageKey {
    return `status.${status}`;
  }

  protected readonly regionLabel = regionLabel;
  protected readonly regionText = computed(() => {
    const r = this.selectedRegion();
    return r ? regionLabel(r) : '';
  });

  /** Full-width spaces indent child tags inside a native `<option>`, which cannot be styled. */
  protected indent(depth: number): string {
    return '\u3000'.repeat(depth);
  }

  protected ariaSort(field: SortField): 'ascending' | 'descending' | 'none' {
    return sortDirection(this.params().sort, field) ?? 'none';
  }

  protected sortMark(field: SortField): string {
    const dir = sortDirection(this.params().sort, field);
    return dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : '';
  }

  /** Every filter control commits on `change` (selects at once, text fields on Enter or leaving the field). */
  protected setFilter(name: ClippingFilterName, raw: string): void {
    this.list.setFilters({ [name]: filterValue(CLIPPING_FILTERS[name].value, raw) });
  }

  protected onRegionInput(value: string): void {
    this.regionQueries.next(value.trim());
  }

  protected onRegionChange(name: ClippingFilterName, value: string): void {
    const text = value.trim();
    if (!text) {
      this.selectedRegion.set(null);
      this.list.setFilters({ [name]: null });
      return;
    }
    const match = this.regionOptions().find(
      (r) => regionLabel(r) === text || r.name === text || r.code === text,
    );
    if (match) {
      this.selectedRegion.set(match);
      this.list.setFilters({ [name]: match.id });
    }
  }

  protected clear(): void {
    this.selectedRegion.set(null);
    this.list.clearFilters();
  }
}
