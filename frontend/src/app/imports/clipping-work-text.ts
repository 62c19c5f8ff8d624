/**
 * The work done on a filed clipping since filing (`ClippingWork`) as short phrases in the UI's
 * language, for the duplicate warning, the replace choice and the replace report. Pure given `t`.
 */
import type { ClippingWork, ReplaceMode, WorkedClipping } from '@jianbao/contracts';
import { CLIPPING_FIELD_LABELS } from '../clippings/clipping-field-labels';
import type { MessageParams } from '../shared/i18n/i18n';
import type { MessageKey } from '../shared/i18n/messages';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** `改了标题、正文；标为“已审”；加了标签 秋粮收购`. */
export function describeWork(work: ClippingWork, t: Translate): string {
  const list = (names: string[]): string => names.join(t('work.listSeparator'));
  const parts: string[] = [];
  if (work.fields.length > 0)
    parts.push(t('work.fields', { fields: list(work.fields.map((f) => t(CLIPPING_FIELD_LABELS[f]))) }));
  if (work.status) parts.push(t('work.status', { status: t(`status.${work.status}`) }));
  if (work.tagsAdded.length > 0)
    parts.push(t('work.tagsAdded', { names: list(work.tagsAdded.map((x) => x.name)) }));
  if (work.tagsRemoved.length > 0)
    parts.push(t('work.tagsRemoved', { names: list(work.tagsRemoved.map((x) => x.name)) }));
  if (work.regionsAdded.length > 0)
    parts.push(t('work.regionsAdded', { names: list(work.regionsAdded.map((x) => x.name)) }));
  if (work.regionsRemoved.length > 0)
    parts.push(t('work.regionsRemoved', { names: list(work.regionsRemoved.map((x) => x.name)) }));
  for (const link of work.links) {
    if (link.state === 'rejected') parts.push(t('work.rejected', { id: link.otherId }));
    else
      parts.push(t(link.side === 'next' ? 'work.linked.next' : 'work.linked.previous', { id: link.otherId }));
  }
  return parts.join(t('work.partSeparator'));
}

/** `编辑甲、编辑乙，2024-10-22 14:03` (empty when nobody is known, e.g. only links were made). */
export function describeEditors(
  work: ClippingWork,
  t: Translate,
  formatTime: (iso: string) => string,
): string {
  if (work.editors.length === 0 || work.changedAt === null) return '';
  return t('work.by', {
    editors: work.editors.join(t('work.listSeparator')),
    at: formatTime(work.changedAt),
  });
}

/**
 * Where its work would go: `→ 剪报 3（正文相同）`, or that it is kept for want of a match; with `keep`,
 * that it stays and the new clipping it matches is not filed.
 */
export function describeMatch(
  worked: Pick<WorkedClipping, 'match' | 'matchedBy'>,
  t: Translate,
  mode: ReplaceMode = 'carry-over',
): string {
  if (worked.match === null) return t('work.match.none');
  if (mode === 'keep') return t('work.match.keep', { n: worked.match + 1 });
  return t(worked.matchedBy === 'title' ? 'work.match.title' : 'work.match.body', { n: worked.match + 1 });
}
