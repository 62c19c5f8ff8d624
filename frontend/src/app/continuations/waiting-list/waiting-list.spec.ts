import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Publication, WaitingPart } from '@jianbao/contracts';
import { provideSignedInAs } from '../../auth/auth-testing';
import { I18n } from '../../shared/i18n/i18n';
import { WaitingList } from './waiting-list';

const part: WaitingPart = {
  clipping: {
    id: 12,
    publicationId: 1,
    publicationName: '济宁日报',
    issueDate: '2024-10-22',
    pageLabel: '2',
    kind: 'article',
    title: null,
    excerpt: '清风扬帆，锻造忠诚廉洁的青年干部队伍。',
  },
  waitingFor: 'head',
  expects: { page: '1', label: 'A', marker: '（上接1版A）' },
};

describe('WaitingList', () => {
  let fixture: ComponentFixture<WaitingList>;
  let http: HttpTestingController;
  let el: HTMLElement;

  function setUp(role: 'editor' | 'viewer'): void {
    TestBed.configureTestingModule({
      imports: [WaitingList],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideSignedInAs(role),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).setLang('zh-CN');
    fixture = TestBed.createComponent(WaitingList);
    el = fixture.nativeElement as HTMLElement;
  }

  beforeEach(() => {
    localStorage.clear();
    setUp('editor');
  });

  afterEach(() => http.verify());

  it('loads the parts matching the URL filters and links each to its clipping', async () => {
    fixture.componentRef.setInput('publicationId', '1');
    fixture.componentRef.setInput('from', '2024-10-01');
    fixture.componentRef.setInput('to', 'garbage');
    await fixture.whenStable();
    http.expectOne('/api/publications').flush([{ id: 1, name: '济宁日报' } as Publication]);
    const req = http.expectOne((r) => r.url === '/api/continuations/waiting');
    expect(req.request.params.get('publicationId')).toBe('1');
    expect(req.request.params.get('from')).toBe('2024-10-01');
    expect(req.request.params.has('to')).toBe(false);
    req.flush([part]);
    await fixture.whenStable();

    const row = el.querySelector('tbody tr')!;
    expect(row.textContent).toContain('济宁日报');
    expect(row.textContent).toContain('等上文');
    expect(row.textContent).toContain('第1版A');
    expect(row.querySelector('a')?.getAttribute('href')).toBe('/clippings/12');
    expect(el.querySelector<HTMLSelectElement>('#waiting-publication')!.value).toBe('1');
    expect(el.querySelector<HTMLInputElement>('#waiting-from')!.value).toBe('2024-10-01');
  });

  it('names the page a part waits for with its edition letter (`（上接A01版）` → 第A1版)', async () => {
    await fixture.whenStable();
    http.expectOne('/api/publications').flush([]);
    http
      .expectOne('/api/continuations/waiting')
      .flush([{ ...part, expects: { page: '1', label: null, edition: 'A', marker: '（上接A01版）' } }]);
    await fixture.whenStable();
    expect(el.querySelector('tbody tr')!.textContent).toContain('第A1版');
  });

  it('offers editors a "link by hand" action that opens the part with its manual link search', async () => {
    await fixture.whenStable();
    http.expectOne('/api/publications').flush([]);
    http.expectOne('/api/continuations/waiting').flush([part]);
    await fixture.whenStable();
    const action = el.querySelector<HTMLAnchorElement>('[data-testid="link-by-hand"]');
    expect(action?.textContent?.trim()).toBe('手动续接');
    expect(action?.getAttribute('href')).toBe('/clippings/12?link=hand');
    expect(el.querySelectorAll('thead th')).toHaveLength(7);
  });

  it('shows a viewer the parts without the action', async () => {
    http.verify();
    TestBed.resetTestingModule();
    setUp('viewer');
    await fixture.whenStable();
    http.expectOne('/api/publications').flush([]);
    http.expectOne('/api/continuations/waiting').flush([part]);
    await fixture.whenStable();
    expect(el.querySelector('tbody tr')?.textContent).toContain('济宁日报');
    expect(el.querySelector('[data-testid="link-by-hand"]')).toBeNull();
    expect(el.querySelectorAll('thead th')).toHaveLength(6);
  });

  it('puts a changed filter into the URL and shows an empty list politely', async () => {
    await fixture.whenStable();
    http.expectOne('/api/publications').flush([]);
    http.expectOne('/api/continuations/waiting').flush([]);
    await fixture.whenStable();
    expect(el.textContent).toContain('没有待续的稿件');

    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const to = el.querySelector<HTMLInputElement>('#waiting-to')!;
    to.value = '2024-10-31';
    to.dispatchEvent(new Event('change'));
    expect(navigate).toHaveBeenCalledWith([], {
      queryParams: { publicationId: null, from: null, to: '2024-10-31' },
      replaceUrl: false,
    });
  });

  it('shows a failed load', async () => {
    await fixture.whenStable();
    http.expectOne('/api/publications').flush([]);
    http
      .expectOne('/api/continuations/waiting')
      .flush(
        { statusCode: 500, error: 'Internal', message: 'boom' },
        { status: 500, statusText: 'Internal' },
      );
    await fixture.whenStable();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('服务器出错（500）');
  });
});
