import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import type { TrashItem } from '@jianbao/contracts';
import type { Observable } from 'rxjs';
import { type ErrorText, describeApiError, toApiError } from '../../../shared/api-error';
import { I18n } from '../../../shared/i18n/i18n';
import { trashReasonKey, trashTypeKey } from '../trash-labels';
import { TrashApi } from '../trash-api';

const PAGE_SIZE = 20;

/**
 * The trash (admins): what was deleted, when, by whom and why; restore an item, purge one, or empty
 * the whole trash. Purging asks first, and emptying names how many items go.
 */
@Component({
  selector: 'jb-trash-page',
  imports: [DatePipe],
  templateUrl: './trash-page.html',
  styleUrl: './trash-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrashPage implements OnInit {
  private readonly api = inject(TrashApi);
  protected readonly t = inject(I18n).t;

  protected readonly items = signal<TrashItem[]>([]);
  protected readonly total = signal(0);
  protected readonly page = signal(1);
  protected readonly pages = computed(() => Math.max(1, Math.ceil(this.total() / PAGE_SIZE)));
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly error = signal<ErrorText | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly confirmingId = signal<number | null>(null);
  protected readonly confirmingEmpty = signal(false);

  ngOnInit(): void {
    this.load();
  }

  protected load(page = this.page()): void {
    this.loading.set(true);
    this.api.list(page, PAGE_SIZE).subscribe({
      next: (result) => {
        this.loading.set(false);
        // Past the end (the last item of the last page went): step back a page.
        if (!result.items.length && page > 1 && result.total > 0) {
          this.load(Math.max(1, Math.ceil(result.total / PAGE_SIZE)));
          return;
        }
        this.page.set(page);
        this.items.set(result.items);
        this.total.set(result.total);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(describeApiError(toApiError(err)));
      },
    });
  }

  protected reasonText(item: TrashItem): string {
    const key = trashReasonKey(item.reason);
    return key ? this.t(key) : item.reason;
  }

  protected typeText(item: TrashItem): string {
    const key = trashTypeKey(item.entityType);
    return key ? this.t(key) : item.entityType;
  }

  protected restore(item: TrashItem): void {
    this.run(this.api.restore(item.id), () => this.t('trash.restored', { label: item.label }));
  }

  protected purge(item: TrashItem): void {
    this.run(this.api.purge(item.id), () => this.t('trash.purged', { label: item.label }));
  }

  protected emptyTrash(): void {
    let purged = 0;
    this.busy.set(true);
    this.api.empty().subscribe({
      next: (result) => (purged = result.purged),
      error: (err: unknown) => this.failed(err),
      complete: () => this.done(this.t('trash.emptied', { count: purged })),
    });
  }

  private run(request: Observable<unknown>, message: () => string): void {
    this.busy.set(true);
    this.error.set(null);
    this.notice.set(null);
    request.subscribe({ error: (err: unknown) => this.failed(err), complete: () => this.done(message()) });
  }

  private done(message: string): void {
    this.busy.set(false);
    this.confirmingId.set(null);
    this.confirmingEmpty.set(false);
    this.notice.set(message);
    this.load();
  }

  private failed(err: unknown): void {
    this.busy.set(false);
    this.confirmingId.set(null);
    this.confirmingEmpty.set(false);
    this.error.set(describeApiError(toApiError(err)));
    this.load();
  }
}
