import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Article } from '@jianbao/contracts';
import { I18n } from '../../shared/i18n/i18n';
import { ArticleReader } from './article-reader';

const head = '今年以来，鱼台县实施校园周边道路交通整治提升工程，全县31所中';
const tail = '小学校的48个校区已全部改造完毕。\n“现在学校周边的交通环境令人放心了。”';
const article: Article = {
  id: 3,
  kicker: null,
  title: '鱼台：护学岗守护上学路',
  subtitle: '全县48个校区完成交通整治',
  byline: '本报记者 王小明',
  publicationId: 1,
  publicationName: '济宁日报',
  issueDate: '2024-10-22',
  parts: [
    { clippingId: 7, pageLabel: '1', title: '鱼台：护学岗守护上学路', excerpt: head },
    { clippingId: 8, pageLabel: '2', title: null, excerpt: tail },
  ],
  body: head + tail,
  boundaries: [
    { clippingId: 7, pageLabel: '1', start: 0, end: head.length },
    { clippingId: 8, pageLabel: '2', start: head.length, end: head.length + tail.length },
  ],
};

describe('ArticleReader', () => {
  let fixture: ComponentFixture<ArticleReader>;
  let http: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ArticleReader],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).setLang('zh-CN');
    fixture = TestBed.createComponent(ArticleReader);
    el = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  async function open(): Promise<void> {
    fixture.componentRef.setInput('id', '3');
    await fixture.whenStable();
    http.expectOne('/api/articles/3').flush(article);
    await fixture.whenStable();
  }

  it('shows title, publication, parts and the body with a page divider', async () => {
    await open();
    expect(el.querySelector('h1')?.textContent).toBe('鱼台：护学岗守护上学路');
    expect(el.querySelector('.meta')?.textContent).toContain('济宁日报 · 2024-10-22 · 共 2 部分');
    expect(el.querySelector('.subtitle')?.textContent).toBe('全县48个校区完成交通整治');
    expect(el.querySelector('.byline')?.textContent).toBe('本报记者 王小明');
    expect(Array.from(el.querySelectorAll('.parts a')).map((a) => a.getAttribute('href'))).toEqual([
      '/clippings/7',
      '/clippings/8',
    ]);
    const body = Array.from(el.querySelectorAll('.body p')).map((p) => p.textContent?.trim());
    expect(body).toEqual([
      head,
      '— 第2版 —',
      '小学校的48个校区已全部改造完毕。',
      '“现在学校周边的交通环境令人放心了。”',
    ]);
  });

  it('downloads the Markdown export under the server’s file name', async () => {
    await open();
    const created: Blob[] = [];
    URL.createObjectURL = jest.fn((b: Blob) => {
      created.push(b);
      return 'blob:x';
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('鱼台.md');
      expect(this.href).toBe('blob:x');
    });
    Array.from(el.querySelectorAll('button'))
      .find((b) => b.textContent?.includes('Markdown'))!
      .click();
    await fixture.whenStable();
    const req = http.expectOne((r) => r.url === '/api/articles/3/export');
    expect(req.request.params.get('format')).toBe('md');
    expect(req.request.responseType).toBe('text');
    req.flush('# 鱼台', {
      headers: {
        'Content-Type': 'text/markdown; charset=utf-8',
        'Content-Disposition': "attachment; filename*=UTF-8''%E9%B1%BC%E5%8F%B0.md",
      },
    });
    await fixture.whenStable();
    expect(click).toHaveBeenCalled();
    expect(created[0]?.type).toBe('text/markdown; charset=utf-8');
    click.mockRestore();
  });

  it('says so when the article does not exist', async () => {
    fixture.componentRef.setInput('id', '99');
    await fixture.whenStable();
    http
      .expectOne('/api/articles/99')
      .flush({ statusCode: 404, error: 'Not Found', message: 'x' }, { status: 404, statusText: 'NF' });
    await fixture.whenStable();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('找不到');
  });
});
