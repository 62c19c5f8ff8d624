import type { Clipping, CountedPage } from '@jianbao/contracts';
import { pageSortKey } from '@jianbao/contracts';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { References } from '../catalog/references';
import type { Actor } from '../common/access';
import { authorOf } from '../common/author';
import { pageWindow } from '../common/page.query';
import { type FieldError, validationFailed } from '../common/validation';
import { LIST_DEPTH } from '../database/capped-count';
import { ClippingFilterResolver } from './clipping-filter';
import { ClippingHooks } from './clipping-hooks';
import { parseClippingSort } from './clipping-sort';
import type { CreateClippingDto } from './dto/create-clipping.dto';
import type { ListClippingsQueryDto } from './dto/list-clippings.query';
import type { UpdateClippingDto } from './dto/update-clipping.dto';
import { ClippingListRepository } from './read/clipping-list.repository';
import { ClippingReader } from './read/clipping-reader';
import { ClippingViewLoader } from './read/clipping-view.loader';
import type { ClippingChanges } from './store/clipping-rows.repository';
import { ClippingStore } from './store/clipping-store';
import { staleVersion } from './stale-version';

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
    private readonly store: ClippingStore,
    private readonly reader: ClippingReader,
    private readonly lists: ClippingListRepository,
    private readonly filters: ClippingFilterResolver,
    private readonly views: ClippingViewLoader,
    private readonly references: References,
    private readonly hooks: ClippingHooks,
    @Inject(LIST_DEPTH) private readonly depth: number,
  ) {}

  /**
   * A page of the list: the total is counted up to the list's depth (LIST_DEPTH, 10,000 by default;
   * `totalExact` false past it), and a page that starts past that depth is refused
   * (docs/architecture.md, "Counts and deep pages").
   */
  async list(query: ListClippingsQueryDto): Promise<CountedPage<Clipping>> {
    const window = pageWindow(query);
    if (window.offset >= this.depth) {
      throw validationFailed([
        {
          field: 'page',
          errors: [
            `page ${window.page} of ${window.pageSize} starts past the first ${this.depth} clippings the list shows: narrow the filter or reverse the sort`,
          ],
        },
      ]);
    }
    const filter = await this.filters.resolve(query);
    const { ids, total, totalExact } = await this.lists.listIds(
      filter,
      parseClippingSort(query.sort),
      window,
      this.depth,
    );
    return {
      items: await this.views.load(ids),
      total,
      totalExact,
      page: window.page,
      pageSize: window.pageSize,
    };
  }

  async get(id: number): Promise<Clipping> {
    const clipping = await this.views.loadOne(id);
    if (!clipping) throw new NotFoundException(`Clipping ${id} not found`);
    return clipping;
  }

  create(dto: CreateClippingDto, actor: Actor | null = null): Promise<Clipping> {
    return this.store.write(authorOf(actor), 'created', async (w) => {
      const { regionIds } = await this.checkReferences(dto, w.manager);
      const id = await w.insert({
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
      if (dto.tagIds) await w.replaceTags(id, dto.tagIds);
      if (regionIds) await w.replaceRegions(id, regionIds);
      await this.hooks.saved(w, { id, before: null, changes: {} });
      await w.record([id], 'created');
      return this.reload(id, w.manager);
    });
  }

  update(id: number, dto: UpdateClippingDto, actor: Actor | null = null): Promise<Clipping> {
    return this.store.write(authorOf(actor), 'edited', async (w) => {
      const current = await this.reader.find(id, w.manager);
      if (!current) throw new NotFoundException(`Clipping ${id} not found`);
      if (dto.version !== undefined && dto.version !== current.version) throw await this.stale(id, w.manager);
      const { regionIds } = await this.checkReferences(dto, w.manager);
      const changes: ClippingChanges = {};
      for (const field of PLAIN_FIELDS) {
        if (dto[field] !== undefined) Object.assign(changes, { [field]: dto[field] });
      }
      if (dto.pageLabel !== undefined) {
        changes.pageLabel = dto.pageLabel;
        changes.pageSort = pageSortKey(dto.pageLabel);
      }
      // Every accepted edit, links included, bumps the version, so a stale editor always hears of it.
      if (!(await w.update(id, current.version, changes))) throw await this.stale(id, w.manager);
      if (dto.tagIds) await w.replaceTags(id, dto.tagIds);
      if (regionIds) await w.replaceRegions(id, regionIds);
      await this.hooks.saved(w, { id, before: current, changes });
      await w.record([id], 'edited');
      return this.reload(id, w.manager);
    });
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
    if (
      dto.publicationId !== undefined &&
      !(await this.references.publicationExists(dto.publicationId, manager))
    ) {
      problems.push({ field: 'publicationId', errors: [`publication ${dto.publicationId} does not exist`] });
    }
    if (dto.tagIds && dto.tagIds.length > 0) {
      const found = await this.references.existingTagIds(dto.tagIds, manager);
      const missing = dto.tagIds.filter((id) => !found.has(id));
      if (missing.length > 0)
        problems.push({ field: 'tagIds', errors: [`unknown tag id(s): ${missing.join(', ')}`] });
    }
    let regionIds: number[] | undefined;
    if (dto.regionCodes) {
      const byCode = await this.references.regionIdsByCode(dto.regionCodes, manager);
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
