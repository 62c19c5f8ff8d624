import type { ClippingSnapshot } from '@jianbao/contracts';
import { applyChanges, diffSnapshots, normaliseSnapshot } from './clipping-snapshot';

const base: ClippingSnapshot = {
  publicationId: 1,
  issueDate: '2024-10-22',
  pageLabel: '2',
  kind: 'article',
  kicker: null,
  title: '梁山县召开秋粮收购工作会议',
  subtitle: null,
  byline: '记者 王小明',
  dateline: null,
  body: '本报讯 梁山县日前召开秋粮收购工作会议。',
  subheads: [],
  status: 'draft',
  continuesFrom: null,
  continuesTo: null,
  previousPartId: null,
  nextPartId: null,
  tags: [{ id: 3, name: '农业', source: 'manual' }],
  regions: [{ code: '370832', name: '梁山县', source: 'rule' }],
};

describe('diffSnapshots', () => {
  it('finds nothing between equal snapshots', () => {
    expect(diffSnapshots(base, { ...base, tags: [...base.tags], regions: [...base.regions] })).toEqual([]);
  });

  it('lists changed scalar fields with before and after, in field order', () => {
    const after = { ...base, title: '梁山县部署秋粮收购', status: 'reviewed' as const, byline: null };
    expect(diffSnapshots(base, after)).toEqual([
      { field: 'title', before: '梁山县召开秋粮收购工作会议', after: '梁山县部署秋粮收购' },
      { field: 'byline', before: '记者 王小明', after: null },
      { field: 'status', before: 'draft', after: 'reviewed' },
    ]);
  });

  it('compares arrays and jump references by value', () => {
    const after = {
      ...base,
      subheads: ['一、提高认识'],
      continuesTo: { page: '3', label: null, marker: '（下转第三版）' },
    };
    expect(diffSnapshots(base, after)).toEqual([
      { field: 'subheads', before: [], after: ['一、提高认识'] },
      { field: 'continuesTo', before: null, after: { page: '3', label: null, marker: '（下转第三版）' } },
    ]);
    expect(diffSnapshots(after, { ...after, subheads: ['一、提高认识'] })).toEqual([]);
  });

  it('diffs tags and regions as removed / added sets keyed by id and code', () => {
    const after = {
      ...base,
      tags: [
        { id: 3, name: '农业', source: 'rule' as const },
        { id: 7, name: '粮食安全', source: 'manual' as const },
      ],
      regions: [],
    };
    expect(diffSnapshots(base, after)).toEqual([
      { field: 'tags', before: [], after: [{ id: 7, name: '粮食安全', source: 'manual' }] },
      { field: 'regions', before: [{ code: '370832', name: '梁山县', source: 'rule' }], after: [] },
    ]);
  });

  it('reports link changes of continued articles', () => {
    expect(diffSnapshots(base, { ...base, nextPartId: 42 })).toEqual([
      { field: 'nextPartId', before: null, after: 42 },
    ]);
  });

  it('treats a first revision as every set field changing from empty', () => {
    const changes = diffSnapshots(null, base);
    expect(changes.map((c) => c.field)).toEqual([
      'publicationId',
      'issueDate',
      'pageLabel',
      'kind',
      'title',
      'byline',
      'body',
      'status',
      'tags',
      'regions',
    ]);
    expect(changes.find((c) => c.field === 'tags')).toEqual({ field: 'tags', before: [], after: base.tags });
  });

  it('diffs recorded same-story decisions as sets', () => {
    const after = { ...base, stories: [{ otherId: 9, decision: 'confirmed' }] };
    expect(diffSnapshots(base, after)).toEqual([
      { field: 'stories', before: [], after: [{ otherId: 9, decision: 'confirmed' }] },
    ]);
  });
});

describe('normaliseSnapshot', () => {
  it('orders tags by id and regions by code so equal states serialise equally', () => {
    const messy = {
      ...base,
      tags: [
        { id: 9, name: '乙', source: 'manual' as const },
        { id: 2, name: '甲', source: 'rule' as const },
      ],
      regions: [
        { code: '370800', name: '济宁市', source: 'rule' as const },
        { code: '370000', name: '山东省', source: 'rule' as const },
      ],
    };
    const n = normaliseSnapshot(messy);
    expect(n.tags.map((t) => t.id)).toEqual([2, 9]);
    expect(n.regions.map((r) => r.code)).toEqual(['370000', '370800']);
  });
});

describe('applyChanges', () => {
  const variants: ClippingSnapshot[] = [
    base,
    { ...base, title: null, body: '改写后的正文。', subheads: ['一、背景'], status: 'reviewed' },
    { ...base, tags: [], regions: [{ code: '370800', name: '济宁市', source: 'manual' }] },
    {
      ...base,
      tags: [
        { id: 3, name: '农业', source: 'manual' },
        { id: 8, name: '粮食', source: 'rule' },
      ],
      nextPartId: 12,
      continuesTo: { page: '3', label: 'A', marker: '（下转3版A）' },
    },
    { ...base, stories: [{ otherId: 5, decision: 'confirmed' }] },
  ];

  it('rebuilds any snapshot from another and their diff', () => {
    for (const a of variants) {
      for (const b of variants) {
        const rebuilt = applyChanges(a, diffSnapshots(a, b));
        expect({ ...rebuilt, stories: rebuilt.stories ?? [] }).toEqual({
          ...normaliseSnapshot(b),
          stories: b.stories ?? [],
        });
      }
    }
  });

  it('adds a tag to a snapshot', () => {
    const tag = { id: 1, name: '民生', source: 'rule' as const };
    const after = applyChanges(base, [{ field: 'tags', before: [], after: [tag] }]);
    expect(after.tags).toEqual([tag, base.tags[0]]);
    expect({ ...after, tags: base.tags }).toEqual(base);
  });
});
