import { sampleClipping } from '../clipping-testing';
import { draftOfClipping, draftValueText, mergeDrafts, parseDraftText } from './clipping-draft';

const clipping = sampleClipping({ tags: [{ id: 1, name: '文明', color: null, source: 'manual' }] });

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
