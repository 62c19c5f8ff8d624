import type { BulkEditResult, ClippingFilterValues } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { References } from '../catalog/references';
import type { Actor } from '../common/access';
import { authorOf } from '../common/author';
import { type FieldError, validationFailed } from '../common/validation';
import { chunk } from '../database/sql-values';
import { ClippingFilterResolver } from './clipping-filter';
import type { BulkEditDto } from './dto/bulk-edit.dto';
import { ClippingListRepository } from './read/clipping-list.repository';
import { ClippingReader } from './read/clipping-reader';
import type { ClippingChanges } from './store/clipping-rows.repository';
import { ClippingStore } from './store/clipping-store';

/** Clippings per statement: (ids × up to 100 links) stays under SQLite's bound-variable limit. */
const BATCH = 200;

/**
 * Bulk editing: the same change on explicit ids or on everything matching a list filter, all or
 * nothing in one transaction. Every selected clipping's version bumps, so open editors hear of it.
 */
@Injectable()
export class ClippingsBulkService {
  constructor(
    private readonly store: ClippingStore,
    private readonly reader: ClippingReader,
    private readonly lists: ClippingListRepository,
    private readonly filters: ClippingFilterResolver,
    private readonly references: References,
    private readonly audit: AuditService,
  ) {}

  edit(dto: BulkEditDto, actor: Actor | null = null): Promise<BulkEditResult> {
    this.checkShape(dto);
    return this.store.write(authorOf(actor), 'bulk', async (w) => {
      const refs = await this.checkReferences(dto, w.manager);
      const ids = dto.ids
        ? await this.checkIds(dto.ids, w.manager)
        : await this.matching(dto.filter ?? {}, w.manager);
      if (dto.dryRun || ids.length === 0) return { matched: ids.length, updated: 0 };
      const changes: ClippingChanges = {};
      if (dto.kind !== undefined) changes.kind = dto.kind;
      if (dto.status !== undefined) changes.status = dto.status;
      if (dto.publicationId !== undefined) changes.publicationId = dto.publicationId;
      for (let i = 0; i < ids.length; i += BATCH) {
        const batch = ids.slice(i, i + BATCH);
        if (dto.removeTagIds?.length) await w.removeTags(batch, dto.removeTagIds);
        if (dto.addTagIds?.length) await w.addTags(batch, dto.addTagIds);
        if (refs.removeRegionIds.length) await w.removeRegions(batch, refs.removeRegionIds);
        if (refs.addRegionIds.length) await w.addRegions(batch, refs.addRegionIds);
        await w.updateMany(batch, changes);
      }
      await w.record(ids, 'bulk');
      const change = Object.fromEntries(
        Object.entries({
          addTagIds: dto.addTagIds,
          removeTagIds: dto.removeTagIds,
          addRegionCodes: dto.addRegionCodes,
          removeRegionCodes: dto.removeRegionCodes,
          kind: dto.kind,
          status: dto.status,
          publicationId: dto.publicationId,
        }).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
      );
      await this.audit.record(
        {
          action: 'clippings-bulk-edited',
          actor,
          detail: { count: ids.length, ...change, ...(dto.filter ? { byFilter: true } : {}) },
        },
        w.manager,
      );
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
    if (
      dto.publicationId !== undefined &&
      !(await this.references.publicationExists(dto.publicationId, manager))
    ) {
      problems.push({ field: 'publicationId', errors: [`publication ${dto.publicationId} does not exist`] });
    }
    for (const field of ['addTagIds', 'removeTagIds'] as const) {
      const ids = dto[field] ?? [];
      const found = await this.references.existingTagIds(ids, manager);
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length > 0) problems.push({ field, errors: [`unknown tag id(s): ${missing.join(', ')}`] });
    }
    const regionIds: Record<'addRegionCodes' | 'removeRegionCodes', number[]> = {
      addRegionCodes: [],
      removeRegionCodes: [],
    };
    for (const field of ['addRegionCodes', 'removeRegionCodes'] as const) {
      const codes = dto[field] ?? [];
      const byCode = await this.references.regionIdsByCode(codes, manager);
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
    for (const batch of chunk(ids, 5000)) {
      for (const id of await this.reader.existingIds(batch, manager)) found.add(id);
    }
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      const shown = missing.slice(0, 20).join(', ') + (missing.length > 20 ? ', …' : '');
      throw validationFailed([{ field: 'ids', errors: [`unknown clipping id(s): ${shown}`] }]);
    }
    return ids;
  }

  /** Everything the list filter selects: the list's own filter table, so the two always agree. */
  private async matching(values: ClippingFilterValues, manager: EntityManager): Promise<number[]> {
    const filter = await this.filters.resolve(values, 'filter.', manager);
    return this.lists.allIds(filter, manager);
  }
}
