import {
  type KeyPress,
  chordLabel,
  matchesChord,
  onInteractive,
  parseChord,
  pickRule,
  ruleTakes,
  stepIndex,
  typingInField,
} from './key-chord';

function press(key: string, more: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, altKey: false, target: document.body, ...more };
}

function el(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host.firstElementChild as HTMLElement;
}

describe('parseChord', () => {
  it('reads a plain key and a Ctrl/⌘ chord', () => {
    expect(parseChord('j')).toEqual({ key: 'j', mod: false });
    expect(parseChord('mod+s')).toEqual({ key: 's', mod: true });
    expect(parseChord('Enter')).toEqual({ key: 'Enter', mod: false });
  });

  it('refuses an empty key', () => {
    expect(() => parseChord('mod+')).toThrow(/Empty key/);
  });
});

describe('matchesChord', () => {
  const j = parseChord('j');
  const save = parseChord('mod+s');

  it('takes the key itself, not its capital (Shift+J) nor Ctrl+J, Alt+J or ⌘J', () => {
    expect(matchesChord(j, press('j'))).toBe(true);
    expect(matchesChord(j, press('J', {}))).toBe(false);
    expect(matchesChord(j, press('j', { ctrlKey: true }))).toBe(false);
    expect(matchesChord(j, press('j', { altKey: true }))).toBe(false);
    expect(matchesChord(j, press('j', { metaKey: true }))).toBe(false);
  });

  it('takes Ctrl+S and ⌘S (with Caps Lock too), not a bare s nor Ctrl+Alt+S', () => {
    expect(matchesChord(save, press('s', { ctrlKey: true }))).toBe(true);
    expect(matchesChord(save, press('s', { metaKey: true }))).toBe(true);
    expect(matchesChord(save, press('S', { ctrlKey: true }))).toBe(true);
    expect(matchesChord(save, press('s'))).toBe(false);
    expect(matchesChord(save, press('s', { ctrlKey: true, altKey: true }))).toBe(false);
  });

  it('takes ? however the layout types it (Shift is not checked)', () => {
    expect(matchesChord(parseChord('?'), press('?'))).toBe(true);
    expect(matchesChord(parseChord('?'), press('/'))).toBe(false);
  });
});

describe('typingInField and onInteractive', () => {
  it('knows the text fields, contenteditable included', () => {
    expect(typingInField(el('<input type="text">'))).toBe(true);
    expect(typingInField(el('<textarea></textarea>'))).toBe(true);
    expect(typingInField(el('<select></select>'))).toBe(true);
    const editable = el('<div contenteditable="true"></div>');
    // jsdom does not compute isContentEditable; a browser does.
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    expect(typingInField(editable)).toBe(true);
    expect(typingInField(el('<div></div>'))).toBe(false);
    expect(typingInField(null)).toBe(false);
  });

  it('counts links and buttons as handling Enter themselves', () => {
    expect(onInteractive(el('<a href="/x">x</a>'))).toBe(true);
    expect(onInteractive(el('<button>x</button>'))).toBe(true);
    expect(onInteractive(el('<tr tabindex="-1"></tr>'))).toBe(false);
    expect(onInteractive(el('<div></div>'))).toBe(false);
  });
});

describe('ruleTakes and pickRule', () => {
  const input = el('<input>');
  const link = el('<a href="/x">x</a>');

  it('keeps j out of text fields but lets Ctrl+S through', () => {
    expect(ruleTakes({ chord: parseChord('j') }, press('j', { target: input }))).toBe(false);
    expect(
      ruleTakes(
        { chord: parseChord('mod+s'), whileTyping: true },
        press('s', { ctrlKey: true, target: input }),
      ),
    ).toBe(true);
    expect(ruleTakes({ chord: parseChord('mod+s') }, press('s', { ctrlKey: true, target: input }))).toBe(
      false,
    );
  });

  it('leaves Enter on a link to the link when asked to', () => {
    const enter = { chord: parseChord('Enter'), notOnInteractive: true };
    expect(ruleTakes(enter, press('Enter', { target: link }))).toBe(false);
    expect(ruleTakes(enter, press('Enter'))).toBe(true);
  });

  it('picks the latest registered rule that takes the press', () => {
    const page = { chord: parseChord('j'), name: 'page' };
    const panel = { chord: parseChord('j'), name: 'panel' };
    const other = { chord: parseChord('k'), name: 'other' };
    expect(pickRule([page, panel, other], press('j'))?.name).toBe('panel');
    expect(pickRule([page, other], press('j'))?.name).toBe('page');
    expect(pickRule([page, other], press('x'))).toBeNull();
  });
});

describe('chordLabel', () => {
  it('writes Ctrl+S, or ⌘S on a Mac, and plain keys as they are', () => {
    expect(chordLabel(parseChord('mod+s'), false)).toBe('Ctrl+S');
    expect(chordLabel(parseChord('mod+s'), true)).toBe('⌘S');
    expect(chordLabel(parseChord('j'), false)).toBe('j');
    expect(chordLabel(parseChord('Enter'), true)).toBe('Enter');
  });
});

describe('stepIndex', () => {
  it('starts at the first (j) or last (k) item, then moves without wrapping', () => {
    expect(stepIndex(-1, 1, 3)).toBe(0);
    expect(stepIndex(-1, -1, 3)).toBe(2);
    expect(stepIndex(0, 1, 3)).toBe(1);
    expect(stepIndex(2, 1, 3)).toBe(2);
    expect(stepIndex(0, -1, 3)).toBe(0);
    expect(stepIndex(0, 1, 0)).toBeNull();
  });
});
