import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { I18n, isLang, LANGS } from './shared/i18n/i18n';
import type { MessageKey } from './shared/i18n/messages';

interface NavItem {
  path: string;
  label: MessageKey;
}

/** The shell: side navigation, language switch and the routed page. */
@Component({
  selector: 'jb-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  templateUrl: './app.html',
  styleUrl: './app.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly langs = LANGS;
  protected readonly nav: readonly NavItem[] = [
    { path: '/clippings', label: 'nav.clippings' },
    { path: '/import', label: 'nav.import' },
    { path: '/continuations/waiting', label: 'nav.waiting' },
    { path: '/tags', label: 'nav.tags' },
    { path: '/regions', label: 'nav.regions' },
    { path: '/publications', label: 'nav.publications' },
  ];

  protected onLangChange(value: string): void {
    if (isLang(value)) this.i18n.setLang(value);
  }
}
