import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { I18n } from '../../i18n/i18n';
import { registerKeys } from '../keyboard';
import { KeyHelp } from './key-help';

const saved: string[] = [];

@Component({
  selector: 'jb-page',
  imports: [KeyHelp],
  template: '<button id="before">before</button><jb-key-help />',
})
class Page {
  constructor() {
    registerKeys([
      { keys: 'j', label: 'keys.list.next', run: () => void saved.push('j') },
      { keys: 'mod+s', label: 'keys.form.save', whileTyping: true, run: () => void saved.push('save') },
    ]);
  }
}

function press(
  key: string,
  target: EventTarget = document.body,
  init: KeyboardEventInit = {},
): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(e);
  return e;
}

describe('KeyHelp', () => {
  let fixture: ComponentFixture<Page>;
  const el = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const dialog = (): HTMLElement | null => el().querySelector('[role="dialog"]');

  beforeEach(async () => {
    saved.length = 0;
    localStorage.clear();
    TestBed.inject(I18n).setLang('zh-CN');
    fixture = TestBed.createComponent(Page);
    document.body.append(fixture.nativeElement);
    await fixture.whenStable();
  });

  afterEach(() => fixture.destroy());

  it('opens on ?, lists the page’s shortcuts in Chinese, and is a labelled modal dialog', async () => {
    press('?');
    await fixture.whenStable();
    const d = dialog();
    expect(d).not.toBeNull();
    expect(d?.getAttribute('aria-modal')).toBe('true');
    const title = el().querySelector(`#${d?.getAttribute('aria-labelledby')}`);
    expect(title?.textContent).toBe('键盘快捷键');
    expect(d?.querySelector('#keys-intro')?.textContent).toContain('（Ctrl+S 保存除外）');
    const rows = Array.from(d?.querySelectorAll('tbody tr') ?? []).map((r) =>
      Array.from(r.querySelectorAll('td')).map((td) => td.textContent?.trim()),
    );
    // In registration order: here the page registered before its overlay (the shell's comes first in the app).
    expect(rows).toEqual([
      ['j', '下一条剪报'],
      ['Ctrl+S', '保存剪报'],
      ['?', '显示本列表'],
    ]);
    expect(document.activeElement?.textContent?.trim()).toBe('关闭');
  });

  it('keeps page shortcuts quiet while open, closes on Esc and gives focus back', async () => {
    const before = el().querySelector<HTMLButtonElement>('#before')!;
    before.focus();
    el().querySelector<HTMLButtonElement>('[data-testid="keys-button"]')!.click();
    await fixture.whenStable();
    press('j', document.activeElement ?? document.body);
    expect(saved).toEqual([]);
    press('Escape', dialog()!);
    await fixture.whenStable();
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(before);
    press('j');
    expect(saved).toEqual(['j']);
  });

  it('keeps Tab inside the dialog', async () => {
    press('?');
    await fixture.whenStable();
    const close = document.activeElement as HTMLElement;
    const tab = press('Tab', close);
    expect(tab.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(close);
    expect(press('Tab', close, { shiftKey: true }).defaultPrevented).toBe(true);
  });

  it('speaks English when the UI does', async () => {
    TestBed.inject(I18n).setLang('en');
    press('?');
    await fixture.whenStable();
    expect(dialog()?.querySelector('h2')?.textContent).toBe('Keyboard shortcuts');
    expect(dialog()?.textContent).toContain('Save the clipping');
  });
});
