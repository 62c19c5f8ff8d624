import type { Publication } from '@jianbao/contracts';
import type { PublicationEntity } from './publication.entity';

/** Entity → API shape. */
export function mapPublication(entity: PublicationEntity): Publication {
  return {
    id: entity.id,
    name: entity.name,
    shortName: entity.shortName,
    homeRegionCode: entity.homeRegionCode,
    language: entity.language,
    notes: entity.notes,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
