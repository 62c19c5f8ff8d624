import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';

/** Every query on `audit_event`. */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(row: Omit<AuditEventEntity, 'id' | 'at'>, manager: EntityManager): Promise<void> {
    await manager.save(manager.create(AuditEventEntity, row));
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
