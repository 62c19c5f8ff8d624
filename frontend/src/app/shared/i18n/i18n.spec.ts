import { TestBed } from '@angular/core/testing';
import { I18n, LANG_STORAGE_KEY, interpolate, isLang } from './i18n';
import { EN, ZH_CN } from './messages';

describe('interpolate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('共 {total} 条', { total: 12 })).toBe('共 12 条');
    expect(interpolate('{a} {b}', { a: 'x' })).toBe('x {b}');
    expect(interpolate('no params')).toBe('no params');
  });
});

describe('I18n', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
  });

  it('speaks Simplified Chinese by default and sets <html lang>', () => {
    const i18n = TestBed.inject(I18n);
    expect(i18n.lang()).toBe('zh-CN');
    expect(i18n.t('nav.clippings')).toBe('剪报');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('switches to English, remembers the choice and updates <html lang>', () => {
    const i18n = TestBed.inject(I18n);
    i18n.setLang('en');
    expect(i18n.t('nav.clippings')).toBe('Clippings');
    expect(i18n.t('clippings.total', { total: 3 })).toBe('3 in all');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('starts in the stored language and ignores junk in storage', () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    expect(TestBed.inject(I18n).lang()).toBe('en');
    TestBed.resetTestingModule();
    localStorage.setItem(LANG_STORAGE_KEY, 'klingon');
    expect(TestBed.inject(I18n).lang()).toBe('zh-CN');
  });

  it('has an English string for every key, none blank', () => {
    expect(Object.keys(EN).sort()).toEqual(Object.keys(ZH_CN).sort());
    for (const value of [...Object.values(EN), ...Object.values(ZH_CN)]) expect(value.trim()).not.toBe('');
  });

  it('isLang guards the two languages', () => {
    expect(isLang('en')).toBe(true);
    expect(isLang('zh-TW')).toBe(false);
    expect(isLang(null)).toBe(false);
  });
});
