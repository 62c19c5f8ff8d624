import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Publication } from '@jianbao/contracts';
import { I18n } from '../../shared/i18n/i18n';
import { PublicationForm } from './publication-form';

describe('PublicationForm', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).setLang('zh-CN');
  });

  afterEach(() => http.verify());

  async function setup() {
    const fixture = TestBed.createComponent(PublicationForm);
    fixture.componentRef.setInput('idPrefix', 'p');
    const el = fixture.nativeElement as HTMLElement;
    const saved: Publication[] = [];
    fixture.componentInstance.saved.subscribe((p) => saved.push(p));
    await fixture.whenStable();
    const name = el.querySelector<HTMLInputElement>('#p-name')!;
    name.value = '济宁日报';
    name.dispatchEvent(new Event('input'));
    el.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await fixture.whenStable();
    return { fixture, el, saved };
  }

  it('creates a publication and emits it', async () => {
    const { fixture, saved } = await setup();
    const req = http.expectOne({ method: 'POST', url: '/api/publications' });
    expect(req.request.body).toEqual({
      name: '济宁日报',
      shortName: null,
      homeRegionCode: null,
      notes: null,
    });
    req.flush({ id: 1, name: '济宁日报' });
    await fixture.whenStable();
    expect(saved.map((p) => p.id)).toEqual([1]);
  });

  it('shows a duplicate name (409) beside the name field', async () => {
    const { fixture, el, saved } = await setup();
    http
      .expectOne({ method: 'POST', url: '/api/publications' })
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'duplicate name' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    expect(el.querySelector('#p-name-err')!.textContent).toContain('已存在同名报刊');
    expect(el.querySelector('#p-name')!.getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector('.alert.error')).toBeNull();
    expect(saved).toEqual([]);
  });
});
