import { RegionEntity } from './region.entity';
import { regionPath } from '../catalog/region-directory';
import { mapRegion } from './region.mapper';

const region = (
  id: number,
  name: string,
  level: RegionEntity['level'],
  parentId: number | null,
): RegionEntity =>
  Object.assign(new RegionEntity(), { id, code: String(330000 + id), name, level, parentId });

describe('region mapper', () => {
  const zhejiang = region(1, '浙江省', 'province', null);
  const hangzhou = region(2, '杭州市', 'prefecture', 1);
  const xihu = region(3, '西湖区', 'county', 2);
  const byId = new Map([zhejiang, hangzhou, xihu].map((r) => [r.id, r]));

  it('maps a region', () => {
    expect(mapRegion(xihu)).toEqual({ id: 3, code: '330003', name: '西湖区', level: 'county', parentId: 2 });
  });

  it('builds the ancestor path from the province down, excluding the region', () => {
    expect(regionPath(xihu, byId)).toEqual(['浙江省', '杭州市']);
    expect(regionPath(hangzhou, byId)).toEqual(['浙江省']);
    expect(regionPath(zhejiang, byId)).toEqual([]);
  });

  it('stops at a missing ancestor or a cycle instead of looping', () => {
    expect(regionPath(xihu, new Map([[2, hangzhou]]))).toEqual(['杭州市']);
    const a = region(10, '甲', 'county', 11);
    const b = region(11, '乙', 'county', 10);
    expect(
      regionPath(
        a,
        new Map([
          [10, a],
          [11, b],
        ]),
      ),
    ).toEqual(['乙']);
  });
});
