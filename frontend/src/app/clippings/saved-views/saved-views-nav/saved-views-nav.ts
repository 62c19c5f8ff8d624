import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, type Params, Router, RouterLink } from '@angular/router';
import type { SavedView } from '@jianbao/contracts';
import { filter, map } from 'rxjs';
import { I18n } from '../../../shared/i18n/i18n';
import { queryParamsToState } from '../../clipping-list-state';
import { SavedViewsStore } from '../saved-views-store';
import { viewQuery, viewQueryParams } from '../view-query';

/** The saved views in the side navigation: each opens the list at its URL and shows its count. */
@Component({
  selector: 'jb-saved-views-nav',
  imports: [RouterLink],
  templateUrl: './saved-views-nav.html',
  styleUrl: './saved-views-nav.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SavedViewsNav implements OnInit {
  protected readonly store = inject(SavedViewsStore);
  protected readonly t = inject(I18n).t;
  private readonly router = inject(Router);
  private readonly url = toSignal(
    this.router.events.pipe(
      filter((e) => e instanceof NavigationEnd),
      map(() => this.router.url),
    ),
    { initialValue: this.router.url },
  );
  /** The list's search as a view query while the list is open, else null. */
  private readonly listQuery = computed(() => {
    const tree = this.router.parseUrl(this.url());
    const segments = tree.root.children['primary']?.segments ?? [];
    if (segments.length !== 1 || segments[0]?.path !== 'clippings') return null;
    return viewQuery(queryParamsToState(tree.queryParams));
  });
  protected readonly params = (view: SavedView): Params => viewQueryParams(view.query);

  constructor() {
    // The shell drops this list on logout: the next user must not see the last one's views.
    inject(DestroyRef).onDestroy(() => this.store.clear());
  }

  ngOnInit(): void {
    this.store.reload();
  }

  protected active(view: SavedView): boolean {
    return this.listQuery() === view.query;
  }

  protected count(view: SavedView): string {
    if (view.count === null) return this.t('views.countUnknown');
    return this.t(view.countExact ? 'views.count' : 'views.countCapped', { count: view.count });
  }
}
