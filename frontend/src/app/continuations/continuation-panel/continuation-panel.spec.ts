import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, provideRouter } from '@angular/router';
import type { Clipping, ContinuationView } from '@jianbao/contracts';
import { I18n } from '../../shared/i18n/i18n';
import { ContinuationPanel } from './continuation-panel';
import { provideSignedInAs } from '../../auth/auth-testing';

const linked: ContinuationView = {
  articleId: 3,
  chain: [
    { clippingId: 7, pageLabel: '1', title: '鱼台：护学岗守护上学路', excerpt: '“以前接送孩子……' },
    { clippingId: 8, pageLabel: '2', title: null, excerpt: '已全部改造完毕。' },
  ],
  suggestions: [],
};

const alone: ContinuationView = {
  articleId: null,
  chain: [{ clippingId: 8, pageLabel: '2', title: null, excerpt: '已全部改造完毕。' }],
  suggestions: [
    {
      id: 21,
      headId: 7,
      tailId: 8,
      score: 0.874,
      reasons: ['转版标记一致（1版A）', '接缝处句子连续'],
      status: 'proposed',
      source: 'rule',
      other: {
        id: 7,
        publicationId: 1,
        publicationName: '济宁日报',
        issueDate: '2024-10-22',
        pageLabel: '1',
        kind: 'article',
        title: '鱼台：护学岗守护上学路',
        excerpt: '“以前接送孩子……',
      },
    },
  ],
};

describe('ContinuationPanel', () => {
  let fixture: ComponentFixture<ContinuationPanel>;
  let http: HttpTestingController;
  let el: HTMLElement;

  const button = (text: string): HTMLButtonElement => {
    const found = Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
    if (!found) throw new Error(`no button ${text}`);
    return found;
  };

  async function open(id: number | null, view?: ContinuationView): Promise<void> {
    fixture.componentRef.setInput('clippingId', id);
    await fixture.whenStable();
    if (view) {
      http.expectOne(`/api/clippings/${id}/continuation`).flush(view);
      await fixture.whenStable();
    }
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ContinuationPanel],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideSignedInAs('editor'),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).setLang('zh-CN');
    fixture = TestBed.createComponent(ContinuationPanel);
    el = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  it('opened from the waiting list (?link=hand), puts the manual link search in focus', async () => {
    fixture.destroy();
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      imports: [ContinuationPanel],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideSignedInAs('editor'),
        {
          provide: ActivatedRoute,
          useValue: { snapshot: { queryParamMap: convertToParamMap({ link: 'hand' }) } },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).setLang('zh-CN');
    fixture = TestBed.createComponent(ContinuationPanel);
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    try {
      await open(8, alone);
      await fixture.whenStable();
      expect(document.activeElement).toBe(el.querySelector('#continuation-q'));
    } finally {
      el.remove();
    }
  });

  it('without ?link=hand leaves the focus where it is', async () => {
    document.body.appendChild(el);
    try {
      await open(8, alone);
      expect(document.activeElement).not.toBe(el.querySelector('#continuation-q'));
    } finally {
      el.remove();
    }
  });

  it('renders nothing for a new clipping', async () => {
    await open(null);
    expect(el.textContent?.trim()).toBe('');
  });

  it('shows the chain with the current part highlighted, the reader link and unlinking', async () => {
    await open(8, linked);
    const items = el.querySelectorAll('.chain li');
    expect(items).toHaveLength(2);
    expect(items[0]!.querySelector('a')?.getAttribute('href')).toBe('/clippings/7');
    expect(items[0]!.textContent).toContain('第1版');
    expect(items[1]!.getAttribute('aria-current')).toBe('true');
    expect(el.querySelector('a[href="/articles/3"]')?.textContent).toContain('阅读全文');
    expect(() => button('断开下文')).toThrow();

    button('断开上文').click();
    await fixture.whenStable();
    const req = http.expectOne({ method: 'PUT', url: '/api/clippings/8/continuation' });
    expect(req.request.body).toEqual({ previousPartId: null });
    req.flush({ ...alone, suggestions: [] });
    await fixture.whenStable();
    expect(el.textContent).toContain('这条剪报没有续接');
  });

  it('lists suggestions with reasons and score, and accepts one', async () => {
    await open(8, alone);
    const s = el.querySelector('.suggestion')!;
    expect(s.textContent).toContain('上文候选');
    expect(s.textContent).toContain('可信度 87%');
    expect(Array.from(s.querySelectorAll('.reasons li')).map((li) => li.textContent)).toEqual(
      alone.suggestions[0]!.reasons,
    );

    button('确认').click();
    await fixture.whenStable();
    http.expectOne({ method: 'POST', url: '/api/continuations/suggestions/21/accept' }).flush(linked);
    await fixture.whenStable();
    expect(el.querySelectorAll('.chain li')).toHaveLength(2);
  });

  it('reloads its own view after rejecting from the head side', async () => {
    await open(7, {
      ...alone,
      chain: [linked.chain[0]!],
      suggestions: [{ ...alone.suggestions[0]!, other: { ...alone.suggestions[0]!.other, id: 8 } }],
    });
    button('否决').click();
    await fixture.whenStable();
    http.expectOne('/api/continuations/suggestions/21/reject').flush(alone);
    await fixture.whenStable();
    http
      .expectOne('/api/clippings/7/continuation')
      .flush({ articleId: null, chain: [linked.chain[0]!], suggestions: [] });
    await fixture.whenStable();
    expect(el.querySelector('.suggestion')).toBeNull();
  });

  const press = (key: string, target: EventTarget = document.body): void => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  };

  it('takes a to accept the only suggestion, and r to reject the one j moved to', async () => {
    document.body.append(el);
    const two: ContinuationView = {
      ...alone,
      suggestions: [alone.suggestions[0]!, { ...alone.suggestions[0]!, id: 22, score: 0.6 }],
    };
    await open(8, two);
    // Two suggestions and none chosen yet: a and r do nothing.
    press('a');
    press('r');
    http.expectNone(() => true);
    press('j');
    press('j');
    expect(document.activeElement?.closest('.suggestion')).toBe(el.querySelectorAll('.suggestion')[1]);
    press('r');
    await fixture.whenStable();
    http.expectOne({ method: 'POST', url: '/api/continuations/suggestions/22/reject' }).flush(alone);
    await fixture.whenStable();
    expect(el.querySelectorAll('.suggestion')).toHaveLength(1);
    // Typed into the manual-link search field, a is a letter.
    const field = el.querySelector('input')!;
    press('a', field);
    http.expectNone(() => true);
    press('a');
    await fixture.whenStable();
    http.expectOne({ method: 'POST', url: '/api/continuations/suggestions/21/accept' }).flush(linked);
    await fixture.whenStable();
    expect(el.querySelectorAll('.chain li')).toHaveLength(2);
    el.remove();
  });

  it('searches the same publication and links by hand; shows a 409 inline', async () => {
    await open(8, alone);
    const input = el.querySelector<HTMLInputElement>('#continuation-q')!;
    input.value = '鱼台';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    button('搜索').click();
    await fixture.whenStable();
    http.expectOne('/api/clippings/8').flush({ id: 8, publicationId: 1 } as Clipping);
    await fixture.whenStable();
    const list = http.expectOne((r) => r.url === '/api/clippings');
    expect(list.request.params.get('q')).toBe('鱼台');
    expect(list.request.params.get('publicationId')).toBe('1');
    list.flush({
      items: [
        { id: 8 } as Clipping,
        {
          id: 7,
          title: '鱼台：护学岗守护上学路',
          body: '',
          issueDate: '2024-10-22',
          pageLabel: '1',
        } as Clipping,
      ],
      total: 2,
      page: 1,
      pageSize: 10,
    });
    await fixture.whenStable();
    expect(el.querySelectorAll('.results li')).toHaveLength(1);

    button('设为上文').click();
    await fixture.whenStable();
    const put = http.expectOne({ method: 'PUT', url: '/api/clippings/8/continuation' });
    expect(put.request.body).toEqual({ previousPartId: 7 });
    put.flush(
      { statusCode: 409, error: 'Conflict', message: '会形成环' },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('会形成环');
  });

  it('shows a 400 (across publications) with its message', async () => {
    await open(8, alone);
    fixture.componentInstance['setLink']({ nextPartId: 99 });
    http
      .expectOne('/api/clippings/8/continuation')
      .flush(
        { statusCode: 400, error: 'Bad Request', message: '不能跨报刊续接' },
        { status: 400, statusText: 'Bad' },
      );
    await fixture.whenStable();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('不能跨报刊续接');
  });
});
