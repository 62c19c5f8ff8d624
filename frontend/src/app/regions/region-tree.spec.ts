import type { RegionNode } from '@jianbao/contracts';
import {
  EMPTY_REGION_TREE,
  isLoaded,
  visibleRows,
  withChildren,
  withExpanded,
  withLoading,
} from './region-tree';

const node = (id: number, name: string, childCount = 0, clippingCount = 0): RegionNode => ({
  id,
  code: String(370000 + id),
  name,
  level: 'province',
  childCount,
  clippingCount,
});

describe('region tree state', () => {
  const provinces = [node(1, '山东省', 2, 5), node(2, '河南省', 0)];
  const prefectures = [node(10, '济宁市', 1, 5), node(11, '菏泽市')];

  it('shows the top level, and children only under open, loaded nodes', () => {
    let s = withChildren(EMPTY_REGION_TREE, null, provinces);
    expect(visibleRows(s).map((r) => [r.node.name, r.depth, r.expandable])).toEqual([
      ['山东省', 0, true],
      ['河南省', 0, false],
    ]);
    s = withExpanded(s, 1, true);
    expect(visibleRows(s)).toHaveLength(2); // open but not loaded yet
    s = withChildren(s, 1, prefectures);
    expect(visibleRows(s).map((r) => [r.node.name, r.depth])).toEqual([
      ['山东省', 0],
      ['济宁市', 1],
      ['菏泽市', 1],
      ['河南省', 0],
    ]);
    s = withExpanded(s, 1, false);
    expect(visibleRows(s)).toHaveLength(2);
    expect(isLoaded(s, 1)).toBe(true);
    expect(isLoaded(s, 2)).toBe(false);
  });

  it('tracks loading and clears it when children arrive', () => {
    let s = withLoading(withChildren(EMPTY_REGION_TREE, null, provinces), 1, true);
    expect(visibleRows(s)[0]?.loading).toBe(true);
    s = withChildren(s, 1, prefectures);
    expect(visibleRows(s)[0]?.loading).toBe(false);
    expect(withLoading(s, 1, false).loading.size).toBe(0);
  });

  it('does not mutate the previous state and never loops on a bad parent link', () => {
    const before = withChildren(EMPTY_REGION_TREE, null, provinces);
    withExpanded(before, 1, true);
    expect(before.expanded.size).toBe(0);
    const looped = withExpanded(withChildren(before, 1, [node(1, '山东省', 1)]), 1, true);
    expect(visibleRows(looped).map((r) => r.node.id)).toEqual([1, 2]);
  });
});
