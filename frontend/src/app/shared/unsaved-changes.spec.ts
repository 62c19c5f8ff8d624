import { TestBed } from '@angular/core/testing';
import type { ActivatedRouteSnapshot, RouterStateSnapshot } from '@angular/router';
import { I18n } from './i18n/i18n';
import {
  type HoldsUnsavedChanges,
  confirmLeaving,
  confirmUnload,
  holdsUnsavedChanges,
  unsavedChangesGuard,
} from './unsaved-changes';

function page(unsaved: boolean): HoldsUnsavedChanges {
  return { hasUnsavedChanges: () => unsaved, unsavedMessage: 'unsaved.clipping' };
}

function run(p: HoldsUnsavedChanges): unknown {
  return TestBed.runInInjectionContext(() =>
    unsavedChangesGuard(
      p,
      {} as ActivatedRouteSnapshot,
      {} as RouterStateSnapshot,
      {} as RouterStateSnapshot,
    ),
  );
}

describe('unsavedChangesGuard', () => {
  afterEach(() => jest.restoreAllMocks());

  it('lets a page without unsaved changes go without asking', () => {
    const confirm = jest.spyOn(window, 'confirm');
    expect(run(page(false))).toBe(true);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('asks in the UI language and stays when the answer is no', () => {
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(false);
    expect(run(page(true))).toBe(false);
    expect(confirm).toHaveBeenCalledWith('这条剪报有尚未保存的修改，离开后会丢失。确定离开吗？');
    TestBed.inject(I18n).setLang('en');
    confirm.mockReturnValue(true);
    expect(run(page(true))).toBe(true);
    expect(confirm).toHaveBeenLastCalledWith(
      'This clipping has unsaved changes that will be lost if you leave. Leave anyway?',
    );
    TestBed.inject(I18n).setLang('zh-CN');
  });
});

describe('confirmLeaving (logging out)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('asks only a page that holds unsaved changes', () => {
    const t = TestBed.inject(I18n).t;
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(false);
    expect(confirmLeaving({ title: 'not a page with changes' }, t, window)).toBe(true);
    expect(confirmLeaving(page(false), t, window)).toBe(true);
    expect(confirm).not.toHaveBeenCalled();
    expect(confirmLeaving(page(true), t, window)).toBe(false);
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(holdsUnsavedChanges(null)).toBe(false);
  });
});

describe('confirmUnload', () => {
  it('asks the browser to confirm only with unsaved changes', () => {
    const clean = new Event('beforeunload', { cancelable: true }) as BeforeUnloadEvent;
    confirmUnload(clean, page(false));
    expect(clean.defaultPrevented).toBe(false);
    const dirty = new Event('beforeunload', { cancelable: true }) as BeforeUnloadEvent;
    confirmUnload(dirty, page(true));
    expect(dirty.defaultPrevented).toBe(true);
  });
});
