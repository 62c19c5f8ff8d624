import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { AuditEvent } from '@jianbao/contracts';
import type { MessageKey } from '../../shared/i18n/messages';
import { type ErrorText, describeApiError, toApiError } from '../../shared/api-error';
import { I18n } from '../../shared/i18n/i18n';
import { AuditApi } from './audit-api';
import {
  type AuditLink,
  type AuditText,
  KNOWN_ACTIONS,
  type KnownAction,
  actionKey,
  auditDetail,
  auditLink,
  pageCount,
} from './audit-view';

const PAGE_SIZE = 50;

/** The audit log (admin): a paged table, newest first, filtered by action; page and filter live in the URL. */
@Component({
  selector: 'jb-audit-log',
  imports: [DatePipe, RouterLink],
  templateUrl: './audit-log.html',
  styleUrl: './audit-log.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLog {
  private readonly api = inject(AuditApi);
  private readonly router = inject(Router);
  protected readonly t = inject(I18n).t;
  protected readonly knownActions = KNOWN_ACTIONS;
  protected readonly actionKey = actionKey;

  protected actionName(action: KnownAction): MessageKey {
    return `audit.action.${action}`;
  }

  /** The detail as a sentence in the UI's language. */
  protected detail(e: AuditEvent): AuditText | null {
    return auditDetail(e, this.t);
  }

  /** A link to what the event names (clipping, the filed page's clippings, tag, user, trash). */
  protected link(e: AuditEvent): AuditLink | null {
    return auditLink(e);
  }

  /** Query parameters, bound by the router. */
  readonly page = input<string | undefined>();
  readonly action = input<string | undefined>();

  protected readonly pageNumber = computed(() => {
    const n = Number(this.page());
    return Number.isInteger(n) && n >= 1 ? n : 1;
  });
  protected readonly actionFilter = computed(() => (this.action() ?? '').trim());

  protected readonly events = signal<AuditEvent[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(true);
  protected readonly error = signal<ErrorText | null>(null);
  protected readonly pages = computed(() => pageCount(this.total(), PAGE_SIZE));

  constructor() {
    effect(() => this.load(this.pageNumber(), this.actionFilter()));
  }

  protected reload(): void {
    this.load(this.pageNumber(), this.actionFilter());
  }

  private load(page: number, action: string): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.list({ page, pageSize: PAGE_SIZE, action }).subscribe({
      next: (result) => {
        this.events.set(result.items);
        this.total.set(result.total);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.error.set(describeApiError(toApiError(err)));
        this.loading.set(false);
      },
    });
  }

  protected filter(action: string): void {
    void this.router.navigate([], { queryParams: { action: action.trim() || null, page: null } });
  }

  protected goTo(page: number): void {
    void this.router.navigate([], {
      queryParams: { page: page > 1 ? page : null },
      queryParamsHandling: 'merge',
    });
  }
}
