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
import type { ArticleSummary, Page } from '@jianbao/contracts';
import { type ErrorText, describeApiError, toApiError } from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import { ArticlesApi } from '../articles-api';

/** Articles per page of the index. */
export const ARTICLES_PAGE_SIZE = 50;

/**
 * `/articles`: the continued articles reassembled from their parts, newest issue first; each opens the
 * reader, and each of its parts' pages (publication, date, page) opens that clipping. `?page=` pages.
 */
@Component({
  selector: 'jb-article-list',
  imports: [RouterLink],
  templateUrl: './article-list.html',
  styleUrl: './article-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ArticleList {
  private readonly api = inject(ArticlesApi);
  protected readonly t = inject(I18n).t;

  /** Query parameter `page` (1-based). */
  readonly page = input<string>();

  protected readonly result = signal<Page<ArticleSummary> | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<ErrorText | null>(null);
  protected readonly current = computed(() => {
    const n = Number(this.page() ?? 1);
    return Number.isSafeInteger(n) && n >= 1 ? n : 1;
  });
  protected readonly pages = computed(() =>
    Math.max(1, Math.ceil((this.result()?.total ?? 0) / ARTICLES_PAGE_SIZE)),
  );

  constructor() {
    effect(() => {
      const page = this.current();
      untracked(() => this.load(page));
    });
  }

  private load(page: number): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.list({ page, pageSize: ARTICLES_PAGE_SIZE }).subscribe({
      next: (r) => {
        this.loading.set(false);
        this.result.set(r);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.result.set(null);
        this.error.set(describeApiError(toApiError(err)));
      },
    });
  }
}
