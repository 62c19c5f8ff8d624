import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ClippingSummary, RestoredClipping, TrashItem, TrashRestoreOutcome } from '@jianbao/contracts';
import { clippingHeadline } from '../../../shared/clipping-headline';
import type { Observable } from 'rxjs';
import { type ErrorText, describeApiError, toApiError } from '../../../shared/api-error';
import { I18n } from '../../../shared/i18n/i18n';
import { trashProblemKey, trashReasonKey, trashTypeKey } from '../trash-labels';
import { TrashApi } from '../trash-api';

const PAGE_SIZE = 20;

/**
 * The trash (admins): what was deleted, when, by whom and why; restore an item, purge one, or empty
 * the whole trash. Purging asks first, and emptying names how many items go. An item that would
 * duplicate a live clipping (a replaced page's clipping) names it, and restoring it asks first.
 */
@Component({
  selector: 'jb-trash-page',
  imports: [DatePipe, RouterLink],
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
  /** The last outcome, built when shown so that it follows a language switch. */
  protected readonly notice = signal<(() => string) | null>(null);
  protected readonly confirmingId = signal<number | null>(null);
  protected readonly confirmingRestoreId = signal<number | null>(null);
  protected readonly confirmingEmpty = signal(false);
  /** Ticked items (trash item ids) for "restore selected"; kept across pages until restored. */
  protected readonly selected = signal<ReadonlySet<number>>(new Set());
  /** After a refused bulk restore: why each item could not be restored, by trash item id. */
  protected readonly problems = signal<ReadonlyMap<number, string>>(new Map());
  protected readonly allOnPageSelected = computed(
    () => this.items().length > 0 && this.items().every((i) => this.selected().has(i.id)),
  );

  ngOnInit(): void {
    this.load();
  }

  /** Reads a page of the trash; `then` runs once the list on screen is the new one. */
  protected load(page = this.page(), then?: () => void): void {
    this.loading.set(true);
    this.api.list(page, PAGE_SIZE).subscribe({
      next: (result) => {
        this.loading.set(false);
        // Past the end (the last item of the last page went): step back a page.
        if (!result.items.length && page > 1 && result.total > 0) {
          this.load(Math.max(1, Math.ceil(result.total / PAGE_SIZE)), then);
          return;
        }
        this.page.set(page);
        this.items.set(result.items);
        this.total.set(result.total);
        then?.();
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(describeApiError(toApiError(err)));
      },
    });
  }

  /** Publication · date · page, from the item's stored row. */
  protected whereText(item: TrashItem): string {
    if (item.issueDate === null && item.pageLabel === null) return '';
    return this.t('trash.where', {
      publication: item.publicationName ?? this.t('trash.unknownPublication'),
      date: item.issueDate ?? '',
      page: item.pageLabel ?? '',
    });
  }

  protected problemText(item: TrashItem): string | null {
    const problem = this.problems().get(item.id);
    return problem === undefined ? null : this.t(trashProblemKey(problem));
  }

  protected toggle(item: TrashItem): void {
    const next = new Set(this.selected());
    if (next.has(item.id)) next.delete(item.id);
    else next.add(item.id);
    this.selected.set(next);
  }

  protected togglePage(): void {
    const next = new Set(this.selected());
    const all = this.allOnPageSelected();
    for (const i of this.items()) {
      if (all) next.delete(i.id);
      else next.add(i.id);
    }
    this.selected.set(next);
  }

  /**
   * Restores every ticked item in one request: all or none. When one cannot be restored the server
   * restores none and names each problem; those rows turn red with the reason.
   */
  protected restoreSelected(): void {
    const ids = [...this.selected()];
    if (ids.length === 0) return;
    this.busy.set(true);
    this.error.set(null);
    this.notice.set(null);
    this.problems.set(new Map());
    this.api.restoreMany(ids).subscribe({
      next: (result) => {
        this.selected.set(new Set());
        this.done(() => this.t('trash.restoredMany', { count: result.restored }));
      },
      error: (err: unknown) => {
        const api = toApiError(err);
        const items = (api.details as { items?: TrashRestoreOutcome[] } | undefined)?.items;
        if (api.statusCode !== 409 || !Array.isArray(items)) {
          this.failed(err);
          return;
        }
        const refused = items.filter((i) => i.problem !== null);
        this.busy.set(false);
        this.problems.set(new Map(refused.map((i) => [i.trashItemId, i.problem ?? 'not-found'])));
        this.error.set({
          key: 'trash.restoreRefused',
          params: { total: items.length, count: refused.length },
        });
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

  protected headline(d: ClippingSummary): string {
    return clippingHeadline({ title: d.title, body: d.excerpt }, 30);
  }

  protected where(d: ClippingSummary): string {
    return this.t('work.page', { date: d.issueDate, page: d.pageLabel });
  }

  /** Restores the item; one that duplicates a live clipping asks first. */
  protected restore(item: TrashItem): void {
    if (item.duplicates.length > 0 && this.confirmingRestoreId() !== item.id) {
      this.confirmingId.set(null);
      this.confirmingRestoreId.set(item.id);
      return;
    }
    let restored: RestoredClipping | null = null;
    this.busy.set(true);
    this.error.set(null);
    this.notice.set(null);
    this.api.restore(item.id).subscribe({
      next: (r) => (restored = r),
      error: (err: unknown) => this.failed(err),
      complete: () => this.done(() => this.restoredText(item, restored)),
    });
  }

  private restoredText(item: TrashItem, restored: RestoredClipping | null): string {
    const duplicates = restored?.duplicates ?? [];
    if (duplicates.length === 0) return this.t('trash.restored', { label: item.label });
    const list = duplicates
      .map((d) => this.t('trash.duplicateOf', { headline: this.headline(d), where: this.where(d), id: d.id }))
      .join(this.t('work.listSeparator'));
    return this.t('trash.restoredDuplicate', { label: item.label, list });
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
      complete: () => this.done(() => this.t('trash.emptied', { count: purged })),
    });
  }

  private run(request: Observable<unknown>, message: () => string): void {
    this.busy.set(true);
    this.error.set(null);
    this.notice.set(null);
    request.subscribe({ error: (err: unknown) => this.failed(err), complete: () => this.done(message) });
  }

  private done(message: () => string): void {
    this.busy.set(false);
    this.confirmingId.set(null);
    this.confirmingRestoreId.set(null);
    this.confirmingEmpty.set(false);
    // the notice shows with the list as it now is (not above the row just restored or purged)
    this.load(this.page(), () => this.notice.set(message));
  }

  private failed(err: unknown): void {
    this.busy.set(false);
    this.confirmingId.set(null);
    this.confirmingRestoreId.set(null);
    this.confirmingEmpty.set(false);
    this.error.set(describeApiError(toApiError(err)));
    this.load();
  }
}
