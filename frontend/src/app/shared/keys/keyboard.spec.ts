import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Keyboard, registerKeys } from './keyboard';
import { ListCursor } from './list-cursor';

function key(key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(e);
  return e;
}

const ran: string[] = [];
const enabled = signal(true);

@Component({ selector: 'jb-keys-host', template: '<input id="typing" />' })
class Host {
  constructor() {
    registerKeys([
      { keys: 'j', label: 'keys.list.next', run: () => void ran.push('j') },
      { keys: 'mod+s', label: 'keys.form.save', whileTyping: true, run: () => void ran.push('save') },
      { keys: 'a', label: 'keys.cont.accept', when: () => enabled(), run: () => void ran.push('a') },
      { keys: 'x', label: 'keys.cont.reject', run: () => false },
    ]);
  }
}

describe('Keyboard', () => {
  beforeEach(() => {
    ran.length = 0;
    enabled.set(true);
  });

  it('runs a page shortcut and prevents the browser default, only while the page lives', () => {
    const fixture = TestBed.createComponent(Host);
    const e = key('j');
    expect(ran).toEqual(['j']);
    expect(e.defaultPrevented).toBe(true);
    fixture.destroy();
    key('j');
    expect(ran).toEqual(['j']);
  });

  it('ignores j typed into a field, but saves on Ctrl+S there (no browser dialog)', () => {
    const fixture = TestBed.createComponent(Host);
    const input = fixture.nativeElement.querySelector('#typing') as HTMLInputElement;
    document.body.append(fixture.nativeElement);
    const typed = key('j', input);
    expect(typed.defaultPrevented).toBe(false);
    const save = key('s', input, { ctrlKey: true });
    expect(ran).toEqual(['save']);
    expect(save.defaultPrevented).toBe(true);
  });

  it('skips a shortcut while its condition is off, and lists only the offered ones', () => {
    TestBed.createComponent(Host);
    const keyboard = TestBed.inject(Keyboard);
    enabled.set(false);
    key('a');
    expect(ran).toEqual([]);
    expect(keyboard.offered().map((l) => l.key)).toEqual(['j', 'Ctrl+S', 'x']);
    enabled.set(true);
    key('a');
    expect(ran).toEqual(['a']);
    expect(keyboard.offered().map((l) => l.label)).toContain('keys.cont.accept');
  });

  it('lets a press go on when the shortcut found nothing to do, and stays quiet while paused', () => {
    TestBed.createComponent(Host);
    expect(key('x').defaultPrevented).toBe(false);
    TestBed.inject(Keyboard).paused.set(true);
    key('j');
    expect(ran).toEqual([]);
  });

  it('does not take a key while an input method composes (Chinese typing)', () => {
    TestBed.createComponent(Host);
    key('j', document.body, { isComposing: true });
    expect(ran).toEqual([]);
  });
});

describe('ListCursor', () => {
  function list(n: number): HTMLElement[] {
    const root = document.createElement('ul');
    for (let i = 0; i < n; i++) {
      const li = document.createElement('li');
      li.tabIndex = -1;
      li.innerHTML = `<button data-kb-action="accept">${i}</button>`;
      root.append(li);
    }
    document.body.append(root);
    return Array.from(root.children) as HTMLElement[];
  }

  it('moves focus item by item and presses the current item’s control', () => {
    const items = list(3);
    const cursor = new ListCursor(() => items);
    expect(cursor.current()).toBeNull();
    expect(cursor.move(1)).toBe(items[0]);
    expect(document.activeElement).toBe(items[0]);
    cursor.move(1);
    cursor.move(1);
    cursor.move(1);
    expect(cursor.current()).toBe(items[2]);
    cursor.move(-1);
    expect(document.activeElement).toBe(items[1]);
    const clicked = jest.fn();
    items[1]?.querySelector('button')?.addEventListener('click', clicked);
    expect(cursor.press('accept')).toBe(true);
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(cursor.press('open')).toBe(false);
  });

  it('presses the only item without a current one when asked to, never one of several', () => {
    const one = list(1);
    const clicked = jest.fn();
    one[0]?.querySelector('button')?.addEventListener('click', clicked);
    expect(new ListCursor(() => one).press('accept')).toBe(false);
    expect(new ListCursor(() => one).press('accept', true)).toBe(true);
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(new ListCursor(() => list(2)).press('accept', true)).toBe(false);
  });
});
