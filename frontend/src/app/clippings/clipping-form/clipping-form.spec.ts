import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Clipping, Publication } from '@jianbao/contracts';
import { I18n } from '../../shared/i18n/i18n';
import { ClippingForm } from './clipping-form';

const publication: Publication = {
  id: 1,
  name: '济宁日报',
  shortName: null,
  homeRegionCode: '370800',
  language: 'zh-CN',
  notes: null,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
};

const clipping: Clipping = {
  id: 5,
  publicationId: 1,
  publicationName: '济宁日报',
  issueDate: '2024-03-05',
  pageLabel: 'A2',
  pageSort: 'A0002',
  kind: 'article',
  kicker: null,
  title: '梁山小小明信片倡树大文明',
  subtitle: null,
  byline: '本报记者 张三',
  dateline: null,
  body: '本报讯 近日，梁山县……',
  subheads: ['一、起步'],
  rawText: null,
  status: 'draft',
  continuesFrom: null,
  continuesTo: null,
  importId: null,
  articleId: null,
  previousPartId: null,
  nextPartId: null,
  tags: [],
  regions: [],
  version: 3,
  createdAt: '2024-03-05T08:00:00.000Z',
  updatedAt: '2024-03-05T08:00:00.000Z',
};

describe('ClippingForm', () => {
  let fixture: ComponentFixture<ClippingForm>;
  let http: HttpTestingController;
  let el: HTMLElement;

  const field = <T extends HTMLElement>(id: string): T => {
    const found = el.querySelector<T>(`#clipping-${id}`);
    if (!found) throw new Error(`no #clipping-${id}`);
    return found;
  };
  const type = (id: string, value: string): void => {
    const input = field<HTMLInputElement | HTMLTextAreaElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const choose = (id: string, index: number): void => {
    const select = field<HTMLSelectElement>(id);
    select.selectedIndex = index;
    select.dispatchEvent(new Event('change'));
  };
  const save = async (): Promise<void> => {
    el.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await fixture.whenStable();
  };
  const labelFor = (id: string): string =>
    el.querySelector(`label[for="clipping-${id}"]`)?.textContent?.trim() ?? '';

  async function create(id?: string): Promise<void> {
    fixture = TestBed.createComponent(ClippingForm);
    if (id !== undefined) fixture.componentRef.setInput('id', id);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/publications').flush([publication]);
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ClippingForm],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).setLang('zh-CN');
  });

  afterEach(() => http.verify());

  it('labels every control', async () => {
    await create();
    for (const id of [
      'publicationId',
      'issueDate',
      'pageLabel',
      'kind',
      'status',
      'title',
      'body',
      'subheads',
    ]) {
      expect(labelFor(id)).not.toBe('');
    }
    expect(labelFor('title')).toBe('标题');
  });

  it('blocks saving until the required fields are filled', async () => {
    await create();
    await save();
    http.expectNone('/api/clippings');
    expect(field('pageLabel').getAttribute('aria-invalid')).toBe('true');
    expect(field('pageLabel-err').textContent).toContain('必填');
  });

  it('shows a server-side validation message beside its field', async () => {
    await create();
    choose('publicationId', 1);
    type('issueDate', '2024-03-05');
    type('pageLabel', '第A版');
    type('title', '梁山小小明信片倡树大文明');
    type('body', '本报讯');
    type('subheads', '一、起步\n\n二、推广');
    await save();

    const req = http.expectOne({ method: 'POST', url: '/api/clippings' });
    expect(req.request.body).toMatchObject({
      publicationId: 1,
      issueDate: '2024-03-05',
      pageLabel: '第A版',
      kind: 'article',
      status: 'draft',
      title: '梁山小小明信片倡树大文明',
      kicker: null,
      subheads: ['一、起步', '二、推广'],
    });
    req.flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        details: [
          { field: 'pageLabel', errors: ['版面标签无法识别'] },
          { field: 'tagIds.0', errors: ['标签不存在'] },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    expect(field('pageLabel').getAttribute('aria-invalid')).toBe('true');
    expect(field('pageLabel-err').textContent).toContain('版面标签无法识别');
    expect(field('title').getAttribute('aria-invalid')).toBe('false');
    const top = el.querySelector('[data-testid=top-error]')!.textContent!;
    expect(top).toContain('有字段未通过校验');
    expect(top).toContain('tagIds: 标签不存在');

    // Editing the field clears its server message.
    type('pageLabel', 'A2');
    await fixture.whenStable();
    expect(field('pageLabel-err').textContent).not.toContain('版面标签无法识别');
  });

  it('sends version on save and offers a reload when the clipping changed meanwhile (409)', async () => {
    await create('5');
    http.expectOne('/api/clippings/5').flush(clipping);
    await fixture.whenStable();
    expect(field<HTMLInputElement>('title').value).toBe(clipping.title);

    type('title', '新标题');
    await save();
    const req = http.expectOne({ method: 'PATCH', url: '/api/clippings/5' });
    expect(req.request.body).toMatchObject({ title: '新标题', version: 3 });
    req.flush(
      { statusCode: 409, error: 'Conflict', message: 'version is stale' },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();

    const stale = el.querySelector('[data-testid=stale]')!;
    expect(stale.textContent).toContain('已被其他人修改');
    stale.querySelector('button')!.click();
    await fixture.whenStable();
    http.expectOne('/api/clippings/5').flush({ ...clipping, title: '别人的标题', version: 4 });
    await fixture.whenStable();
    expect(field<HTMLInputElement>('title').value).toBe('别人的标题');
    expect(el.querySelector('[data-testid=stale]')).toBeNull();
  });

  it('says so at the top when the clipping does not exist', async () => {
    await create('404');
    http
      .expectOne('/api/clippings/404')
      .flush(
        { statusCode: 404, error: 'Not Found', message: 'Clipping 404 not found' },
        { status: 404, statusText: 'Not Found' },
      );
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=top-error]')!.textContent).toContain('找不到');
    expect(el.querySelector('form')).toBeNull();
  });
});
