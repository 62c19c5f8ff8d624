import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Role, SavedView, SessionInfo, WorkQueues } from '@jianbao/contracts';
import { App } from './app';
import { authInterceptor } from './auth/auth.interceptor';
import { AuthService } from './auth/auth.service';
import { LANG_STORAGE_KEY } from './shared/i18n/i18n';

function session(role: Role): SessionInfo {
  return {
    user: {
      id: 1,
      username: '王编辑',
      role,
      disabled: false,
      createdAt: '2024-01-01T00:00:00Z',
      lastLoginAt: null,
    },
    csrfToken: 'csrf-1',
    expiresAt: '2099-01-01T00:00:00Z',
  };
}

const QUEUES: WorkQueues = {
  drafts: 3,
  withoutRegion: 1,
  withoutTopic: 0,
  waitingParts: 4,
  proposedLinks: 1,
  firstProposedClippingId: 17,
  sameStory: 2,
  unassignedImports: 5,
};

describe('App shell', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    jest.restoreAllMocks();
    http.verify();
  });

  async function logIn(role: Role | null): Promise<void> {
    const loaded = TestBed.inject(AuthService).load();
    const me = http.expectOne('/api/auth/me');
    if (role) me.flush(session(role));
    else
      me.flush(
        { statusCode: 401, error: 'Unauthorized', message: '请先登录' },
        { status: 401, statusText: 'Unauthorized' },
      );
    http.expectOne('/api/health').flush({ status: 'ok', database: 'ok', version: '1', setupRequired: false });
    await loaded;
  }

  async function render(views: SavedView[] = []) {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    // The navigation's saved views load once logged in.
    for (const req of http.match('/api/saved-views')) req.flush(views);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const links = () =>
      Array.from(el.querySelectorAll('nav ul:not(.queues) a')).map((a) => a.textContent?.trim());
    return { fixture, el, links };
  }

  it('shows the sections an editor may use in Chinese and switches to English', async () => {
    await logIn('editor');
    const { fixture, el, links } = await render();
    expect(links()).toEqual([
      '工作台',
      '剪报',
      '导入',
      '整期导入',
      '待续',
      '续篇文章',
      '版面',
      '同稿审核',
      '标签',
      '地区',
      '报刊',
    ]);
    expect(el.querySelector('[data-testid="current-user"]')?.textContent).toContain('王编辑（编辑）');

    const select = el.querySelector<HTMLSelectElement>('#app-lang')!;
    expect(el.querySelector('label[for="app-lang"]')).not.toBeNull();
    select.value = 'en';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(links()).toEqual([
      'Dashboard',
      'Clippings',
      'Import',
      'Import an issue',
      'Waiting parts',
      'Continued articles',
      'Issues',
      'Story review',
      'Tags',
      'Regions',
      'Publications',
    ]);
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
  });

  it('offers users and the audit log to admins only, and no filing to viewers', async () => {
    await logIn('admin');
    const admin = await render();
    expect(admin.links()).toEqual([
      '工作台',
      '剪报',
      '导入',
      '整期导入',
      '待续',
      '续篇文章',
      '版面',
      '同稿审核',
      '标签',
      '地区',
      '报刊',
      '用户',
      '审计日志',
      '回收站',
    ]);
    admin.fixture.destroy();

    TestBed.inject(AuthService).clear();
    await logIn('viewer');
    const viewer = await render();
    expect(viewer.links()).toEqual([
      '工作台',
      '剪报',
      '待续',
      '续篇文章',
      '版面',
      '同稿审核',
      '标签',
      '地区',
      '报刊',
    ]);
  });

  it('shows a refusal for the role until closed, or until a later navigation', async () => {
    await logIn('editor');
    const { fixture, el } = await render();
    const auth = TestBed.inject(AuthService);
    const banner = () => el.querySelector('.forbidden')?.textContent ?? null;

    auth.refuse('需要管理员权限');
    await fixture.whenStable();
    expect(banner()).toContain('你的角色无权执行此操作：需要管理员权限');
    el.querySelector<HTMLButtonElement>('.forbidden button')!.click();
    await fixture.whenStable();
    expect(banner()).toBeNull();

    auth.refuse('');
    await fixture.whenStable();
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/', { onSameUrlNavigation: 'reload' }); // the guard's redirect
    await fixture.whenStable();
    expect(banner()).toContain('你的角色无权执行此操作。');
    const later = Date.now() + 5000;
    jest.spyOn(Date, 'now').mockReturnValue(later);
    await router.navigateByUrl('/', { onSameUrlNavigation: 'reload' }); // the user moves on
    await fixture.whenStable();
    expect(banner()).toBeNull();
    // Every navigation asks for the work queues' counts again.
    for (const req of http.match('/api/dashboard/queues')) req.flush(QUEUES);
  });

  it('lists the work queues with their counts after a navigation, each opening its page', async () => {
    await logIn('editor');
    const { fixture, el } = await render();
    expect(el.querySelector('[data-testid="nav-queues"]')).toBeNull();
    await TestBed.inject(Router).navigateByUrl('/');
    http.expectOne('/api/dashboard/queues').flush(QUEUES);
    await fixture.whenStable();
    const queue = (key: string) =>
      el.querySelector<HTMLElement>(`[data-testid="nav-queues"] [data-queue="${key}"]`);
    expect(queue('drafts')?.textContent).toContain('待审草稿');
    expect(queue('drafts')?.querySelector('.count')?.textContent).toBe('3');
    expect(queue('drafts')?.getAttribute('href')).toBe('/clippings?status=draft');
    expect(queue('withoutRegion')?.getAttribute('href')).toBe('/clippings?missing=region');
    expect(queue('proposedLinks')?.getAttribute('href')).toBe('/clippings/17');
    // Proposed story groups open the review queue.
    expect(queue('sameStory')?.getAttribute('href')).toBe('/stories');
    expect(queue('sameStory')?.querySelector('.count')?.textContent).toBe('2');
    // Filed pages with unassigned lines open their review page.
    expect(queue('unassignedImports')?.textContent).toContain('有未归类行的版面');
    expect(queue('unassignedImports')?.getAttribute('href')).toBe('/dashboard/unassigned');
    expect(queue('unassignedImports')?.querySelector('.count')?.textContent).toBe('5');
  });

  it('lists the saved views with their counts, each opening the list at its query', async () => {
    await logIn('viewer');
    const view = (id: number, name: string, count: number | null, shared: boolean): SavedView => ({
      id,
      name,
      query: 'kind=brief&q=%E6%A2%81%E5%B1%B1',
      shared,
      ownerId: 1,
      ownerName: '王编辑',
      editable: !shared,
      count,
      countExact: true,
      createdAt: '2024-01-01T00:00:00Z',
      updatedAt: '2024-01-01T00:00:00Z',
    });
    const { el } = await render([view(1, '梁山简讯', 12, false), view(2, '全馆', null, true)]);
    const items = Array.from(el.querySelectorAll<HTMLAnchorElement>('[data-testid="saved-view"]'));
    const parts = (a: HTMLElement) =>
      Array.from(a.querySelectorAll('span')).map((s) => s.textContent?.trim());
    expect(items.map(parts)).toEqual([
      ['梁山简讯', '12 条'],
      ['全馆', '查询已失效', '共享'],
    ]);
    expect(items[0]?.getAttribute('href')).toBe('/clippings?kind=brief&q=%E6%A2%81%E5%B1%B1');
  });

  it('shows no navigation to somebody not logged in', async () => {
    await logIn(null);
    const { el } = await render();
    expect(el.querySelector('nav')).toBeNull();
    expect(el.querySelector('.user-menu')).toBeNull();
    // The language can still be chosen on the login and setup screens.
    expect(el.querySelector('label[for="app-lang-anon"]')).not.toBeNull();
  });
});
