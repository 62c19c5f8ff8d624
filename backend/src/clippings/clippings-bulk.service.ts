import type { BulkEditResult } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access';
import { type FieldError, validationFailed } from '../common/validation';
import { TransactionRunner } from '../database/transaction-runner';
import { HistoryService } from '../history/history.service';
import { authorOf } from '../common/author';
import { PublicationsRepository } from '../publications/publications.repository';
import { RegionDirectory } from '../regions/region-directory';
import { RegionsRepository } from '../regions/regions.repository';
import { TagsRepository } from '../tags/tags.repository';
import { ClippingsBulkRepository } from './clippings-bulk.repository';
import { type ClippingChanges, type ClippingFilter, ClippingsRepository } from './clippings.repository';
import type { BulkEditDto, BulkFilterDto } from './dto/bulk-edit.dto';
import { pageSortKey } from '@jianbao/contracts';

/** Clippings per statement: (ids × up to 100 links) stays under SQLite's bound-variable limit. */
const BATCH = 200;

/**
 * Bulk editing: the same change on explicit ids or on everything matching a list filter, all or
 * nothing in one transaction. Every selected clipping's version bumps, so open editors hear of it.
 */
@Injectable()
export class ClippingsBulkService {
  constructor(
    private readonly clippings: ClippingsRepository,
    private readonly bulk: ClippingsBulkRepository,
    private readonly publications: PublicationsRepository,
    private readonly tags: TagsRepository,
    private readonly regions: RegionsRepository,
    private readonly regionDirectory: RegionDirectory,
    private readonly tx: TransactionRunner,
    private readonly history: HistoryService,
  ) {}

  edit(dto: BulkEditDto, actor: Actor | null = null): Promise<BulkEditResult> {
    this.checkShape(dto);
    return this.tx.run(async (manager) => {
      const refs = await this.checkReferences(dto, manager);
      const ids = dto.ids
        ? await this.checkIds(dto.ids, manager)
        : await this.matching(dto.filter ?? {}, manager);
      if (dto.dryRun || ids.length === 0) return { matched: ids.length, updated: 0 };
      const changes: ClippingChanges = {};
      if (dto.kind !== undefined) changes.kind = dto.kind;
      if (dto.status !== undefined) changes.status = dto.status;
      if (dto.publicationId !== undefined) changes.publicationId = dto.publicationId;
      for (let i = 0; i < ids.length; i += BATCH) {
        const batch = ids.slice(i, i + BATCH);
        if (dto.removeTagIds?.length) await this.bulk.removeTags(batch, dto.removeTagIds, manager);
        if (dto.addTagIds?.length) await this.bulk.addTags(batch, dto.addTagIds, manager);
        if (refs.removeRegionIds.length) await this.bulk.removeRegions(batch, refs.removeRegionIds, manager);
        if (refs.addRegionIds.length) await this.bulk.addRegions(batch, refs.addRegionIds, manager);
        await this.bulk.touch(batch, changes, manager);
      }
      await this.history.record(manager, ids, authorOf(actor), 'bulk');
      return { matched: ids.length, updated: ids.length };
    });
  }

  /** ids XOR filter, at least one action, no tag/region both added and removed. */
  private checkShape(dto: BulkEditDto): void {
    const problems: FieldError[] = [];
    if ((dto.ids === undefined) === (dto.filter === undefined)) {
      problems.push({ field: 'ids', errors: ['give exactly one of ids or filter'] });
    }
    const actions = [
      dto.addTagIds?.length,
      dto.removeTagIds?.length,
      dto.addRegionCodes?.length,
      dto.removeRegionCodes?.length,
      dto.kind,
      dto.status,
      dto.publicationId,
    ];
    if (!actions.some((a) => a !== undefined && a !== 0)) {
      problems.push({
        field: 'addTagIds',
        errors: [
          'at least one action is required: addTagIds, removeTagIds, addRegionCodes, removeRegionCodes, kind, status or publicationId',
        ],
      });
    }
    const both = (dto.addTagIds ?? []).filter((id) => dto.removeTagIds?.includes(id));
    if (both.length > 0)
      problems.push({ field: 'removeTagIds', errors: [`tag(s) both added and removed: ${both.join(', ')}`] });
    const bothRegions = (dto.addRegionCodes ?? []).filter((c) => dto.removeRegionCodes?.includes(c));
    if (bothRegions.length > 0) {
      problems.push({
        field: 'removeRegionCodes',
        errors: [`region(s) both added and removed: ${bothRegions.join(', ')}`],
      });
    }
    if (problems.length > 0) throw validationFailed(problems);
  }

  private async checkReferences(
    dto: BulkEditDto,
    manager: EntityManager,
  ): Promise<{ addRegionIds: number[]; removeRegionIds: number[] }> {
    const problems: FieldError[] = [];
    if (dto.publicationId !== undefined && !(await this.publications.findById(dto.publicationId, manager))) {
      problems.push({ field: 'publicationId', errors: [`publication ${dto.publicationId} does not exist`] });
    }
    for (const field of ['addTagIds', 'removeTagIds'] as const) {
      const ids = dto[field] ?? [];
      const found = new Set((await this.tags.findByIds(ids, manager)).map((t) => t.id));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length > 0) problems.push({ field, errors: [`unknown tag id(s): ${missing.join(', ')}`] });
    }
    const regionIds: Record<'addRegionCodes' | 'removeRegionCodes', number[]> = {
      addRegionCodes: [],
      removeRegionCodes: [],
    };
    for (const field of ['addRegionCodes', 'removeRegionCodes'] as const) {
      const codes = dto[field] ?? [];
      const byCode = new Map((await this.regions.findByCodes(codes, manager)).map((r) => [r.code, r.id]));
      const missing = codes.filter((c) => !byCode.has(c));
      if (missing.length > 0)
        problems.push({ field, errors: [`unknown region code(s): ${missing.join(', ')}`] });
      regionIds[field] = codes.map((c) => byCode.get(c)).filter((id): id is number => id !== undefined);
    }
    if (problems.length > 0) throw validationFailed(problems);
    return { addRegionIds: regionIds.addRegionCodes, removeRegionIds: regionIds.removeRegionCodes };
  }

  private async checkIds(ids: number[], manager: EntityManager): Promise<number[]> {
    const found = new Set<number>();
    for (let i = 0; i < ids.length; i += 5000) {
      for (const id of await this.bulk.existingIds(ids.slice(i, i + 5000), manager)) found.add(id);
    }
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      const shown = missing.slice(0, 20).join(', ') + (missing.length > 20 ? ', …' : '');
      throw validationFailed([{ field: 'ids', errors: [`unknown clipping id(s): ${shown}`] }]);
    }
    return ids;
  }

  /** Same semantics as the list filters: tag and region filters include descendants. */
  private async matching(query: BulkFilterDto, manager: EntityManager): Promise<number[]> {
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      throw validationFailed([{ field: 'filter.to', errors: ['to must not be before from'] }]);
    }
    const filter: ClippingFilter = {
      publicationId: query.publicationId,
      from: query.from,
      to: query.to,
      pageSort: query.pageLabel === undefined ? undefined : pageSortKey(query.pageLabel),
      kind: query.kind,
      status: query.status,
      tagIds: query.tagId === undefined ? undefined : await this.tags.subtreeIds(query.tagId, manager),
      regionIds:
        query.regionId === undefined ? undefined : await this.regionDirectory.subtreeIds(query.regionId),
      q: query.q,
    };
    return this.clippings.filteredIds(filter, manager);
  }
}
