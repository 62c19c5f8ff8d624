import type { JumpRef } from '@jianbao/contracts';
import { type IssuePageInput, issuePages, waitingFor } from './issue-pages';

const ref = (page: string, marker: string): JumpRef => ({ page, label: null, marker });

function clipping(id: number, pageLabel: string, extra: Partial<IssuePageInput> = {}): IssuePageInput {
  return {
    id,
    pageLabel,
    kind: 'article',
    kicker: null,
    title: `标题${id}`,
    excerpt: '正文',
    continuesFrom: null,
    continuesTo: null,
    previousPartId: null,
    nextPartId: null,
    articleId: null,
    ...extra,
  };
}

describe('issuePages', () => {
  it('orders pages as printed, whatever the spelling, and keeps each page’s clippings in filing order', () => {
    const pages = issuePages([
      clipping(1, '第十版'),
      clipping(2, '2'),
      clipping(3, '第二版'),
      clipping(4, 'A1'),
    ]);
    expect(pages.filter((p) => p.filed).map((p) => [p.label, p.clippings.map((c) => c.id)])).toEqual([
      ['2', [2, 3]],
      ['第十版', [1]],
      ['A1', [4]],
    ]);
  });

  it('lists the pages a jump marker points at and the gaps of each edition, not filed', () => {
    const pages = issuePages([
      clipping(1, '2', { continuesTo: ref('5', '（下转第五版）') }),
      clipping(2, '4'),
      clipping(3, 'A2'),
    ]);
    expect(pages.map((p) => [p.label, p.filed, p.gap, p.referencedBy])).toEqual([
      ['1', false, true, []],
      ['2', true, false, []],
      ['3', false, true, []],
      ['4', true, false, []],
      ['5', false, false, [1]],
      ['A1', false, true, []],
      ['A2', true, false, []],
    ]);
  });

  it('marks what a part still waits for, and records markers pointing at filed pages', () => {
    const pages = issuePages([
      clipping(1, '1', { continuesTo: ref('2', '（下转第二版）'), nextPartId: 2 }),
      clipping(2, '2', { continuesFrom: ref('1', '（上接第一版）'), previousPartId: 1 }),
      clipping(3, '2', { continuesFrom: ref('1', '（上接1版A）') }),
    ]);
    const page2 = pages.find((p) => p.label === '2');
    expect(page2?.referencedBy).toEqual([1]);
    expect(page2?.clippings.map((c) => c.waitingFor)).toEqual([[], ['head']]);
    expect(pages.find((p) => p.label === '1')?.referencedBy).toEqual([2, 3]);
  });

  it('lists no gaps past a page number no paper prints', () => {
    expect(issuePages([clipping(1, '999')]).map((p) => p.label)).toEqual(['999']);
  });

  it('waitingFor follows the waiting list: both ends of a middle part can wait', () => {
    expect(
      waitingFor({
        continuesFrom: ref('1', '上接'),
        continuesTo: ref('3', '下转'),
        previousPartId: null,
        nextPartId: null,
      }),
    ).toEqual(['head', 'tail']);
  });
});
