import { mergeSet, mergeThreeWay, resolveMerge, sameValue, unresolved } from './field-merge';

interface Draft {
  title: string | null;
  body: string;
  subheads: string[];
  tags: { id: number; name: string }[];
}
const FIELDS = ['title', 'body', 'subheads', 'tags'] as const;
const SETS = { tags: (t: { id: number }) => t.id };

const base: Draft = {
  title: '梁山发行明信片',
  body: '本报讯 梁山县文明办发行明信片。',
  subheads: ['一', '二'],
  tags: [
    { id: 1, name: '文明' },
    { id: 2, name: '梁山' },
  ],
};

describe('mergeThreeWay', () => {
  it('takes each side’s change when only that side changed a field', () => {
    const theirs = { ...base, title: '梁山县发行文明明信片' };
    const mine = { ...base, body: '本报讯 梁山县文明办发行一套明信片。' };
    const merges = mergeThreeWay(base, theirs, mine, FIELDS, SETS);
    expect(merges.map((m) => [m.field, m.outcome])).toEqual([
      ['title', 'theirs'],
      ['body', 'mine'],
      ['subheads', 'unchanged'],
      ['tags', 'unchanged'],
    ]);
    expect(resolveMerge(theirs, merges, {})).toEqual({
      ...base,
      title: '梁山县发行文明明信片',
      body: '本报讯 梁山县文明办发行一套明信片。',
    });
  });

  it('agrees when both sides made the same change', () => {
    const both = { ...base, subheads: ['一', '三'] };
    const merges = mergeThreeWay(base, both, { ...both }, FIELDS, SETS);
    expect(merges.find((m) => m.field === 'subheads')?.outcome).toBe('same');
    expect(unresolved(merges, {})).toEqual([]);
  });

  it('reports a conflict when both sides changed a field differently, and waits for a choice', () => {
    const theirs = { ...base, title: '他们的标题' };
    const mine = { ...base, title: '我的标题', body: '我改的正文' };
    const merges = mergeThreeWay(base, theirs, mine, FIELDS, SETS);
    const title = merges.find((m) => m.field === 'title');
    expect(title).toMatchObject({
      outcome: 'conflict',
      base: base.title,
      theirs: '他们的标题',
      mine: '我的标题',
    });
    expect(unresolved(merges, {})).toEqual(['title']);
    expect(resolveMerge(theirs, merges, {})).toBeNull();

    expect(resolveMerge(theirs, merges, { title: { take: 'theirs' } })).toEqual({
      ...base,
      title: '他们的标题',
      body: '我改的正文',
    });
    expect(resolveMerge(theirs, merges, { title: { take: 'mine' } })?.title).toBe('我的标题');
    expect(resolveMerge(theirs, merges, { title: { take: 'edit', value: '合并后的标题' } })?.title).toBe(
      '合并后的标题',
    );
  });

  it('treats null and a value as different, and a cleared field as a change', () => {
    const theirs = { ...base, title: null };
    const merges = mergeThreeWay(base, theirs, { ...base }, FIELDS, SETS);
    expect(merges[0]).toMatchObject({ outcome: 'theirs', merged: null });
  });

  it('combines both sides’ additions and removals of a set without a conflict', () => {
    const theirs = {
      ...base,
      tags: [
        { id: 2, name: '梁山' },
        { id: 3, name: '济宁' },
      ],
    }; // −1 +3
    const mine = {
      ...base,
      tags: [
        { id: 1, name: '文明' },
        { id: 2, name: '梁山' },
        { id: 4, name: '明信片' },
      ],
    }; // +4
    const merges = mergeThreeWay(base, theirs, mine, FIELDS, SETS);
    const tags = merges.find((m) => m.field === 'tags');
    expect(tags?.outcome).toBe('combined');
    expect(tags?.merged).toEqual([
      { id: 2, name: '梁山' },
      { id: 3, name: '济宁' },
      { id: 4, name: '明信片' },
    ]);
  });

  it('sees a reordered set as unchanged', () => {
    const mine = { ...base, tags: [...base.tags].reverse() };
    expect(mergeThreeWay(base, { ...base }, mine, FIELDS, SETS)[3]?.outcome).toBe('unchanged');
  });
});

describe('mergeSet', () => {
  it('drops what I removed even when they kept it, and does not double what both added', () => {
    expect(mergeSet([1, 2, 3], [1, 2, 3, 5], [2, 3, 5, 6], (x) => x)).toEqual([2, 3, 5, 6]);
  });
});

describe('sameValue', () => {
  it('compares JSON-like values structurally', () => {
    expect(sameValue({ a: [1, { b: '甲' }] }, { a: [1, { b: '甲' }] })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue(['一'], ['一', '二'])).toBe(false);
    expect(sameValue(null, '')).toBe(false);
  });
});
