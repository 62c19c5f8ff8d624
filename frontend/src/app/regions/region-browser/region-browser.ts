import { ChangeDetectionStrategy, Component, inject, input, numberAttribute, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import type { Page, Region, RegionLevel } from '@jianbao/contracts';
import { catchError, combineLatest, expand, EMPTY, map, of, reduce, switchMap } from 'rxjs';
import { type ErrorText, describeApiError, toApiError } from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/messages';
import { RegionsApi } from '../regions-api';

const PAGE_SIZE = 100;

function optionalId(value: unknown): number | null {
  const n = numberAttribute(value, NaN);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** Regions: browse the GB/T 2260 tree one level at a time (`?parentId=`), or search by name (`?q=`). */
@Component({
  selector: 'jb-region-browser',
  imports: [RouterLink],
  templateUrl: './region-browser.html',
  styleUrl: './region-browser.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegionBrowser {
  private readonly api = inject(RegionsApi);
  private readonly router = inject(Router);
  protected readonly t = inject(I18n).t;

  /** Query params, bound by the router. */
  readonly parentId = input(null, { transform: optionalId });
  readonly q = input<string | undefined>();
  readonly page = input(1, { transform: (v: unknown) => optionalId(v) ?? 1 });

  protected readonly result = signal<Page<Region> | null>(null);
  protected readonly trail = signal<Region[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal<ErrorText | null>(null);

  constructor() {
    combineLatest([toObservable(this.parentId), toObservable(this.q), toObservable(this.page)])
      .pipe(
        switchMap(([parentId, q, page]) => {
          this.loading.set(true);
          const query = q?.trim()
            ? { q: q.trim(), page, pageSize: PAGE_SIZE }
            : parentId !== null
              ? { parentId, page, pageSize: PAGE_SIZE }
              : { level: 'province' as RegionLevel, page, pageSize: PAGE_SIZE };
          return combineLatest([this.api.list(query), this.ancestors(q?.trim() ? null : parentId)]).pipe(
            map(([result, trail]) => ({ result, trail, error: null })),
            catchError((err: unknown) =>
              of({ result: null, trail: [], error: describeApiError(toApiError(err)) }),
            ),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe(({ result, trail, error }) => {
        this.loading.set(false);
        this.result.set(result);
        this.trail.set(trail);
        this.error.set(error);
      });
  }

  protected levelKey(level: RegionLevel): MessageKey {
    return `regions.level.${level}`;
  }

  protected pages(r: Page<Region>): number {
    return Math.max(1, Math.ceil(r.total / r.pageSize));
  }

  protected search(value: string): void {
    const q = value.trim();
    void this.router.navigate(['/regions'], { queryParams: q ? { q } : {} });
  }

  protected goPage(page: number): void {
    void this.router.navigate(['/regions'], {
      queryParams: { parentId: this.parentId() ?? undefined, q: this.q() || undefined, page },
    });
  }

  /** The region and its ancestors, province first (at most three levels, one request each). */
  private ancestors(id: number | null) {
    if (id === null) return of<Region[]>([]);
    return this.api.get(id).pipe(
      expand((r) => (r.parentId !== null ? this.api.get(r.parentId) : EMPTY)),
      reduce((chain: Region[], r) => [r, ...chain], []),
    );
  }
}
