import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { inList } from '../database/sql-values';
import { AuditEventEntity } from './audit-event.entity';

/** Every query on `audit_event`. */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One INSERT: not TypeORM's `save`, which reads the generated `id` and `at` back with a second
   * statement (inside a write transaction every round trip holds up the writes queued behind it).
   */
  async insert(row: Omit<AuditEventEntity, 'id' | 'at'>, manager: EntityManager): Promise<void> {
    // `at` takes the column's default (CURRENT_TIMESTAMP), as `save` left it to the database.
    await manager.query(
      `INSERT INTO audit_event (action, actor_id, actor_name, target_type, target_id, detail, ip)
       VALUES (${inList(manager, 7)})`,
      [
        row.action,
        row.actorId,
        row.actorName,
        row.targetType,
        row.targetId,
        row.detail === null ? null : JSON.stringify(row.detail),
        row.ip,
      ],
    );
  }

  /** Newest first, optionally one action only. */
  async page(
    filter: { action?: string },
    window: { offset: number; pageSize: number },
  ): Promise<{ rows: AuditEventEntity[]; total: number }> {
    const [rows, total] = await this.dataSource.getRepository(AuditEventEntity).findAndCount({
      where: filter.action ? { action: filter.action } : {},
      order: { id: 'DESC' },
      skip: window.offset,
      take: window.pageSize,
    });
    return { rows, total };
  }
}
