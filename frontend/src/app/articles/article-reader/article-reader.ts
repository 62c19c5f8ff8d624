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
import type { Article } from '@jianbao/contracts';
import { type ErrorText, describeApiError, toApiError } from '../../shared/api-error';
import { loadById } from '../../shared/load-by-id';
import { I18n } from '../../shared/i18n/i18n';
import { articleSections, downloadName } from '../article-sections';
import { ArticlesApi, type ExportFormat } from '../articles-api';

/** `/articles/:id`: the article read across its pages, with page dividers and Markdown/text export. */
@Component({
  selector: 'jb-article-reader',
  imports: [RouterLink],
  templateUrl: './article-reader.html',
  styleUrl: './article-reader.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ArticleReader {
  private readonly api = inject(ArticlesApi);
  private readonly document = inject(DOCUMENT);
  protected readonly t = inject(I18n).t;

  /** Route parameter `:id`. */
  readonly id = input<string>();

  protected readonly article = signal<Article | null>(null);
  protected readonly loading = signal(false);
  protected readonly exporting = signal<ExportFormat | null>(null);
  protected readonly error = signal<ErrorText | null>(null);
  protected readonly sections = computed(() => {
    const a = this.article();
    return a ? articleSections(a) : [];
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
  }

  protected download(format: ExportFormat): void {
    const a = this.article();
    if (!a || this.exporting()) return;
    this.exporting.set(format);
    this.error.set(null);
    this.api.export(a.id, format).subscribe({
      next: (res) => {
        this.exporting.set(null);
        const type = res.headers.get('Content-Type') ?? (format === 'md' ? 'text/markdown' : 'text/plain');
        const name = downloadName(res.headers.get('Content-Disposition'), a.id, format);
        this.save(new Blob([res.body ?? ''], { type }), name);
      },
      error: (err: unknown) => {
        this.exporting.set(null);
        this.error.set(describeApiError(toApiError(err)));
      },
    });
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  private save(blob: Blob, name: string): void {
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = name;
    this.document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  private load(id: string | undefined): void {
    loadById(id, (n) => this.api.get(n), {
      value: this.article,
      loading: this.loading,
      error: this.error,
    });
  }
}
