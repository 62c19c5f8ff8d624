import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { I18n } from '../i18n/i18n';
import { LongAction, tookText } from './long-action';

describe('LongAction', () => {
  let fixture: ComponentFixture<LongAction>;

  beforeEach(() => {
    jest.useFakeTimers({ now: 2_000_000 });
    localStorage.clear();
    TestBed.inject(I18n).setLang('zh-CN');
    fixture = TestBed.createComponent(LongAction);
    fixture.componentRef.setInput('count', 3400);
    fixture.componentRef.setInput('startedAt', 2_000_000);
  });

  afterEach(() => {
    fixture.destroy();
    jest.useRealTimers();
  });

  it('shows the count being worked on and counts the seconds up', () => {
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[role=status]')?.textContent).toBe('正在处理 3,400 条剪报…');
    expect(el.querySelector('[data-testid=elapsed]')?.textContent).toBe('已用 0 秒');
    expect(el.querySelector('progress')?.getAttribute('aria-label')).toBe('正在处理 3,400 条剪报…');
    jest.advanceTimersByTime(12_000);
    fixture.detectChanges();
    expect(el.querySelector('[data-testid=elapsed]')?.textContent).toBe('已用 12 秒');
    jest.advanceTimersByTime(60_000);
    fixture.detectChanges();
    expect(el.querySelector('[data-testid=elapsed]')?.textContent).toBe('已用 1 分 12 秒');
  });

  it('says the time taken at the end, in English too', () => {
    const i18n = TestBed.inject(I18n);
    expect(tookText(i18n.t, 0, 14_500)).toBe('用时 14 秒。');
    i18n.setLang('en');
    expect(tookText(i18n.t, 0, 14_500)).toBe('Took 14 s.');
  });
});
