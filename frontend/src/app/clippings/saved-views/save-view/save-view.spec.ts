import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Role, SavedView } from '@jianbao/contracts';
import { provideSignedInAs } from '../../../auth/auth-testing';
import { queryParamsToState } from '../../clipping-list-state';
import { SavedViewsStore } from '../saved-views-store';
import { SaveView } from './save-view';

function view(id: number, name: string, query: string, extra: Partial<SavedView> = {}): SavedView {
  return {
    id,
    name,
    query,
    shared: false,
    ownerId: 1,
    ownerName: '测试用户',
    editable: true,
    count: 3,
    countExact: true,
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    ...extra,
  };
}

describe('SaveView', () => {
  let http: HttpTestingController;

  function setUp(role: Role, views: SavedView[], url: Record<string, string>) {
    TestBed.configureTestingModule({
      imports: [SaveView],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideSignedInAs(role)],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(SavedViewsStore).views.set(views);
    const fixture = TestBed.createComponent(SaveView);
    fixture.componentRef.setInput('params', queryParamsToState(url));
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const button = (text: RegExp) =>
      Array.from(el.querySelectorAll('button')).find((b) => text.test(b.textContent ?? ''))!;
    const type = (name: string) => {
      const input = el.querySelector<HTMLInputElement>('#view-name')!;
      input.value = name;
      input.dispatchEvent(new Event('input'));
      fixture.detectChanges();
    };
    const submit = () => {
      el.querySelector('form')!.dispatchEvent(new Event('submit'));
      fixture.detectChanges();
    };
    return { fixture, el, button, type, submit };
  }

  afterEach(() => http.verify());

  it('saves the list’s search under a new name and reloads the views', () => {
    const { el, button, type, submit, fixture } = setUp('editor', [], {
      kind: 'brief',
      q: '梁山',
      page: '3',
    });
    button(/保存为视图/).click();
    fixture.detectChanges();
    expect(el.querySelector('input[type="checkbox"]')).toBeNull(); // only admins share
    type('  梁山简讯 ');
    submit();
    const req = http.expectOne('/api/saved-views');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ name: '梁山简讯', query: 'kind=brief&q=%E6%A2%81%E5%B1%B1' });
    req.flush(view(5, '梁山简讯', 'kind=brief&q=%E6%A2%81%E5%B1%B1'));
    http.expectOne('/api/saved-views').flush([]);
    fixture.detectChanges();
    expect(el.querySelector('[role="status"]')?.textContent).toContain('已保存视图“梁山简讯”');
  });

  it('re-saves one’s own view of the same name, and names the view the list shows', () => {
    const { el, button, type, submit, fixture } = setUp('viewer', [view(7, '简讯', 'kind=brief')], {
      kind: 'brief',
    });
    expect(el.querySelector('[data-testid="current-view"]')?.textContent).toContain('当前视图：简讯');
    // Now a different search, saved under the view's name: an update of that view.
    fixture.componentRef.setInput('params', queryParamsToState({ kind: 'photo' }));
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="current-view"]')).toBeNull();
    button(/保存为视图/).click();
    fixture.detectChanges();
    type('简讯');
    expect(button(/更新视图“简讯”/)).toBeDefined();
    submit();
    const req = http.expectOne('/api/saved-views/7');
    expect([req.request.method, req.request.body]).toEqual(['PATCH', { query: 'kind=photo' }]);
    req.flush(view(7, '简讯', 'kind=photo'));
    http.expectOne('/api/saved-views').flush([]);
  });

  it('says why a save failed: an empty name, a taken name', () => {
    const { el, button, type, submit, fixture } = setUp('admin', [], {});
    button(/保存为视图/).click();
    fixture.detectChanges();
    expect(el.querySelector('input[type="checkbox"]')).not.toBeNull();
    submit();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('请填写视图名称');
    type('全馆');
    submit();
    http
      .expectOne('/api/saved-views')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'A view named "全馆" already exists' },
        { status: 409, statusText: 'Conflict' },
      );
    fixture.detectChanges();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('已有名为“全馆”的视图');
  });
});
