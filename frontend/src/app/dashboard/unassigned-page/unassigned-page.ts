import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ImportBin, Page } from '@jianbao/contracts';
import { Can } from '../../auth/can';
import { type ErrorText, describeApiError, toApiError } from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import { DashboardApi } from '../dashboard-api';

const PAGE_SIZE = 20;

/**
 * `/dashboard/unassigned`: filed pages whose "unassigned" bin holds lines no clipping took, newest filing
 * first, each with its lines, links to its issue and its clippings, and (editors) "mark reviewed".
 */
@Component({
  selector: 'jb-unassigned-page',
  imports: [RouterLink, DatePipe, Can],
  templateUrl: './unassigned-page.html',
  styleUrl: './unassigned-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnassignedPage {
  private readonly api = inject(DashboardApi);
  protected readonly t = inject(I18n).t;

  protected readonly page = signal(1);
  protected readonly result = signal<Page<ImportBin> | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<ErrorText | null>(null);
  /** What the last action did (a sentence in the UI's language), or why it could not. */
  protected readonly notice = signal<string | null>(null);
  /** The import being marked reviewed. */
  protected readonly busy = signal<number | null>(null);
  protected readonly pages = computed(() => {
    const r = this.result();
    return r ? Math.max(1, Math.ceil(r.total / r.pageSize)) : 1;
  });

  constructor() {
    this.load();
  }

  protected pageName(bin: ImportBin): string {
    return this.t('unassigned.page', {
      publication: bin.publicationName,
      date: bin.issueDate,
      page: bin.pageLabel,
    });
  }

  /** The clipping list of the page (publication, day, page label), as the audit log links a filed page. */
  protected clippingsQuery(bin: ImportBin): Record<string, string | number> {
    return {
      publicationId: bin.publicationId,
      from: bin.issueDate,
      to: bin.issueDate,
      pageLabel: bin.pageLabel,
    };
  }

  protected go(page: number): void {
    this.page.set(page);
    this.notice.set(null);
    this.load();
  }

  protected markReviewed(bin: ImportBin): void {
    this.busy.set(bin.importId);
    this.notice.set(null);
    this.api.markUnassignedReviewed(bin.importId).subscribe({
      next: () => {
        this.busy.set(null);
        this.notice.set(this.t('unassigned.reviewed', { page: this.pageName(bin) }));
        this.afterChange();
      },
      error: (err: unknown) => {
        this.busy.set(null);
        const e = toApiError(err);
        if (e.statusCode === 409 || e.statusCode === 404) {
          this.notice.set(this.t(e.statusCode === 409 ? 'unassigned.alreadyReviewed' : 'unassigned.gone'));
          this.afterChange();
        } else {
          this.error.set(describeApiError(e));
        }
      },
    });
  }

  /** The list and the navigation's counts read again (the last row of a page gone: the page before). */
  private afterChange(): void {
    const r = this.result();
    if (r && r.items.length === 1 && this.page() > 1) this.page.set(this.page() - 1);
    this.load();
    this.api.refreshQueues();
  }

  private load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.unassignedImports(this.page(), PAGE_SIZE).subscribe({
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
