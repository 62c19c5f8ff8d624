import type { Clipping, Page } from '@jianbao/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access';
import { pageWindow } from '../common/page.query';
import { type FieldError, validationFailed } from '../common/validation';
import { ContinuationsService } from '../continuations/continuations.service';
import { needsRelink } from '../continuations/relink-trigger';
import { TransactionRunner } from '../database/transaction-runner';
import { HistoryService } from '../history/history.service';
import { authorOf } from '../common/author';
import { PublicationsRepository } from '../publications/publications.repository';
import { RegionDirectory } from '../regions/region-directory';
import { RegionsRepository } from '../regions/regions.repository';
import { TagsRepository } from '../tags/tags.repository';
import { TrashService } from '../trash/trash.service';
import { parseClippingSort } from './clipping-sort';
import { ClippingViewLoader } from './clipping-view.loader';
import { ClippingEntity } from './clipping.entity';
import { type ClippingChanges, type ClippingFilter, ClippingsRepository } from './clippings.repository';
import type { CreateClippingDto } from './dto/create-clipping.dto';
import type { ListClippingsQueryDto } from './dto/list-clippings.query';
import type { UpdateClippingDto } from './dto/update-clipping.dto';
import { staleVersion } from './stale-version';
import { pageSortKey } from '@jianbao/contracts';

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
    private readonly regionDirectory: RegionDirectory,
    private readonly tx: TransactionRunner,
    private readonly continuations: ContinuationsService,
    private readonly history: HistoryService,
    private readonly trash: TrashService,
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
      regionIds:
        query.regionId === undefined ? undefined : await this.regionDirectory.subtreeIds(query.regionId),
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

  create(dto: CreateClippingDto, actor: Actor | null = null): Promise<Clipping> {
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
      const links = await this.continuations.linkAfterFiling(manager, [id]);
      const author = authorOf(actor);
      await this.history.record(manager, [id], author, 'created');
      await this.history.record(manager, linkedOthers(id, links), author, 'linked', { detail: { with: id } });
      return this.reload(id, manager);
    });
  }

  update(id: number, dto: UpdateClippingDto, actor: Actor | null = null): Promise<Clipping> {
    return this.tx.run(async (manager) => {
      const current = await this.clippings.findById(id, manager);
      if (!current) throw new NotFoundException(`Clipping ${id} not found`);
      if (dto.version !== undefined && dto.version !== current.version) throw await this.stale(id, manager);
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
        throw await this.stale(id, manager);
      }
      if (dto.tagIds) await this.clippings.replaceTagLinks(id, dto.tagIds, manager);
      if (regionIds) await this.clippings.replaceRegionLinks(id, regionIds, manager);
      const links = needsRelink(current, dto) ? await this.continuations.linkAfterFiling(manager, [id]) : [];
      const author = authorOf(actor);
      await this.history.record(manager, [id], author, 'edited');
      await this.history.record(manager, linkedOthers(id, links), author, 'linked', { detail: { with: id } });
      return this.reload(id, manager);
    });
  }

  /** Moves the clipping to the trash (its chain is mended; admins can restore it). */
  remove(id: number, actor: Actor | null = null): Promise<void> {
    return this.trash.trashClipping(id, actor);
  }

  /** The 409 of a stale edit, carrying the clipping as it is now. */
  private async stale(id: number, manager: EntityManager): Promise<Error> {
    const latest = await this.views.loadOne(id, manager);
    if (!latest) return new NotFoundException(`Clipping ${id} not found`);
    return staleVersion(latest);
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

  /**
   * The clipping as this write left it, read inside its transaction: the answer's version must be the
   * one this edit made, or a client editing on from it could overwrite a later edit unawares.
   */
  private async reload(id: number, manager: EntityManager): Promise<Clipping> {
    const clipping = await this.views.loadOne(id, manager);
    if (!clipping) throw new NotFoundException(`Clipping ${id} not found`);
    return clipping;
  }
}

/** The other parts of the links made involving `id` (their neighbours changed too). */
function linkedOthers(id: number, links: { headId: number; tailId: number; status: string }[]): number[] {
  return links.filter((l) => l.status === 'linked').map((l) => (l.headId === id ? l.tailId : l.headId));
}
