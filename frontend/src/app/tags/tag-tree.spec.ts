import type { Tag } from '@jianbao/contracts';
import { descendantIds, flattenTagTree } from './tag-tree';

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
