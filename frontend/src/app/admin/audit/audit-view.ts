import type { AuditEvent } from '@jianbao/contracts';

/** Actions the server is known to record, offered as suggestions in the filter. */
export const KNOWN_ACTIONS: readonly string[] = [
  'login',
  'login-failed',
  'logout',
  'setup',
  'password-changed',
  'user-created',
  'user-updated',
  'clipping-trashed',
  'trash-restored',
  'trash-purged',
  'import-deleted',
];

/** `clipping #12`, `user 3`, or '' when the event has no target. */
export function targetLabel(event: AuditEvent): string {
  if (!event.targetType && !event.targetId) return '';
  return [event.targetType, event.targetId ? `#${event.targetId}` : ''].filter(Boolean).join(' ');
}

/** The detail object as short `key: value` text (objects as compact JSON), '' when none. */
export function detailText(detail: Record<string, unknown> | null, max = 160): string {
  if (!detail) return '';
  const text = Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Number of pages for `total` rows (at least 1, so "page 1 of 1" shows on an empty log). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}
