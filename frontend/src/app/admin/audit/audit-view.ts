import type { AuditEvent } from '@jianbao/contracts';
import type { MessageParams } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/messages';

/** Actions the server records, offered as suggestions in the filter and named in the UI's language. */
export const KNOWN_ACTIONS = [
  'login',
  'login-failed',
  'logout',
  'setup',
  'password-changed',
  'user-created',
  'user-updated',
  'user-disabled',
  'user-enabled',
  'page-filed',
  'clipping-created',
  'clipping-edited',
  'clippings-bulk-edited',
  'tag-rule-applied',
  'clipping-trashed',
  'clipping-untrashed',
  'trash-purged',
  'trash-emptied',
  'unassigned-reviewed',
] as const;
export type KnownAction = (typeof KNOWN_ACTIONS)[number];

/** A sentence to translate: `I18n.t(key, params)`. */
export interface AuditText {
  key: MessageKey;
  params: MessageParams;
}

/** Where an event's target lives in the UI: a router link with its query. */
export interface AuditLink {
  commands: (string | number)[];
  queryParams?: Record<string, string | number>;
  text: AuditText;
}

function isKnown(action: string): action is KnownAction {
  return (KNOWN_ACTIONS as readonly string[]).includes(action);
}

/** The action's name in the UI's language, or null for one this UI does not know (shown as recorded). */
export function actionKey(action: string): MessageKey | null {
  return isKnown(action) ? `audit.action.${action}` : null;
}

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v) || 0);

/** Field names a clipping edit records, in the UI's words (unknown ones are kept as recorded). */
const FIELD_KEYS: Partial<Record<string, MessageKey>> = {
  publicationId: 'clipping.field.publication',
  issueDate: 'clipping.field.issueDate',
  pageLabel: 'clipping.field.pageLabel',
  kind: 'clipping.field.kind',
  status: 'clipping.field.status',
  kicker: 'clipping.field.kicker',
  title: 'clipping.field.title',
  subtitle: 'clipping.field.subtitle',
  byline: 'clipping.field.byline',
  dateline: 'clipping.field.dateline',
  body: 'clipping.field.body',
  subheads: 'clipping.field.subheads',
  tags: 'links.tags',
  regions: 'links.regions',
};

/**
 * The event's detail as a sentence in the UI's language, or null when it has none. `t` names the
 * parts that are themselves messages (fields, trash reasons); values the user typed stay as they are.
 */
export function auditDetail(
  e: AuditEvent,
  t: (key: MessageKey, params?: MessageParams) => string,
): AuditText | null {
  const d = e.detail ?? {};
  switch (e.action) {
    case 'login':
    case 'logout':
    case 'setup':
    case 'password-changed':
      return null;
    case 'login-failed':
      return {
        key: 'audit.detail.loginFailed',
        params: { username: str(d['username']), reason: t(loginReasonKey(str(d['reason']))) },
      };
    case 'user-created':
      return {
        key: 'audit.detail.userCreated',
        params: { username: str(d['username']), role: roleText(d['role'], t) },
      };
    case 'user-updated':
    case 'user-disabled':
    case 'user-enabled': {
      const role = d['role'] as { before?: unknown; after?: unknown } | undefined;
      if (role && typeof role === 'object')
        return {
          key: 'audit.detail.roleChanged',
          params: {
            username: str(d['username']),
            before: roleText(role.before, t),
            after: roleText(role.after, t),
          },
        };
      if (d['passwordReset'])
        return { key: 'audit.detail.passwordReset', params: { username: str(d['username']) } };
      return { key: 'audit.detail.user', params: { username: str(d['username']) } };
    }
    case 'page-filed':
      return {
        key: d['replacedImportId'] ? 'audit.detail.pageRefiled' : 'audit.detail.pageFiled',
        params: {
          publication: str(d['publicationName']),
          date: str(d['issueDate']),
          page: str(d['pageLabel']),
          count: num(d['clippings']),
          replaced: str(d['replacedImportId']),
        },
      };
    case 'clipping-created':
      return { key: 'audit.detail.clipping', params: { label: str(d['label']) } };
    case 'clipping-edited': {
      const fields = Array.isArray(d['fields']) ? d['fields'].map(str) : [];
      return {
        key: 'audit.detail.clippingEdited',
        params: {
          label: str(d['label']),
          fields: fields.map((f) => (FIELD_KEYS[f] ? t(FIELD_KEYS[f]) : f)).join(t('work.listSeparator')),
        },
      };
    }
    case 'clippings-bulk-edited':
      return { key: 'audit.detail.bulk', params: { count: num(d['count']) } };
    case 'tag-rule-applied':
      return {
        key: 'audit.detail.ruleApplied',
        params: { tag: str(d['tagName']), matched: num(d['matched']), added: num(d['added']) },
      };
    case 'clipping-trashed':
      return {
        key: 'audit.detail.trashed',
        params: { label: str(d['label']), reason: trashReasonText(str(d['reason']), t) },
      };
    case 'clipping-untrashed':
    case 'trash-purged':
      return { key: 'audit.detail.clipping', params: { label: str(d['label']) } };
    case 'trash-emptied':
      return { key: 'audit.detail.emptied', params: { count: num(d['purged']) } };
    case 'unassigned-reviewed':
      return {
        key: 'audit.detail.unassignedReviewed',
        params: {
          publication: str(d['publicationName']),
          date: str(d['issueDate']),
          page: str(d['pageLabel']),
          count: num(d['lines']),
        },
      };
    default:
      return Object.keys(d).length ? { key: 'audit.detail.other', params: { text: detailText(d) } } : null;
  }
}

function loginReasonKey(reason: string): MessageKey {
  return reason === 'unknown'
    ? 'audit.reason.unknownUser'
    : reason === 'disabled'
      ? 'audit.reason.disabled'
      : 'audit.reason.password';
}

function roleText(role: unknown, t: (key: MessageKey) => string): string {
  return role === 'viewer' || role === 'editor' || role === 'admin' ? t(`role.${role}`) : str(role);
}

function trashReasonText(reason: string, t: (key: MessageKey) => string): string {
  return reason === 'deleted' || reason === 'import-deleted' || reason === 'import-replaced'
    ? t(`trash.reason.${reason}`)
    : reason;
}

/**
 * Where the event's target can be seen: the clipping, the clippings of a filed page (its publication,
 * date and page), the tag list, the users, or the trash for what was deleted; null when nothing to open.
 */
export function auditLink(e: AuditEvent): AuditLink | null {
  const d = e.detail ?? {};
  const id = e.targetId ?? '';
  if (e.action === 'clipping-trashed' || e.action === 'trash-emptied')
    return { commands: ['/admin/trash'], text: { key: 'audit.link.trash', params: {} } };
  if (e.action === 'trash-purged') return null;
  switch (e.targetType ?? '') {
    case 'clipping':
      return { commands: ['/clippings', id], text: { key: 'audit.link.clipping', params: { id } } };
    case 'import': {
      const publicationId = num(d['publicationId']);
      const date = str(d['issueDate']);
      const page = str(d['pageLabel']);
      return {
        commands: ['/clippings'],
        queryParams: {
          ...(publicationId ? { publicationId } : {}),
          ...(date ? { from: date, to: date } : {}),
          ...(page ? { pageLabel: page } : {}),
        },
        text: { key: 'audit.link.import', params: { id } },
      };
    }
    case 'tag':
      return {
        commands: ['/clippings'],
        queryParams: { tagId: id },
        text: { key: 'audit.link.tag', params: { name: str(d['tagName']) || `#${id}` } },
      };
    case 'user': {
      // Logins name no user in their detail: the actor is the user then.
      const name = str(d['username']) || (String(e.actorId) === id ? (e.actorName ?? '') : '');
      return id
        ? { commands: ['/admin/users'], text: { key: 'audit.link.user', params: { name: name || `#${id}` } } }
        : null;
    }
    default:
      return null;
  }
}

/** The detail object as short `key: value` text, for actions this UI does not know; '' when none. */
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
