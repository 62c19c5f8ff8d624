import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { I18n } from '../../i18n/i18n';
import { parseChord } from '../key-chord';
import { Keyboard, type ShortcutLine, registerKeys } from '../keyboard';

const FOCUSABLE = 'a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * The "键盘快捷键" button and its overlay (also opened by `?`): the shortcuts the page on screen
 * offers, read from the `Keyboard` registry when it opens. A modal dialog: labelled by its title,
 * Tab stays inside, Esc or the close button closes it, and focus returns to where it was.
 */
@Component({
  selector: 'jb-key-help',
  templateUrl: './key-help.html',
  styleUrl: './key-help.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class KeyHelp {
  protected readonly t = inject(I18n).t;
  private readonly keyboard = inject(Keyboard);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly dialog = viewChild<ElementRef<HTMLElement>>('dialog');
  protected readonly open = signal(false);
  protected readonly lines = signal<readonly ShortcutLine[]>([]);
  /** Ctrl+S, or ⌘S on a Mac, as the intro names it. */
  protected readonly saveKey = this.keyboard.label(parseChord('mod+s'));
  /** Where focus was before the overlay opened, to put it back. */
  private returnTo: HTMLElement | null = null;

  constructor() {
    registerKeys([{ keys: '?', label: 'keys.help', run: () => this.show() }]);
  }

  show(): void {
    if (this.open()) return;
    this.lines.set(this.keyboard.offered());
    const active = this.document.activeElement;
    this.returnTo = active instanceof HTMLElement && active !== this.document.body ? active : null;
    this.keyboard.paused.set(true);
    this.open.set(true);
    afterNextRender(() => this.focusables()[0]?.focus(), { injector: this.injector });
  }

  close(): void {
    if (!this.open()) return;
    this.open.set(false);
    this.keyboard.paused.set(false);
    const back = this.returnTo;
    this.returnTo = null;
    if (back?.isConnected) back.focus();
  }

  /** Esc closes; Tab and Shift+Tab wrap around inside the dialog. */
  protected onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.close();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = this.focusables();
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) {
      e.preventDefault();
      return;
    }
    const active = this.document.activeElement;
    if (e.shiftKey && (active === first || !items.includes(active as HTMLElement))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !items.includes(active as HTMLElement))) {
      e.preventDefault();
      first.focus();
    }
  }

  private focusables(): HTMLElement[] {
    const root = this.dialog()?.nativeElement;
    return root ? Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)) : [];
  }
}
