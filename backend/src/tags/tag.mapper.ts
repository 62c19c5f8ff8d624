import type { Tag } from '@jianbao/contracts';
import type { TagEntity } from './tag.entity';

/** Entity → API shape (the rule stays server-side until the auto-tagging issue defines it). */
export function mapTag(entity: TagEntity): Tag {
  return {
    id: entity.id,
    name: entity.name,
    parentId: entity.parentId,
    color: entity.color,
    description: entity.description,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
