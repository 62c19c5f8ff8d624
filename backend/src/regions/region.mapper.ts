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

/** Ancestor names from the province down, excluding the region itself; `byId` must hold the ancestors. */
export function regionPath(region: RegionEntity, byId: ReadonlyMap<number, RegionEntity>): string[] {
  const path: string[] = [];
  const seen = new Set<number>([region.id]);
  let parentId = region.parentId;
  while (parentId !== null && !seen.has(parentId)) {
    const parent = byId.get(parentId);
    if (!parent) break;
    path.unshift(parent.name);
    seen.add(parent.id);
    parentId = parent.parentId;
  }
  return path;
}
