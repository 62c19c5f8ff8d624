import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';
import { type WizardDraft, draftKey, parseDraft, serializeDraft } from './wizard-draft';

/** The wizard's draft in localStorage, one per user; storage that is unavailable or full keeps nothing. */
@Injectable({ providedIn: 'root' })
export class WizardDraftStore {
  private readonly view = inject(DOCUMENT).defaultView;

  load(userId: number | null): WizardDraft | null {
    const storage = this.storage();
    if (!storage) return null;
    const json = storage.getItem(draftKey(userId));
    const draft = parseDraft(json);
    // A draft this version cannot read back would come back every time: drop it.
    if (json !== null && draft === null) storage.removeItem(draftKey(userId));
    return draft;
  }

  /** Keeps the draft; false when the browser refused (private mode, a page too big for the quota). */
  save(userId: number | null, draft: WizardDraft): boolean {
    try {
      this.storage()?.setItem(draftKey(userId), serializeDraft(draft));
      return true;
    } catch {
      return false;
    }
  }

  clear(userId: number | null): void {
    this.storage()?.removeItem(draftKey(userId));
  }

  private storage(): Storage | null {
    try {
      return this.view?.localStorage ?? null;
    } catch {
      return null;
    }
  }
}
