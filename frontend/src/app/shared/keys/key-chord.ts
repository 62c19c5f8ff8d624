/**
 * Keyboard shortcuts, the pure part: a chord written as `j`, `?`, `Enter` or `mod+s` (`mod` = Ctrl,
 * or ⌘ on a Mac), whether a key press matches it, and whether the press happened while typing.
 * No Angular here: the `Keyboard` service (keyboard.ts) listens and dispatches with these rules.
 */

/** A parsed chord: the key (as `KeyboardEvent.key` reports it) and whether Ctrl/⌘ must be held. */
export interface KeyChord {
  readonly key: string;
  readonly mod: boolean;
}

/** The parts of a key press the matching reads (a `KeyboardEvent` satisfies it). */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly target: EventTarget | null;
}

/** `mod+s` → { key: 's', mod: true }; `?` → { key: '?', mod: false }. Throws on an empty key. */
export function parseChord(spec: string): KeyChord {
  const mod = spec.startsWith('mod+');
  const key = mod ? spec.slice(4) : spec;
  if (key === '') throw new Error(`Empty key in shortcut "${spec}"`);
  return { key, mod };
}

/**
 * Whether `press` is `chord`. Letters compare case-sensitively without Ctrl/⌘ (Shift+J types `J`,
 * which is not `j`) and case-insensitively with it (Ctrl+S with Caps Lock reports `S`). Alt always
 * changes the meaning (it types other characters on many layouts), and so does Ctrl/⌘ on a chord
 * without `mod`: Ctrl+J is the browser's, not `j`. Shift is not checked: `?` needs it on most
 * layouts and is reported as the character it types.
 */
export function matchesChord(chord: KeyChord, press: KeyPress): boolean {
  if (press.altKey) return false;
  const mod = press.ctrlKey || press.metaKey;
  if (mod !== chord.mod) return false;
  return chord.mod ? press.key.toLowerCase() === chord.key.toLowerCase() : press.key === chord.key;
}

function elementOf(target: EventTarget | null): HTMLElement | null {
  const el = target as { tagName?: unknown } | null;
  return el && typeof el.tagName === 'string' ? (target as HTMLElement) : null;
}

/** A press into a text field (input, textarea, select, contenteditable): there `j` is a letter, not a shortcut. */
export function typingInField(target: EventTarget | null): boolean {
  const el = elementOf(target);
  if (!el) return false;
  const tag = el.tagName.toLowerCase();
  return tag === 'input' || tag === 'textarea' || tag === 'select' || el.isContentEditable === true;
}

/** A press on something that handles Enter itself (a link, a button, a summary, a field). */
export function onInteractive(target: EventTarget | null): boolean {
  const el = elementOf(target);
  if (!el) return false;
  if (typingInField(el)) return true;
  const tag = el.tagName.toLowerCase();
  return tag === 'a' || tag === 'button' || tag === 'summary' || el.getAttribute('role') === 'button';
}

/** What a registered shortcut says about where it may fire. */
export interface ChordRule {
  readonly chord: KeyChord;
  /** Fires while typing in a field too (Ctrl+S does; `j` does not). */
  readonly whileTyping?: boolean;
  /** Leaves a press on a link or button to that element (Enter on a focused link opens that link). */
  readonly notOnInteractive?: boolean;
}

/** Whether `rule` takes `press`: the chord matches and the place of the press allows it. */
export function ruleTakes(rule: ChordRule, press: KeyPress): boolean {
  if (!matchesChord(rule.chord, press)) return false;
  if (!rule.whileTyping && typingInField(press.target)) return false;
  if (rule.notOnInteractive && onInteractive(press.target)) return false;
  return true;
}

/** The rule that takes `press`: the latest registered wins (a dialog's Esc over the page's). */
export function pickRule<T extends ChordRule>(rules: readonly T[], press: KeyPress): T | null {
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i];
    if (rule && ruleTakes(rule, press)) return rule;
  }
  return null;
}

/** How a chord is written for people: `Ctrl+S` (`⌘S` on a Mac), `Enter`, `j`, `?`. */
export function chordLabel(chord: KeyChord, mac: boolean): string {
  const key = chord.key.length === 1 ? (chord.mod ? chord.key.toUpperCase() : chord.key) : chord.key;
  if (!chord.mod) return key;
  return mac ? `⌘${key}` : `Ctrl+${key}`;
}

/** The next index in a list of `count` items after `from` (−1: none yet), not wrapping; `null` on an empty list. */
export function stepIndex(from: number, delta: 1 | -1, count: number): number | null {
  if (count <= 0) return null;
  if (from < 0 || from >= count) return delta === 1 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, from + delta));
}
