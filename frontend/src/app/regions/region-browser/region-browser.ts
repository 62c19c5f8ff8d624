import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  OnInit,
  afterNextRender,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { Region, RegionLevel, RegionNode } from '@jianbao/contracts';
import {
  EMPTY,
  Observable,
  Subject,
  catchError,
  concatMap,
  debounceTime,
  distinctUntilChanged,
  expand,
  from,
  last,
  map,
  of,
  reduce,
  switchMap,
  tap,
} from 'rxjs';
import { type ErrorText, describeApiError, toApiError } from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/messages';
import {
  EMPTY_REGION_TREE,
  type RegionTreeState,
  isLoaded,
  visibleRows,
  withChildren,
  withExpanded,
  withLoading,
} from '../region-tree';
import { RegionsApi } from '../regions-api';

const SEARCH_LIMIT = 20;

/**
 * Regions: the GB/T 2260 tree, provinces → prefectures → counties, each level fetched when first
 * opened, with clipping counts (descendants included) that open the filtered clippings list. The
 * search box finds regions by name prefix; choosing one opens its ancestors and scrolls to it.
 */
@Component({
  selector: 'jb-region-browser',
  imports: [RouterLink],
  templateUrl: './region-browser.html',
  styleUrl: './region-browser.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegionBrowser implements OnInit {
  private readonly api = inject(RegionsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly t = inject(I18n).t;

  protected readonly tree = signal<RegionTreeState>(EMPTY_REGION_TREE);
  protected readonly rows = computed(() => visibleRows(this.tree()));
  protected readonly loading = signal(true);
  protected readonly error = signal<ErrorText | null>(null);
  protected readonly query = signal('');
  protected readonly matches = signal<Region[] | null>(null);
  protected readonly focused = signal<number | null>(null);
  private readonly queries = new Subject<string>();

  constructor() {
    this.queries
      .pipe(
        map((q) => q.trim()),
        debounceTime(250),
        distinctUntilChanged(),
        switchMap((q) =>
          q
            ? this.api.list({ q, pageSize: SEARCH_LIMIT }).pipe(
                map((page) => page.items),
                catchError((err: unknown) => {
                  this.error.set(describeApiError(toApiError(err)));
                  return of<Region[]>([]);
                }),
              )
            : of(null),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((found) => this.matches.set(found));
  }

  ngOnInit(): void {
    this.api.tree(null).subscribe({
      next: (nodes) => {
        this.loading.set(false);
        this.tree.update((s) => withChildren(s, null, nodes));
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(describeApiError(toApiError(err)));
      },
    });
  }

  protected levelKey(level: RegionLevel): MessageKey {
    return `regions.level.${level}`;
  }

  protected toggle(node: RegionNode): void {
    const state = this.tree();
    if (state.expanded.has(node.id)) {
      this.tree.set(withExpanded(state, node.id, false));
      return;
    }
    this.open(node.id).subscribe();
  }

  protected onSearchInput(value: string): void {
    this.query.set(value);
    this.queries.next(value);
  }

  protected searchNow(value: string): void {
    this.query.set(value);
    // Enter skips the debounce: the same text twice in a row is still looked up once.
    this.queries.next(value);
  }

  /** Open the region's ancestors one level at a time, then highlight it and scroll it into view. */
  protected jumpTo(region: Region): void {
    this.error.set(null);
    this.ancestorIds(region)
      .pipe(
        concatMap((ids) =>
          ids.length
            ? from(ids).pipe(
                concatMap((id) => this.open(id)),
                last(),
              )
            : of(null),
        ),
        catchError((err: unknown) => {
          this.error.set(describeApiError(toApiError(err)));
          return EMPTY;
        }),
      )
      .subscribe(() => {
        this.focused.set(region.id);
        afterNextRender(
          () => {
            const row = this.host.nativeElement.querySelector<HTMLElement>(`[data-region-id="${region.id}"]`);
            row?.scrollIntoView?.({ block: 'center' });
            row?.querySelector<HTMLElement>('button, a')?.focus();
          },
          { injector: this.injector },
        );
      });
  }

  /** Expand `id`, loading its children first when they are not loaded yet. */
  private open(id: number): Observable<void> {
    if (isLoaded(this.tree(), id)) {
      this.tree.update((s) => withExpanded(s, id, true));
      return of(undefined);
    }
    this.tree.update((s) => withExpanded(withLoading(s, id, true), id, true));
    return this.api.tree(id).pipe(
      tap({
        next: (nodes) => this.tree.update((s) => withChildren(s, id, nodes)),
        error: (err: unknown) => {
          this.tree.update((s) => withExpanded(withLoading(s, id, false), id, false));
          this.error.set(describeApiError(toApiError(err)));
        },
      }),
      map(() => undefined),
      catchError(() => EMPTY),
    );
  }

  /** Ids of the region's ancestors, province first (one request per level, at most two). */
  private ancestorIds(region: Region): Observable<number[]> {
    if (region.parentId === null) return of([]);
    return this.api.get(region.parentId).pipe(
      expand((r) => (r.parentId !== null ? this.api.get(r.parentId) : EMPTY)),
      reduce((chain: number[], r) => [r.id, ...chain], []),
    );
  }
}
