import type { Actor } from './access';

/** Who a revision, trash item or audit event is attributed to. */
export interface Author {
  id: number | null;
  name: string | null;
}

/** Nobody known (a request without a caller, or a background job). */
export const NOBODY: Author = { id: null, name: null };

/** Filing from the command line (`import-dir`, `import-page`). */
export const CLI_AUTHOR: Author = { id: null, name: 'cli' };

/** The request's caller as an author. */
export function authorOf(actor: Actor | null | undefined): Author {
  return actor ? { id: actor.id, name: actor.username } : NOBODY;
}
