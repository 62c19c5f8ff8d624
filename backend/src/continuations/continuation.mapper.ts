import type { ChainPart, ClippingSummary, ContinuationSuggestion } from '@jianbao/contracts';
import type { ClippingEntity } from '../clippings/clipping.entity';
import { excerptOf } from '../clippings/clipping.mapper';
import type { ClippingRow } from '../clippings/read/clipping-reader';
import type { ContinuationSuggestionEntity } from './continuation-suggestion.entity';

/** A clipping (with its publication's name) → the short form lists and panels show. */
export function mapClippingSummary(entity: ClippingRow): ClippingSummary {
  return {
    id: entity.id,
    publicationId: entity.publicationId,
    publicationName: entity.publicationName,
    issueDate: entity.issueDate,
    pageLabel: entity.pageLabel,
    kind: entity.kind,
    title: entity.title,
    excerpt: excerptOf(entity.body),
  };
}

export function mapChainPart(entity: Pick<ClippingEntity, 'id' | 'pageLabel' | 'title' | 'body'>): ChainPart {
  return {
    clippingId: entity.id,
    pageLabel: entity.pageLabel,
    title: entity.title,
    excerpt: excerptOf(entity.body),
  };
}

export function mapSuggestion(entity: ContinuationSuggestionEntity): ContinuationSuggestion {
  return {
    id: entity.id,
    headId: entity.headId,
    tailId: entity.tailId,
    score: entity.score,
    reasons: entity.reasons,
    status: entity.status,
    source: entity.source,
  };
}
