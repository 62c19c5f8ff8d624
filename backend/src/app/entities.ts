import { ArticleEntity } from '../clippings/article.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { ClippingRegionEntity } from '../clippings/clipping-region.entity';
import { ClippingTagEntity } from '../clippings/clipping-tag.entity';
import { ClippingEntity } from '../clippings/clipping.entity';
import { ContinuationSuggestionEntity } from '../continuations/continuation-suggestion.entity';
import { PageImportEntity } from '../imports/page-import.entity';
import { PublicationEntity } from '../publications/publication.entity';
import { RegionEntity } from '../regions/region.entity';
import { SavedViewEntity } from '../saved-views/saved-view.entity';
import { TagEntity } from '../tags/tag.entity';
import { UserSessionEntity } from '../users/user-session.entity';
import { UserEntity } from '../users/user.entity';

/** Every entity the app maps; the tables themselves come from the migrations only. */
export const ENTITIES = [
  PublicationEntity,
  RegionEntity,
  TagEntity,
  ClippingEntity,
  ClippingTagEntity,
  ClippingRegionEntity,
  PageImportEntity,
  ArticleEntity,
  ContinuationSuggestionEntity,
  AuditEventEntity,
  UserEntity,
  UserSessionEntity,
  SavedViewEntity,
];
