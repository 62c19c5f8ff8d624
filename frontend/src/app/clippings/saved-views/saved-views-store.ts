import { Injectable, inject, signal } from '@angular/core';
import type { ApiError, SavedView } from '@jianbao/contracts';
import { Subject, catchError, map, of, switchMap } from 'rxjs';
import { toApiError } from '../../shared/api-error';
import { SavedViewsApi } from './saved-views-api';

/**
 * The caller's saved views and the shared ones, with their counts: one list the navigation shows and
 * the list page saves into. Reloaded on arrival at the list and after every change (a stale reload is
 * cancelled by the next).
 */
@Injectable({ providedIn: 'root' })
export class SavedViewsStore {
  private readonly api = inject(SavedViewsApi);
  private readonly reloads = new Subject<void>();
  readonly views = signal<SavedView[]>([]);
  readonly error = signal<ApiError | null>(null);
  readonly loaded = signal(false);

  constructor() {
    this.reloads
      .pipe(
        switchMap(() =>
          this.api.list().pipe(
            map((views) => ({ views, error: null })),
            catchError((err: unknown) => of({ views: null, error: toApiError(err) })),
          ),
        ),
      )
      .subscribe(({ views, error }) => {
        this.error.set(error);
        if (views) this.views.set(views);
        this.loaded.set(true);
      });
  }

  reload(): void {
    this.reloads.next();
  }

  /** Forgets the views (logging out). */
  clear(): void {
    this.views.set([]);
    this.loaded.set(false);
  }
}
