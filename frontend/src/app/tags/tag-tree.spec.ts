import type { Tag } from '@jianbao/contracts';
import {
  canMoveTo,
  clippingCountOf,
  descendantIds,
  findTagByName,
  flattenTagTree,
  mergeTargets,
  moveTargets,
  searchTags,
} from './tag-tree';

const tag = (id: number, name: string, parentId: number | null = null): Tag => ({
  id,
  name,
  parentId,
  color: null,
  description: null,
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-01T00:00:00Z',
});

describe('flattenTagTree', () => {
  it('places children under their parents, depth-first', () => {
    const rows = flattenTagTree([tag(3, '农业', 1), tag(1, '经济'), tag(2, '文化'), tag(4, '粮食', 3)]);
    expect(rows.map((r) => [r.tag.name, r.depth])).toEqual([
      ['经济', 0],
      ['农业', 1],
      ['粮食', 2],
      ['文化', 0],
    ]);
    expect(rows[2]?.path).toEqual(['经济', '农业', '粮食']);
  });

  it('treats orphans as top level and survives a parent cycle', () => {
    const rows = flattenTagTree([tag(1, 'a', 99), tag(2, 'b', 3), tag(3, 'c', 2)]);
    expect(rows.map((r) => r.tag.id).sort()).toEqual([1, 2, 3]);
  });
});

describe('descendantIds', () => {
  it('collects a tag and everything below it', () => {
    const tags = [tag(1, 'a'), tag(2, 'b', 1), tag(3, 'c', 2), tag(4, 'd')];
    expect([...descendantIds(tags, 1)].sort()).toEqual([1, 2, 3]);
  });
});

describe('canMoveTo', () => {
  const tags = [tag(1, '经济'), tag(2, '农业', 1), tag(3, '粮食', 2), tag(4, '文化')];

  it('allows top level, a sibling branch and the current parent', () => {
    expect(canMoveTo(tags, 3, null)).toBe(true);
    expect(canMoveTo(tags, 3, 4)).toBe(true);
    expect(canMoveTo(tags, 3, 2)).toBe(true);
    expect(canMoveTo(tags, 2, 4)).toBe(true);
  });

  it('forbids moving under itself or any descendant', () => {
    expect(canMoveTo(tags, 1, 1)).toBe(false);
    expect(canMoveTo(tags, 1, 2)).toBe(false);
    expect(canMoveTo(tags, 1, 3)).toBe(false);
    expect(canMoveTo(tags, 2, 3)).toBe(false);
  });

  it('refuses unknown tags and parents', () => {
    expect(canMoveTo(tags, 99, null)).toBe(false);
    expect(canMoveTo(tags, 3, 99)).toBe(false);
  });

  it('terminates on a parent cycle', () => {
    const cyclic = [tag(1, 'a', 2), tag(2, 'b', 1), tag(3, 'c')];
    expect(canMoveTo(cyclic, 1, 2)).toBe(false);
    expect(canMoveTo(cyclic, 1, 3)).toBe(true);
  });
});

describe('moveTargets / mergeTargets', () => {
  const tags = [tag(1, '经济'), tag(2, '农业', 1), tag(3, '粮食', 2), tag(4, '文化')];

  it('lists every tag except the subtree being moved, in tree order', () => {
    expect(moveTargets(tags, 2).map((r) => r.tag.id)).toEqual([1, 4]);
    expect(moveTargets(tags, 4).map((r) => r.tag.id)).toEqual([1, 2, 3]);
    expect(mergeTargets(tags, 1).map((r) => r.tag.id)).toEqual([4]);
  });

  it('agrees with canMoveTo for every pair', () => {
    for (const moving of tags) {
      const allowed = new Set(moveTargets(tags, moving.id).map((r) => r.tag.id));
      for (const target of tags) expect(allowed.has(target.id)).toBe(canMoveTo(tags, moving.id, target.id));
    }
  });
});

describe('findTagByName / searchTags', () => {
  const tags = [tag(1, '文明'), tag(2, '文明城市'), tag(3, '城市文明'), tag(4, 'Expo')];

  it('finds by exact trimmed name, ignoring Latin case', () => {
    expect(findTagByName(tags, ' 文明 ')?.id).toBe(1);
    expect(findTagByName(tags, 'expo')?.id).toBe(4);
    expect(findTagByName(tags, '文')).toBeUndefined();
    expect(findTagByName(tags, '  ')).toBeUndefined();
  });

  it('searches by substring, prefixes first, limited', () => {
    expect(searchTags(tags, '文明').map((t) => t.id)).toEqual([1, 2, 3]);
    expect(searchTags(tags, '文明', 2)).toHaveLength(2);
    expect(searchTags(tags, '')).toEqual([]);
  });
});

describe('clippingCountOf', () => {
  it('reads a count when the server sends one', () => {
    expect(clippingCountOf({ ...tag(1, 'a'), clippingCount: 4 } as Tag)).toBe(4);
    expect(clippingCountOf(tag(1, 'a'))).toBeNull();
  });
});
