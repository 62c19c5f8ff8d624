import { PublicationEntity } from './publication.entity';
import { mapPublication } from './publication.mapper';

describe('mapPublication', () => {
  it('maps every field, dates as ISO strings', () => {
    const entity = Object.assign(new PublicationEntity(), {
      id: 3,
      name: '钱江晚报',
      shortName: '钱江',
      homeRegionCode: '330100',
      language: 'zh-CN',
      notes: null,
      createdAt: new Date('2024-03-01T08:00:00Z'),
      updatedAt: new Date('2024-03-02T09:30:00Z'),
    });
    expect(mapPublication(entity)).toEqual({
      id: 3,
      name: '钱江晚报',
      shortName: '钱江',
      homeRegionCode: '330100',
      language: 'zh-CN',
      notes: null,
      createdAt: '2024-03-01T08:00:00.000Z',
      updatedAt: '2024-03-02T09:30:00.000Z',
    });
  });
});
