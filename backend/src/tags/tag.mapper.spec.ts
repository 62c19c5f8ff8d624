import { TagEntity } from './tag.entity';
import { mapTag } from './tag.mapper';

describe('mapTag', () => {
  const base = {
    id: 7,
    parentId: 2,
    name: '教育',
    color: '#336699',
    description: null,
    createdAt: new Date('2024-01-01T00:00:00Z'),
    updatedAt: new Date('2024-01-02T00:00:00Z'),
  };

  it('maps the public fields, the rule included', () => {
    const entity = Object.assign(new TagEntity(), { ...base, rule: { mode: 'any', terms: ['学校'] } });
    expect(mapTag(entity)).toEqual({
      id: 7,
      parentId: 2,
      name: '教育',
      color: '#336699',
      description: null,
      rule: { mode: 'any', terms: ['学校'] },
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-02T00:00:00.000Z',
    });
  });

  it('answers rule: null for a tag without one', () => {
    expect(mapTag(Object.assign(new TagEntity(), { ...base, rule: null })).rule).toBeNull();
  });
});
