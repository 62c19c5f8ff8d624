import type { ArchiveClipping, ArchivePublication, ArchiveTag, Clipping, TagRule } from '@jianbao/contracts';
import type { PublicationEntity } from '../publications/publication.entity';
import type { TagEntity } from '../tags/tag.entity';

export function toArchivePublication(p: PublicationEntity): ArchivePublication {
  return {
    id: p.id,
    name: p.name,
    shortName: p.shortName,
    homeRegionCode: p.homeRegionCode,
    language: p.language,
    notes: p.notes,
  };
}

export function toArchiveTag(t: TagEntity): ArchiveTag {
  return {
    id: t.id,
    parentId: t.parentId,
    name: t.name,
    color: t.color,
    description: t.description,
    rule: (t.rule ?? null) as TagRule | null,
  };
}

export function toArchiveClipping(c: Clipping): ArchiveClipping {
  return {
    id: c.id,
    publicationId: c.publicationId,
    issueDate: c.issueDate,
    pageLabel: c.pageLabel,
    kind: c.kind,
    kicker: c.kicker,
    title: c.title,
    subtitle: c.subtitle,
    byline: c.byline,
    dateline: c.dateline,
    body: c.body,
    subheads: c.subheads,
    rawText: c.rawText,
    status: c.status,
    continuesFrom: c.continuesFrom,
    continuesTo: c.continuesTo,
    articleId: c.articleId,
    previousPartId: c.previousPartId,
    nextPartId: c.nextPartId,
    tags: c.tags.map((t) => ({ id: t.id, source: t.source })),
    regions: c.regions.map((r) => ({ code: r.code, source: r.source })),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
