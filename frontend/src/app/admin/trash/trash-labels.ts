import type { MessageKey } from '../../shared/i18n/messages';

const REASONS = ['deleted', 'import-deleted', 'import-replaced'] as const;
const TYPES = ['clipping'] as const;

/** The message for a trash reason, or null for one this UI does not know yet (shown as is). */
export function trashReasonKey(reason: string): MessageKey | null {
  return (REASONS as readonly string[]).includes(reason) ? (`trash.reason.${reason}` as MessageKey) : null;
}

/** The message for what kind of thing was deleted, or null for an unknown kind (shown as is). */
export function trashTypeKey(entityType: string): MessageKey | null {
  return (TYPES as readonly string[]).includes(entityType)
    ? (`trash.type.${entityType}` as MessageKey)
    : null;
}

const PROBLEMS = ['not-found', 'id-taken', 'publication-gone'] as const;

/** The message for why a trash item could not be restored (generic for a reason this UI does not know yet). */
export function trashProblemKey(problem: string): MessageKey {
  return (PROBLEMS as readonly string[]).includes(problem)
    ? (`trash.problem.${problem}` as MessageKey)
    : 'trash.problem.not-found';
}
