import { TagEntity } from './tag.entity';
import { mapTag } from './tag.mapper';

describe('mapTag', () => {
  it('maps the public fields and keeps the rule server-side', () => {
    const entity = Object.assign(new TagEntity(), {
      id: 7,
      parentId: 2,
      name: '教育',
      color: '#336699',
      description: null,
      rule: { any: ['学校'] },
      createdAt: new Date('2024-01-01T00:00:00Z'),
      updatedAt: new Date('2024-01-02T00:00:00Z'),
    });
    expect(mapTag(entity)).toEqual({
      id: 7,
      parentId: 2,
      name: '教育',
      color: '#336699',
      description: null,
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-02T00:00:00.000Z',
    });
  });
});
