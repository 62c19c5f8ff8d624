import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import type { Role } from '@jianbao/contracts';
import { AuthService } from './auth/auth.service';
import { ChangePassword } from './auth/change-password/change-password';
import { GlobalSearch } from './clippings/global-search/global-search';
import { SavedViewsNav } from './clippings/saved-views/saved-views-nav/saved-views-nav';
import { DashboardApi } from './dashboard/dashboard-api';
import { WORK_QUEUES } from './dashboard/dashboard-links';
import { I18n, isLang, LANGS } from './shared/i18n/i18n';
import { KeyHelp } from './shared/keys/key-help/key-help';
import type { MessageKey } from './shared/i18n/messages';
import { ALREADY_CONFIRMED, confirmLeaving } from './shared/unsaved-changes';

/** How long a refusal survives navigation (long enough for the redirect away from a refused page). */
const REFUSAL_SURVIVES_MS = 1500;

interface NavItem {
  path: string;
  label: MessageKey;
  /** Least role that sees the entry (the route is guarded as well). */
  need: Role;
  /** Active only on its own path, not on the paths below it (`/import` vs `/import/issue`). */
  exact?: boolean;
}

/** The shell: side navigation, user menu, language switch, the top bar's search box and the routed page (bare on login/setup). */
@Component({
  selector: 'jb-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, ChangePassword, GlobalSearch, SavedViewsNav, KeyHelp],
  templateUrl: './app.html',
  styleUrl: './app.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly i18n = inject(I18n);
  protected readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly view = inject(DOCUMENT).defaultView;
  protected readonly t = this.i18n.t;
  /** The routed page, to ask before logging out of unsaved changes. */
  private activePage: unknown = null;
  protected readonly langs = LANGS;
  private readonly allNav: readonly NavItem[] = [
    { path: '/dashboard', label: 'nav.dashboard', need: 'viewer' },
    { path: '/clippings', label: 'nav.clippings', need: 'viewer' },
    { path: '/import', label: 'nav.import', need: 'editor', exact: true },
    { path: '/import/issue', label: 'nav.importIssue', need: 'editor' },
    { path: '/continuations/waiting', label: 'nav.waiting', need: 'viewer' },
    { path: '/articles', label: 'nav.articles', need: 'viewer' },
    { path: '/issues', label: 'nav.issues', need: 'viewer' },
    { path: '/stories', label: 'nav.stories', need: 'viewer' },
    { path: '/tags', label: 'nav.tags', need: 'viewer' },
    { path: '/regions', label: 'nav.regions', need: 'viewer' },
    { path: '/publications', label: 'nav.publications', need: 'viewer' },
    { path: '/admin/users', label: 'nav.users', need: 'admin' },
    { path: '/admin/audit', label: 'nav.audit', need: 'admin' },
    { path: '/admin/trash', label: 'nav.trash', need: 'admin' },
  ];
  protected readonly nav = computed(() => this.allNav.filter((item) => this.auth.can(item.need)));
  protected readonly changingPassword = signal(false);
  private readonly dashboardApi = inject(DashboardApi);
  /** The work queues' counts for the navigation (read again on every navigation but to the dashboard, which reads them itself). */
  protected readonly queues = this.dashboardApi.queueCounts;
  protected readonly queueItems = WORK_QUEUES;
  protected readonly roleLabel = computed(() => {
    const role = this.auth.role();
    return role ? this.t(`role.${role}`) : '';
  });

  constructor() {
    // A refusal stays on screen across the guard's redirect that reported it, not onto later pages.
    this.router.events
      .pipe(
        filter((e): e is NavigationEnd => e instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe((e) => {
        this.auth.dismissForbidden(REFUSAL_SURVIVES_MS);
        if (this.auth.loggedIn() && !e.urlAfterRedirects.startsWith('/dashboard'))
          this.dashboardApi.refreshQueues();
      });
  }

  protected onLangChange(value: string): void {
    if (isLang(value)) this.i18n.setLang(value);
  }

  protected onActivate(page: unknown): void {
    this.activePage = page;
  }

  protected async logout(): Promise<void> {
    this.changingPassword.set(false);
    // Asked before the session ends, not by the route guard after it (staying would then be useless).
    if (!confirmLeaving(this.activePage, this.t, this.view)) return;
    await this.auth.logout();
    await this.router.navigateByUrl('/login', { state: { [ALREADY_CONFIRMED]: true } });
  }
}
