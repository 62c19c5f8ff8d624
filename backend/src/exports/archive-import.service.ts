import type { ArchiveFile, ArchiveImportResult, ArchiveTag } from '@jianbao/contracts';
import { pageSortKey } from '@jianbao/contracts';
import { ConflictException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { References } from '../catalog/references';
import type { Actor } from '../common/access';
import { type Author, authorOf } from '../common/author';
import { type FieldError, validationFailed } from '../common/validation';
import { ClippingReader } from '../clippings/read/clipping-reader';
import { ClippingStore } from '../clippings/store/clipping-store';
import { PublicationEntity } from '../publications/publication.entity';
import { PublicationsRepository } from '../publications/publications.repository';
import { TagEntity } from '../tags/tag.entity';
import { TagsRepository } from '../tags/tags.repository';
import { checkArchive } from './archive-check';

/**
 * Reads an archive file (the JSON export) back into a database without clippings: publications (an
 * existing one of the same name is used), the tag tree (an existing tag of the same name under the same
 * parent is used), the clippings with every field, their tag and region links, and their continuation
 * chains — articles are made again by linking the parts. One transaction: all of it or nothing; a bad
 * file is a 400 listing its problems before anything is written.
 */
@Injectable()
export class ArchiveImportService {
  constructor(
    private readonly store: ClippingStore,
    private readonly reader: ClippingReader,
    private readonly references: References,
    private readonly publications: PublicationsRepository,
    private readonly tags: TagsRepository,
  ) {}

  import(
    input: unknown,
    actor: Actor | null,
    author: Author = authorOf(actor),
  ): Promise<ArchiveImportResult> {
    const checked = checkArchive(input);
    if ('problems' in checked) throw validationFailed(checked.problems);
    const file = checked.file;
    return this.store.write(author, 'imported', async (w) => {
      if (await this.reader.any(w.manager)) {
        throw new ConflictException(
          'The archive already holds clippings: an archive file is imported into a database without clippings',
        );
      }
      const regionIds = await this.regionIds(file, w.manager);
      const publicationIds = await this.importPublications(file, w.manager);
      const tagIds = await this.importTags(file.tags, w.manager);
      const clippingIds = new Map<number, number>();
      for (const c of file.clippings) {
        const id = await w.insert({
          publicationId: known(publicationIds, c.publicationId),
          issueDate: c.issueDate,
          pageLabel: c.pageLabel,
          pageSort: pageSortKey(c.pageLabel),
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
          importId: null,
          articleId: null,
          previousPartId: null,
          nextPartId: null,
        });
        clippingIds.set(c.id, id);
      }
      const newId = (id: number): number => known(clippingIds, id);
      const tagLinks = file.clippings.flatMap((c) =>
        c.tags.map((t) => ({ clippingId: newId(c.id), tagId: known(tagIds, t.id), source: t.source })),
      );
      const regionLinks = file.clippings.flatMap((c) =>
        c.regions.map((r) => ({
          clippingId: newId(c.id),
          regionId: known(regionIds, r.code),
          source: r.source,
        })),
      );
      await w.linkFiled(regionLinks, tagLinks);
      // Chains from their first part along next: each link made once, in reading order.
      let links = 0;
      const heads = file.clippings.filter((c) => c.previousPartId === null && c.nextPartId !== null);
      const byId = new Map(file.clippings.map((c) => [c.id, c]));
      for (const head of heads) {
        for (let cur = head; cur.nextPartId !== null;) {
          const next = known(byId, cur.nextPartId);
          await w.linkParts(newId(cur.id), newId(next.id));
          links += 1;
          cur = next;
        }
      }
      await w.record([...clippingIds.values()], 'imported');
      return {
        publications: publicationIds.size,
        tags: tagIds.size,
        clippings: clippingIds.size,
        tagLinks: tagLinks.length,
        regionLinks: regionLinks.length,
        links,
        articles: heads.length,
      };
    });
  }

  /** Every region code of the file, as this database's region ids; a 400 naming each unknown code. */
  private async regionIds(file: ArchiveFile, manager: EntityManager): Promise<Map<string, number>> {
    const codes = [...new Set(file.clippings.flatMap((c) => c.regions.map((r) => r.code)))];
    const byCode = await this.references.regionIdsByCode(codes, manager);
    const problems: FieldError[] = [];
    file.clippings.forEach((c, i) =>
      c.regions.forEach((r, j) => {
        if (!byCode.has(r.code) && problems.length < 50) {
          problems.push({
            field: `clippings[${i}].regions[${j}].code`,
            errors: [`region ${r.code} is not in this database's region table`],
          });
        }
      }),
    );
    if (problems.length > 0) throw validationFailed(problems);
    return byCode;
  }

  private async importPublications(file: ArchiveFile, manager: EntityManager): Promise<Map<number, number>> {
    const ids = new Map<number, number>();
    for (const p of file.publications) {
      const existing = await this.publications.findByName(p.name, manager);
      if (existing) {
        ids.set(p.id, existing.id);
        continue;
      }
      const saved = await this.publications.save(
        Object.assign(new PublicationEntity(), {
          name: p.name,
          shortName: p.shortName,
          homeRegionCode: p.homeRegionCode,
          language: p.language,
          notes: p.notes,
        }),
        manager,
      );
      ids.set(p.id, saved.id);
    }
    return ids;
  }

  /** Parents before children (the file's tree has no loops: checked). */
  private async importTags(
    tags: readonly ArchiveTag[],
    manager: EntityManager,
  ): Promise<Map<number, number>> {
    const ids = new Map<number, number>();
    let pending = [...tags];
    while (pending.length > 0) {
      const ready = pending.filter((t) => t.parentId === null || ids.has(t.parentId));
      for (const t of ready) {
        const parentId = t.parentId === null ? null : known(ids, t.parentId);
        const existing = await this.tags.findSibling(parentId, t.name, manager);
        const saved =
          existing ??
          (await this.tags.save(
            Object.assign(new TagEntity(), {
              parentId,
              name: t.name,
              color: t.color,
              description: t.description,
              rule: t.rule,
            }),
            manager,
          ));
        ids.set(t.id, saved.id);
      }
      pending = pending.filter((t) => !ids.has(t.id));
    }
    return ids;
  }
}

/** A value the checks made sure of (every reference of the file points inside it). */
function known<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`archive import: ${String(key)} was not mapped`);
  return value;
}
