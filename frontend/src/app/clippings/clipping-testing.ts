import type { Clipping, ClippingListItem } from '@jianbao/contracts';

/** A clipping of 济宁日报 as the API returns it, for specs; `overrides` replace its fields. */
export function sampleClipping(overrides: Partial<Clipping> = {}): Clipping {
  return {
    id: 5,
    publicationId: 1,
    publicationName: '济宁日报',
    issueDate: '2024-03-05',
    pageLabel: 'A2',
    pageSort: 'A0002',
    kind: 'article',
    kicker: null,
    title: '梁山小小明信片倡树大文明',
    subtitle: null,
    byline: '本报记者 张三',
    dateline: null,
    body: '本报讯 近日，梁山县……',
    subheads: ['一、起步'],
    rawText: null,
    status: 'draft',
    continuesFrom: null,
    continuesTo: null,
    importId: null,
    articleId: null,
    previousPartId: null,
    nextPartId: null,
    tags: [],
    regions: [],
    version: 3,
    createdAt: '2024-03-05T08:00:00.000Z',
    updatedAt: '2024-03-05T08:00:00.000Z',
    ...overrides,
  };
}

/** {@link sampleClipping} as a row of the list: an excerpt instead of the body, no `rawText`. */
export function sampleListItem(overrides: Partial<ClippingListItem> = {}): ClippingListItem {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { body, rawText, ...rest } = sampleClipping();
  return { ...rest, excerpt: body, ...overrides };
}
