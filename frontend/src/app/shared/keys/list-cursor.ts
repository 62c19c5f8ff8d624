import { ElementRef, inject } from '@angular/core';
import type { MessageKey } from '../i18n/messages';
import { stepIndex } from './key-chord';
import { type KeyBinding, registerKeys } from './keyboard';

/** Marks an element of a list `j`/`k` walk through (give it `tabindex="-1"` so it can hold focus). */
export const ITEM_ATTR = 'data-kb-item';
/** Marks the control inside an item that a shortcut presses: `data-kb-action="open"`, `"accept"`, `"reject"`. */
export const ACTION_ATTR = 'data-kb-action';

/**
 * The item of a list the keyboard is on: the one holding focus (or containing it), else the one
 * last moved to while it is still shown. `j`/`k` move it and focus it, so the browser shows where it is.
 */
export class ListCursor {
  private last: HTMLElement | null = null;

  constructor(private readonly items: () => readonly HTMLElement[]) {}

  /** The current item, if any. */
  current(): HTMLElement | null {
    const items = this.items();
    const active = items[0]?.ownerDocument.activeElement ?? null;
    const holding = active ? items.find((item) => item.contains(active)) : undefined;
    if (holding) return holding;
    return this.last && items.includes(this.last) ? this.last : null;
  }

  /** Moves to the next (1) or previous (−1) item and focuses it; returns it (null on an empty list). */
  move(delta: 1 | -1): HTMLElement | null {
    const items = this.items();
    const current = this.current();
    const at = stepIndex(current ? items.indexOf(current) : -1, delta, items.length);
    const next = at === null ? null : (items[at] ?? null);
    if (!next) return null;
    this.last = next;
    next.focus({ preventScroll: true });
    next.scrollIntoView?.({ block: 'nearest' });
    return next;
  }

  /** Presses the current item's control marked `data-kb-action="<action>"`; false when there is none. */
  press(action: string, orOnly = false): boolean {
    const items = this.items();
    const item = this.current() ?? (orOnly && items.length === 1 ? items[0] : null);
    const control = item?.querySelector<HTMLElement>(`[${ACTION_ATTR}="${action}"]`);
    if (!control || (control as HTMLButtonElement).disabled) return false;
    control.click();
    return true;
  }
}

/** What the list's shortcuts say in the overlay. */
export interface CursorLabels {
  readonly next: MessageKey;
  readonly previous: MessageKey;
  /** Enter presses the item's `open` control. */
  readonly open?: MessageKey;
}

/**
 * Registers `j`/`k` (and Enter, when `labels.open` is given) over the host component's items
 * (`[data-kb-item]`), plus `extra` bindings built on the same cursor; returns the cursor.
 */
export function registerListCursor(
  labels: CursorLabels,
  extra: (cursor: ListCursor) => readonly KeyBinding[] = () => [],
  when?: () => boolean,
): ListCursor {
  const host = inject<ElementRef<HTMLElement>>(ElementRef);
  const cursor = new ListCursor(() =>
    Array.from(host.nativeElement.querySelectorAll<HTMLElement>(`[${ITEM_ATTR}]`)),
  );
  const bindings: KeyBinding[] = [
    { keys: 'j', label: labels.next, run: () => cursor.move(1) !== null, when },
    { keys: 'k', label: labels.previous, run: () => cursor.move(-1) !== null, when },
  ];
  if (labels.open)
    bindings.push({
      keys: 'Enter',
      label: labels.open,
      notOnInteractive: true,
      run: () => cursor.press('open'),
      when,
    });
  registerKeys([...bindings, ...extra(cursor)]);
  return cursor;
}
