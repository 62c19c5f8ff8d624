import { DOCUMENT } from '@angular/common';
import { Injectable, computed, inject, signal } from '@angular/core';
import { EN, type MessageKey, ZH_CN } from './messages';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
export const LANG_STORAGE_KEY = 'jianbao.lang';
export type MessageParams = Record<string, string | number>;

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': ZH_CN, en: EN };

/** `{name}` → params.name; unknown placeholders are left visible so a missing param is noticed. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Signal-based UI language: Simplified Chinese by default, the choice kept in localStorage. */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Lang>(this.readStored());
  readonly lang = this.current.asReadonly();
  private readonly dictionary = computed(() => DICTIONARIES[this.current()]);

  constructor() {
    this.document.documentElement.lang = this.current();
  }

  /** Translate `key`; reading it inside a template or computed makes that view react to a language switch. */
  readonly t = (key: MessageKey, params?: MessageParams): string =>
    interpolate(this.dictionary()[key], params);

  setLang(lang: Lang): void {
    this.current.set(lang);
    this.document.documentElement.lang = lang;
    try {
      this.document.defaultView?.localStorage.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // Storage can be unavailable (private mode, quota); the choice then lasts for this page only.
    }
  }

  private readStored(): Lang {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(LANG_STORAGE_KEY);
      return isLang(stored) ? stored : 'zh-CN';
    } catch {
      return 'zh-CN';
    }
  }
}
