import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Clipping } from '@jianbao/contracts';
import type { ErrorText } from '../../shared/api-error';
import { loadById } from '../../shared/load-by-id';
import { I18n } from '../../shared/i18n/i18n';
import { clippingExportUrl } from '../clipping-export';
import { ClippingsApi } from '../clippings-api';

/** Body paragraphs: one per line, blank lines dropped. */
export function bodyParagraphs(body: string): string[] {
  return body
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * `/clippings/:id/print`: one clipping laid out for reading and printing (kicker, title, subtitle,
 * publication · date · page, byline, dateline, body), with the print button and the text exports;
 * the print stylesheet (styles.scss) keeps only the sheet on paper.
 */
@Component({
  selector: 'jb-clipping-print',
  imports: [RouterLink],
  templateUrl: './clipping-print.html',
  styleUrl: './clipping-print.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClippingPrint {
  private readonly api = inject(ClippingsApi);
  private readonly document = inject(DOCUMENT);
  protected readonly t = inject(I18n).t;

  /** Route parameter `:id`. */
  readonly id = input<string>();

  protected readonly clipping = signal<Clipping | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<ErrorText | null>(null);
  protected readonly paragraphs = computed(() => bodyParagraphs(this.clipping()?.body ?? ''));
  protected readonly mdUrl = computed(() => clippingExportUrl(this.clipping()?.id ?? 0, 'md'));
  protected readonly txtUrl = computed(() => clippingExportUrl(this.clipping()?.id ?? 0, 'txt'));

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  private load(id: string | undefined): void {
    loadById(id, (n) => this.api.get(n), {
      value: this.clipping,
      loading: this.loading,
      error: this.error,
    });
  }
}
