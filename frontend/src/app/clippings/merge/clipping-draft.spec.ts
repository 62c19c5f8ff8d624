import type { Clipping } from '@jianbao/contracts';
import { draftOfClipping, draftValueText, mergeDrafts, parseDraftText } from './clipping-draft';

const clipping: Clipping = {
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
  tags: [{ id: 1, name: '文明', color: null, source: 'manual' }],
  regions: [],
  version: 3,
  createdAt: '2024-03-05T08:00:00.000Z',
  updatedAt: '2024-03-05T08:00:00.000Z',
};

describe('clipping drafts', () => {
  it('merges a clipping edited on both sides: a title conflict, their body, both sides’ tags', () => {
    const base = draftOfClipping(clipping);
    const theirs = {
      ...base,
      title: '他们的标题',
      body: '他们改的正文',
      tags: [...base.tags, { id: 2, name: '梁山', color: null, source: 'manual' as const }],
    };
    const mine = {
      ...base,
      title: '我的标题',
      tags: [...base.tags, { id: 3, name: '济宁', color: null, source: 'manual' as const }],
    };
    const merges = mergeDrafts(base, theirs, mine);
    const outcome = Object.fromEntries(merges.map((m) => [m.field, m.outcome]));
    expect(outcome).toMatchObject({ title: 'conflict', body: 'theirs', tags: 'combined', kind: 'unchanged' });
    expect(draftValueText(merges.find((m) => m.field === 'tags')!.merged)).toBe('文明、梁山、济宁');
  });

  it('shows and parses field values as text', () => {
    expect(draftValueText(['一', '二'])).toBe('一\n二');
    expect(draftValueText(null)).toBe('');
    expect(draftValueText(7)).toBe('7');
    expect(parseDraftText('subheads', ' 一 \n\n二')).toEqual(['一', '二']);
    expect(parseDraftText('title', '  ')).toBeNull();
    expect(parseDraftText('body', ' 正文 ')).toBe('正文');
  });
});
