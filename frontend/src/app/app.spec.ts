import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { App } from './app';
import { LANG_STORAGE_KEY } from './shared/i18n/i18n';

describe('App shell', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ imports: [App], providers: [provideRouter([])] });
  });

  it('shows the six sections in Chinese and switches to English', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const links = () => Array.from(el.querySelectorAll('nav a')).map((a) => a.textContent?.trim());
    expect(links()).toEqual(['剪报', '导入', '待续', '标签', '地区', '报刊']);

    const select = el.querySelector<HTMLSelectElement>('#app-lang')!;
    expect(el.querySelector('label[for="app-lang"]')).not.toBeNull();
    select.value = 'en';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(links()).toEqual(['Clippings', 'Import', 'Waiting parts', 'Tags', 'Regions', 'Publications']);
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
  });
});
