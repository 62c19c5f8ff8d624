import type { Clipping, Page } from '@jianbao/contracts';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { pageWindow } from '../common/page.query';
import { type FieldError, validationFailed } from '../common/validation';
import { ContinuationsService } from '../continuations/continuations.service';
import { needsRelink } from '../continuations/relink-trigger';
import { TransactionRunner } from '../database/transaction-runner';
import { pageSortKey } from '../imports/parser/page-label';
import { PublicationsRepository } from '../publications/publications.repository';
import { RegionsRepository } from '../regions/regions.repository';
import { TagsRepository } from '../tags/tags.repository';
import { parseClippingSort } from './clipping-sort';
import { ClippingViewLoader } from './clipping-view.loader';
import { ClippingEntity } from './clipping.entity';
import { type ClippingChanges, type ClippingFilter, ClippingsRepository } from './clippings.repository';
import type { CreateClippingDto } from './dto/create-clipping.dto';
import type { ListClippingsQueryDto } from './dto/list-clippings.query';
import type { UpdateClippingDto } from './dto/update-clipping.dto';

/** Columns copied as-is from a PATCH body when present. */
const PLAIN_FIELDS = [
  'publicationId',
  'issueDate',
  'kind',
  'kicker',
  'title',
  'subtitle',
  'byline',
  'dateline',
  'body',
  'subheads',
  'rawText',
  'status',
] as const;

/** Rules for clippings: references must exist, page labels get their sort key, edits are optimistically locked. */
@Injectable()
export class ClippingsService {
  constructor(
    private readonly clippings: ClippingsRepository,
    private readonly views: ClippingViewLoader,
    private readonly publications: PublicationsRepository,
    private readonly tags: TagsRepository,
    private readonly regions: RegionsRepository,
    private readonly tx: TransactionRunner,
    private readonly continuations: ContinuationsService,
  ) {}

  async list(query: ListClippingsQueryDto): Promise<Page<Clipping>> {
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      throw validationFailed([{ field: 'to', errors: ['to must not be before from'] }]);
    }
    const filter: ClippingFilter = {
      publicationId: query.publicationId,
      from: query.from,
      to: query.to,
      pageSort: query.pageLabel === undefined ? undefined : pageSortKey(query.pageLabel),
      kind: query.kind,
      status: query.status,
      tagIds: query.tagId === undefined ? undefined : await this.tags.subtreeIds(query.tagId),
      regionIds: query.regionId === undefined ? undefined : await this.regions.subtreeIds(query.regionId),
      q: query.q,
    };
    const window = pageWindow(query);
    const { ids, total } = await this.clippings.listIds(filter, parseClippingSort(query.sort), window);
    return { items: await this.views.load(ids), total, page: window.page, pageSize: window.pageSize };
  }

  async get(id: number): Promise<Clipping> {
    const clipping = await this.views.loadOne(id);
    if (!clipping) throw new NotFoundException(`Clipping ${id} not found`);
    return clipping;
  }

  create(dto: CreateClippingDto): Promise<Clipping> {
    return this.tx.run(async (manager) => {
      const { regionIds } = await this.checkReferences(dto, manager);
      const entity = Object.assign(new ClippingEntity(), {
        publicationId: dto.publicationId,
        issueDate: dto.issueDate,
        pageLabel: dto.pageLabel,
        pageSort: pageSortKey(dto.pageLabel),
        kind: dto.kind ?? 'article',
        kicker: dto.kicker ?? null,
        title: dto.title ?? null,
        subtitle: dto.subtitle ?? null,
        byline: dto.byline ?? null,
        dateline: dto.dateline ?? null,
        body: dto.body,
        subheads: dto.subheads ?? [],
        rawText: dto.rawText ?? null,
        status: dto.status ?? 'draft',
        continuesFrom: null,
        continuesTo: null,
        importId: null,
        articleId: null,
        previousPartId: null,
        nextPartId: null,
      });
      const id = await this.clippings.insert(entity, manager);
      if (dto.tagIds) await this.clippings.replaceTagLinks(id, dto.tagIds, manager);
      if (regionIds) await this.clippings.replaceRegionLinks(id, regionIds, manager);
      await this.continuations.linkAfterFiling(manager, [id]);
      return this.reload(id, manager);
    });
  }

  update(id: number, dto: UpdateClippingDto): Promise<Clipping> {
    return this.tx.run(async (manager) => {
      const current = await this.clippings.findById(id, manager);
      if (!current) throw new NotFoundException(`Clipping ${id} not found`);
      if (dto.version !== undefined && dto.version !== current.version) throw this.stale(id, current.version);
      const { regionIds } = await this.checkReferences(dto, manager);
      const changes: ClippingChanges = {};
      for (const field of PLAIN_FIELDS) {
        if (dto[field] !== undefined) Object.assign(changes, { [field]: dto[field] });
      }
      if (dto.pageLabel !== undefined) {
        changes.pageLabel = dto.pageLabel;
        changes.pageSort = pageSortKey(dto.pageLabel);
      }
      // Every accepted edit, links included, bumps the version, so a stale editor always hears of it.
      if (!(await this.clippings.updateIfVersion(id, current.version, changes, manager))) {
        const latest = await this.clippings.findById(id, manager);
        throw this.stale(id, latest?.version ?? current.version);
      }
      if (dto.tagIds) await this.clippings.replaceTagLinks(id, dto.tagIds, manager);
      if (regionIds) await this.clippings.replaceRegionLinks(id, regionIds, manager);
      if (needsRelink(current, dto)) await this.continuations.linkAfterFiling(manager, [id]);
      return this.reload(id, manager);
    });
  }

  remove(id: number): Promise<void> {
    return this.tx.run(async (manager) => {
      if (!(await this.clippings.findById(id, manager)))
        throw new NotFoundException(`Clipping ${id} not found`);
      await this.continuations.detachBeforeDelete(manager, [id]);
      await this.clippings.remove(id, manager);
    });
  }

  private stale(id: number, currentVersion: number): ConflictException {
    return new ConflictException({
      statusCode: 409,
      error: 'Conflict',
      message: `Clipping ${id} was changed by someone else (now at version ${currentVersion}); reload and retry`,
      details: { currentVersion },
    });
  }

  /** Referenced publication, tags and regions must exist: a 400 naming each bad field otherwise. */
  private async checkReferences(
    dto: { publicationId?: number; tagIds?: number[]; regionCodes?: string[] },
    manager: EntityManager,
  ): Promise<{ regionIds?: number[] }> {
    const problems: FieldError[] = [];
    if (dto.publicationId !== undefined && !(await this.publications.findById(dto.publicationId, manager))) {
      problems.push({ field: 'publicationId', errors: [`publication ${dto.publicationId} does not exist`] });
    }
    if (dto.tagIds && dto.tagIds.length > 0) {
      const found = new Set((await this.tags.findByIds(dto.tagIds, manager)).map((t) => t.id));
      const missing = dto.tagIds.filter((id) => !found.has(id));
      if (missing.length > 0)
        problems.push({ field: 'tagIds', errors: [`unknown tag id(s): ${missing.join(', ')}`] });
    }
    let regionIds: number[] | undefined;
    if (dto.regionCodes) {
      const regions = await this.regions.findByCodes(dto.regionCodes, manager);
      const byCode = new Map(regions.map((r) => [r.code, r.id]));
      const missing = dto.regionCodes.filter((code) => !byCode.has(code));
      if (missing.length > 0) {
        problems.push({ field: 'regionCodes', errors: [`unknown region code(s): ${missing.join(', ')}`] });
      }
      regionIds = dto.regionCodes
        .map((code) => byCode.get(code))
        .filter((id): id is number => id !== undefined);
    }
    if (problems.length > 0) throw validationFailed(problems);
    return { regionIds };
  }

  private async reload(id: number, manager: EntityManager): Promise<Clipping> {
    const clipping = await this.views.loadOne(id, manager);
    if (!clipping) throw new NotFoundException(`Clipping ${id} not found`);
    return clipping;
  }
}
