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
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import {
  CLIPPING_FILTERS,
  type ClippingFilterName,
  type ClippingKind,
  type ClippingListItem,
  type ClippingStatus,
  type Publication,
  type Region,
  type StoryMark,
} from '@jianbao/contracts';
import { Subject, catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { describeApiError, fieldErrorsOf } from '../../shared/api-error';
import { AuthService } from '../../auth/auth.service';
import { Can } from '../../auth/can';
import { I18n } from '../../shared/i18n/i18n';
import { registerListCursor } from '../../shared/keys/list-cursor';
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
  listedCount,
  totalText,
  PAGE_SIZES,
  RELEVANCE,
  type SortField,
  effectiveSort,
  filterLabel,
  filterValue,
  hasFilters,
  optionLabel,
  pageCount,
  sortDirection,
} from '../clipping-list-state';
import { MAX_EXPORT_IDS, exportTarget, listExportUrl } from '../clipping-export';
import { clippingHeadline } from '../../shared/clipping-headline';
import { markOnly } from '../../shared/search-highlight';
import { FacetSidebar } from '../facet-sidebar/facet-sidebar';
import { SaveView } from '../saved-views/save-view/save-view';
import { SavedViewsStore } from '../saved-views/saved-views-store';
import { continuationMark, firstChips, storyChip } from '../clipping-row-marks';
import { StoryMarksApi } from '../story-marks-api';

function regionLabel(r: Region): string {
  return `${r.name}（${r.code}）`;
}

/** The clippings table: filters, sorting and paging all live in the URL via `ClippingListState`. */
@Component({
  selector: 'jb-clipping-list',
  imports: [RouterLink, DatePipe, BulkEditBar, Can, FacetSidebar, SaveView],
  providers: [ClippingListState],
  templateUrl: './clipping-list.html',
  styleUrl: './clipping-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClippingList implements OnInit {
  protected readonly list = inject(ClippingListState);
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private readonly auth = inject(AuthService);
  /** Selection only serves bulk edits, which need an editor. */
  protected readonly canEdit = computed(() => this.auth.can('editor'));
  private readonly publicationsApi = inject(PublicationsApi);
  private readonly tagsApi = inject(TagsApi);
  private readonly regionsApi = inject(RegionsApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly savedViews = inject(SavedViewsStore);
  private readonly storyMarksApi = inject(StoryMarksApi);

  protected readonly filterFields = FILTER_FIELDS;
  protected readonly label = filterLabel;
  protected readonly optionLabel = optionLabel;
  protected readonly pageSizes = PAGE_SIZES;
  /** A row's title, or the start of its excerpt (list rows carry no body). */
  protected readonly headline = (c: ClippingListItem): string =>
    clippingHeadline({ title: c.title, body: c.excerpt });
  protected readonly totalText = totalText;
  protected readonly listedText = (r: { total: number; totalExact?: boolean }): string =>
    listedCount(r).toLocaleString('en-US');
  protected readonly continuationMark = continuationMark;
  protected readonly firstChips = firstChips;
  protected readonly params = this.list.params;
  protected readonly publications = signal<Publication[]>([]);
  protected readonly tagRows = signal<TagRow[]>([]);
  protected readonly regionOptions = signal<Region[]>([]);
  protected readonly selectedRegion = signal<Region | null>(null);
  protected readonly pages = computed(() => {
    const r = this.list.result();
    return r ? pageCount(listedCount(r), r.pageSize) : 1;
  });
  protected readonly filtered = computed(() => hasFilters(this.params()));
  protected readonly errorText = computed(() => {
    const e = this.list.error();
    return e ? describeApiError(e) : null;
  });
  /** The filters the server refused (a 400 names them): marked red, with the reason under each. */
  protected readonly filterErrors = computed(() => {
    const e = this.list.error();
    return e?.statusCode === 400 ? fieldErrorsOf(e, this.t) : {};
  });
  /** The rows shown belong to an earlier filter, not the one in the form: dimmed, and bulk edit is off. */
  protected readonly stale = computed(() => this.list.error()?.statusCode === 400);
  private readonly regionQueries = new Subject<string>();
  /** What is typed into the list's search field: applied as one types (debounced). */
  private readonly searchInput = new Subject<string>();
  protected readonly markOnly = markOnly;
  /** Whether the list is in the search's relevance order. */
  protected readonly byRelevance = computed(() => effectiveSort(this.params()) === RELEVANCE);

  /** Bulk selection: ticked rows (kept across pages) or all matching; a new filter starts afresh. */
  protected readonly selection = signal<BulkSelection>(NO_SELECTION);
  protected readonly pageIds = computed(() => (this.list.result()?.items ?? []).map((c) => c.id));
  protected readonly pageSelection = computed(() => pageState(this.selection(), this.pageIds()));
  private readonly filters = computed(() => filterKey(this.params()));

  /** The same-story mark of each row shown, by clipping id: asked once the rows are in, never holding them up. */
  protected readonly storyMarks = signal<ReadonlyMap<number, StoryMark>>(new Map());
  protected readonly storyChip = (mark: StoryMark): { text: string; hint: string } => storyChip(mark, this.t);

  /** Exports: the ticked rows when some are ticked, else the list as filtered and sorted. */
  protected readonly exportTarget = computed(() => exportTarget(this.selection()));
  /** Ticked rows exported (0: the list itself). */
  protected readonly exportCount = computed(() => {
    const target = this.exportTarget();
    return target.kind === 'selection' ? target.ids.length : 0;
  });
  protected readonly exportTooMany = computed(() => this.exportCount() > MAX_EXPORT_IDS);
  protected readonly maxExportIds = MAX_EXPORT_IDS;
  protected readonly csvUrl = computed(() =>
    listExportUrl('csv', this.exportTarget(), this.params(), this.i18n.lang()),
  );
  protected readonly jsonUrl = computed(() =>
    listExportUrl('json', this.exportTarget(), this.params(), this.i18n.lang()),
  );

  constructor() {
    registerListCursor({ next: 'keys.list.next', previous: 'keys.list.previous', open: 'keys.list.open' });
    effect(() => {
      this.filters();
      untracked(() => this.selection.set(NO_SELECTION));
    });
    // One request per page shown; a newer page cancels the older request, and an answer is kept only
    // for the rows still shown.
    toObservable(this.pageIds)
      .pipe(
        distinctUntilChanged((a, b) => a.join() === b.join()),
        switchMap((ids) => {
          this.storyMarks.set(new Map());
          if (ids.length === 0) return of([]);
          return this.storyMarksApi.marks(ids).pipe(catchError(() => of([])));
        }),
        map((marks) => {
          const shown = new Set(this.pageIds());
          return new Map(marks.filter((m) => shown.has(m.clippingId)).map((m) => [m.clippingId, m]));
        }),
        takeUntilDestroyed(),
      )
      .subscribe((marks) => this.storyMarks.set(marks));
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
    // Counts change with the data: arriving at the list refreshes the views' counts.
    this.savedViews.reload();
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
    this.searchInput
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed(this.destroyRef))
      .subscribe((q) => {
        if (filterValue(CLIPPING_FILTERS.q.value, q) !== this.params().q) this.setFilter('q', q);
      });
  }

  /** The list's search field applies as one types (a pause of 300 ms), like Enter or leaving it. */
  protected onSearchInput(value: string): void {
    this.searchInput.next(value);
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
    return sortDirection(effectiveSort(this.params()), field) ?? 'none';
  }

  protected sortMark(field: SortField): string {
    const dir = sortDirection(effectiveSort(this.params()), field);
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
