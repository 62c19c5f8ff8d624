import type { AuditEvent } from '@jianbao/contracts';
import type { AuditEventEntity } from './audit-event.entity';

export function mapAuditEvent(row: AuditEventEntity): AuditEvent {
  return {
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    actorId: row.actorId,
    actorName: row.actorName,
    targetType: row.targetType,
    targetId: row.targetId,
    detail: row.detail,
    ip: row.ip,
  };
}
