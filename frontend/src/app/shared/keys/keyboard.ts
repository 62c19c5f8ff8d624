import { DOCUMENT } from '@angular/common';
import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import type { MessageKey } from '../i18n/messages';
import { type ChordRule, type KeyChord, chordLabel, parseChord, pickRule } from './key-chord';

/** A shortcut a page (or the shell) offers while it is on screen. */
export interface KeyBinding {
  /** `j`, `?`, `Enter`, `mod+s` (Ctrl or ⌘). */
  readonly keys: string;
  /** What it does, as the `?` overlay lists it. */
  readonly label: MessageKey;
  /** Runs the shortcut; `false` means it found nothing to do (the key press then goes on as usual). */
  readonly run: (event: KeyboardEvent) => boolean | void;
  /** Fires while typing in a field too (only saving does). */
  readonly whileTyping?: boolean;
  /** Leaves Enter on a focused link or button to that element. */
  readonly notOnInteractive?: boolean;
  /** Offered only while this holds (reads signals: the overlay follows it). */
  readonly when?: () => boolean;
}

interface Registered extends ChordRule {
  readonly binding: KeyBinding;
}

/** One line of the `?` overlay. */
export interface ShortcutLine {
  readonly key: string;
  readonly label: MessageKey;
}

/**
 * The one keyboard listener of the app: pages register their shortcuts while they are on screen
 * (`registerKeys`), a key press runs the latest registered one that takes it (key-chord.ts: never
 * while typing in a field unless the shortcut says so, never when Ctrl/⌘/Alt change the key's
 * meaning), and the `?` overlay lists the ones offered now.
 */
@Injectable({ providedIn: 'root' })
export class Keyboard {
  private readonly document = inject(DOCUMENT);
  private readonly rules = signal<readonly Registered[]>([]);
  /** While a dialog (the overlay) holds the keyboard, page shortcuts stay quiet. */
  readonly paused = signal(false);
  readonly mac = /Mac|iPhone|iPad/.test(this.document.defaultView?.navigator.platform ?? '');

  /** The shortcuts offered now, each key once (the latest registration's label), in registration order. */
  offered(): readonly ShortcutLine[] {
    const byKey = new Map<string, ShortcutLine>();
    for (const r of this.rules()) {
      if (r.binding.when && !r.binding.when()) continue;
      const key = this.label(r.chord);
      byKey.delete(key);
      byKey.set(key, { key, label: r.binding.label });
    }
    return [...byKey.values()];
  }

  constructor() {
    const onKey = (e: KeyboardEvent): void => this.dispatch(e);
    this.document.addEventListener('keydown', onKey);
    inject(DestroyRef).onDestroy(() => this.document.removeEventListener('keydown', onKey));
  }

  /** Registers `bindings`; the returned function removes them again. */
  register(bindings: readonly KeyBinding[]): () => void {
    const added: Registered[] = bindings.map((binding) => ({
      binding,
      chord: parseChord(binding.keys),
      whileTyping: binding.whileTyping,
      notOnInteractive: binding.notOnInteractive,
    }));
    this.rules.update((rules) => [...rules, ...added]);
    return () => this.rules.update((rules) => rules.filter((r) => !added.includes(r)));
  }

  /** `Ctrl+S` or `⌘S` as this computer writes it. */
  label(chord: KeyChord): string {
    return chordLabel(chord, this.mac);
  }

  private dispatch(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.isComposing || this.paused()) return;
    const live = this.rules().filter((r) => !r.binding.when || r.binding.when());
    const rule = pickRule(live, e);
    if (!rule) return;
    if (rule.binding.run(e) !== false) e.preventDefault();
  }
}

/** Registers `bindings` for as long as the calling component lives (call it in a constructor). */
export function registerKeys(bindings: readonly KeyBinding[]): void {
  const unregister = inject(Keyboard).register(bindings);
  inject(DestroyRef).onDestroy(unregister);
}
