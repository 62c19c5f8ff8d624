import type { IssueMap, IssueMapClipping, IssueMapPage } from '@jianbao/contracts';
import { idOrNull, isPlainPageNumber, isoDateOrNull, issueSummary, wizardParams } from './issue-map-view';

const clipping = (id: number, waitingFor: IssueMapClipping['waitingFor'] = []): IssueMapClipping => ({
  id,
  kind: 'article',
  kicker: null,
  title: `标题${id}`,
  excerpt: '',
  continuesFrom: null,
  continuesTo: null,
  previousPartId: null,
  nextPartId: null,
  articleId: null,
  waitingFor,
});

const page = (label: string, clippings: IssueMapClipping[]): IssueMapPage => ({
  label,
  sortKey: label,
  filed: clippings.length > 0,
  clippings,
  referencedBy: [],
  gap: clippings.length === 0,
});

const map: IssueMap = {
  publicationId: 4,
  publicationName: '济宁日报',
  issueDate: '2024-10-22',
  pages: [page('1', []), page('2', [clipping(1), clipping(2, ['head']), clipping(3, ['head', 'tail'])])],
  previousDate: null,
  nextDate: null,
};

describe('issue map view helpers', () => {
  it('counts filed and missing pages and the parts still waiting', () => {
    expect(issueSummary(map)).toEqual({ filed: 1, missing: 1, waiting: 2 });
  });

  it('sends a page not filed to the wizard with publication, date and page', () => {
    expect(wizardParams(map, page('1', []))).toEqual({
      publicationId: 4,
      issueDate: '2024-10-22',
      pageLabel: '1',
    });
  });

  it('names plain page numbers, leaves printed labels as they are', () => {
    expect(['3', 'A2', '3A', '第三版', '要闻'].map(isPlainPageNumber)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('reads the path parameters strictly', () => {
    expect([idOrNull('12'), idOrNull('0'), idOrNull('1e2'), idOrNull(undefined)]).toEqual([
      12,
      null,
      null,
      null,
    ]);
    expect([isoDateOrNull('2024-10-22'), isoDateOrNull('20241022'), isoDateOrNull(undefined)]).toEqual([
      '2024-10-22',
      null,
      null,
    ]);
  });
});
