import type { AuditEvent, Page } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access';
import type { Author } from '../common/author';
import { TransactionRunner } from '../database/transaction-runner';
import { mapAuditEvent } from './audit-event.mapper';
import { AuditRepository } from './audit.repository';

/** What happened, to what, by whom. `action` is kebab-case: `login`, `user-created`, `clipping-trashed`… */
export interface AuditRecord {
  action: string;
  actor?: Actor | null;
  /** Who, when there is no request actor (a write attributed to an author, e.g. `cli`). */
  author?: Author | null;
  /** e.g. `user`, `clipping`, `import`. */
  targetType?: string | null;
  targetId?: string | number | null;
  detail?: Record<string, unknown> | null;
  ip?: string | null;
}

/** The admin audit log: recorded inside the caller's transaction when one is given. */
@Injectable()
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  /**
   * Records one event. Pass the transaction's `manager` to make the event part of it (it is then
   * rolled back with it); without one the event is written in its own transaction.
   */
  async record(event: AuditRecord, manager?: EntityManager): Promise<void> {
    const row = {
      action: event.action,
      actorId: event.actor?.id ?? event.author?.id ?? null,
      actorName: event.actor?.username ?? event.author?.name ?? null,
      targetType: event.targetType ?? null,
      targetId: event.targetId === undefined || event.targetId === null ? null : String(event.targetId),
      detail: event.detail ?? null,
      ip: event.ip ? event.ip.slice(0, 64) : null,
    };
    if (manager) await this.repository.insert(row, manager);
    else await this.transactions.run((m) => this.repository.insert(row, m));
  }

  async list(
    filter: { action?: string },
    window: { page: number; pageSize: number; offset: number },
  ): Promise<Page<AuditEvent>> {
    const { rows, total } = await this.repository.page(filter, window);
    return { items: rows.map(mapAuditEvent), total, page: window.page, pageSize: window.pageSize };
  }
}
