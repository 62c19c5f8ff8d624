import type { Region } from '@jianbao/contracts';
import type { RegionEntity } from './region.entity';

/** Entity → API shape. */
export function mapRegion(entity: RegionEntity): Region {
  return {
    id: entity.id,
    code: entity.code,
    name: entity.name,
    level: entity.level,
    parentId: entity.parentId,
  };
}
