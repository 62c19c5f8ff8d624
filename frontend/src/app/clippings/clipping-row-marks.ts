import type { Clipping, StoryMark } from '@jianbao/contracts';
import type { MessageParams } from '../shared/i18n/i18n';
import type { MessageKey } from '../shared/i18n/messages';

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

/** The same-story chip of a row: its words (proposed and confirmed read differently, not by colour alone) and its tooltip. */
export function storyChip(
  mark: StoryMark,
  t: (key: MessageKey, params?: MessageParams) => string,
): { text: string; hint: string } {
  const others = mark.texts - 1;
  const confirmed = mark.status === 'confirmed';
  const text = t(confirmed ? 'marks.story.confirmed' : 'marks.story.proposed', { count: mark.texts });
  const hint = t(confirmed ? 'marks.story.confirmedHint' : 'marks.story.proposedHint', { others });
  return { text, hint: mark.main ? `${hint}${t('marks.story.mainHint')}` : hint };
}
