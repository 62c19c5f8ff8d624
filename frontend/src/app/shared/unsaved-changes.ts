import { DOCUMENT } from '@angular/common';
import { inject } from '@angular/core';
import { type CanDeactivateFn, Router } from '@angular/router';
import { I18n } from './i18n/i18n';
import type { MessageKey } from './i18n/messages';

/** A page that can hold changes not saved yet (the clipping editor, the import wizard). */
export interface HoldsUnsavedChanges {
  /** True while leaving would lose (or set aside) something the user did. */
  hasUnsavedChanges(): boolean;
  /** What to ask before leaving, in the UI's language. */
  readonly unsavedMessage: MessageKey;
}

/** Navigation state of a navigation the user already confirmed (logging out asks before it logs out). */
export const ALREADY_CONFIRMED = 'unsavedChangesConfirmed';

export function holdsUnsavedChanges(page: unknown): page is HoldsUnsavedChanges {
  return (
    typeof page === 'object' &&
    page !== null &&
    typeof (page as Partial<HoldsUnsavedChanges>).hasUnsavedChanges === 'function'
  );
}

/** Asks whether to leave `page` (when it holds unsaved changes); true: go ahead. */
export function confirmLeaving(page: unknown, t: I18n['t'], view: Window | null): boolean {
  if (!holdsUnsavedChanges(page) || !page.hasUnsavedChanges() || !view) return true;
  return view.confirm(t(page.unsavedMessage));
}

/**
 * `canDeactivate` of such pages: asks first (a native confirm with the page's message in the UI's
 * language) and stays when the user says no.
 */
export const unsavedChangesGuard: CanDeactivateFn<HoldsUnsavedChanges> = (page) => {
  const state = inject(Router).getCurrentNavigation()?.extras.state;
  if (state?.[ALREADY_CONFIRMED] === true) return true;
  return confirmLeaving(page, inject(I18n).t, inject(DOCUMENT).defaultView);
};

/**
 * `window:beforeunload` of such pages (reload, closing the tab, typing another address): asks the
 * browser to confirm. Browsers show their own wording for this one, in the browser's language.
 */
export function confirmUnload(event: BeforeUnloadEvent, page: HoldsUnsavedChanges): void {
  if (!page.hasUnsavedChanges()) return;
  event.preventDefault();
  // Older Chromium needs returnValue set as well.
  event.returnValue = '';
}
