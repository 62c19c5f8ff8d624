import type { Clipping } from '@jianbao/contracts';

/** Where a clipping stands in a continued article, as the list marks it. */
export type ContinuationMark = 'linked' | 'waiting' | null;

/** The list row's marks: `linked` when it is a part of an article, `waiting` when a jump marker has no part yet. */
export function continuationMark(
  c: Pick<Clipping, 'articleId' | 'continuesFrom' | 'continuesTo' | 'previousPartId' | 'nextPartId'>,
): ContinuationMark {
  const waiting =
    (c.continuesFrom !== null && c.previousPartId === null) ||
    (c.continuesTo !== null && c.nextPartId === null);
  if (waiting) return 'waiting';
  return c.articleId !== null ? 'linked' : null;
}

/** At most `max` chips, and how many more there are. */
export function firstChips<T>(items: readonly T[], max = 3): { shown: readonly T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}
