import type { MessageKey } from '../shared/i18n/messages';

/** The label of each clipping field, as the history panel and the merge view name them. */
export const CLIPPING_FIELD_LABELS = {
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
  tags: 'history.field.tags',
  regions: 'history.field.regions',
  continuesFrom: 'history.field.continuesFrom',
  continuesTo: 'history.field.continuesTo',
  previousPartId: 'history.field.previousPartId',
  nextPartId: 'history.field.nextPartId',
  stories: 'history.field.stories',
} as const satisfies Record<string, MessageKey>;
