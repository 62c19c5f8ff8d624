import type { Tag, TagRule } from '@jianbao/contracts';
import type { TagEntity } from './tag.entity';

/** Entity → API shape. */
export function mapTag(entity: TagEntity): Tag {
  return {
    id: entity.id,
    name: entity.name,
    parentId: entity.parentId,
    color: entity.color,
    description: entity.description,
    rule: (entity.rule as TagRule | null) ?? null,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
