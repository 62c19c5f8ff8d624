import type { Clipping, ClippingListPage } from '@jianbao/contracts';
import { pageSortKey } from '@jianbao/contracts';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AuditRecord, AuditService } from '../audit/audit.service';
import { atOnce } from '../database/sql-values';
import { References } from '../catalog/references';
import type { Actor } from '../common/access';
import { authorOf } from '../common/author';
import { pageWindow } from '../common/page.query';
import { type FieldError, validationFailed } from '../common/validation';
import { cappedTotal, LIST_DEPTH } from '../database/capped-count';
import { SearchService } from '../search/search.service';
import { ClippingFilterResolver, splitFullText } from './clipping-filter';
import { ClippingHooks } from './clipping-hooks';
import { parseClippingSort, RELEVANCE_SORT } from './clipping-sort';
import type { CreateClippingDto } from './dto/create-clipping.dto';
import type { ListClippingsQueryDto } from './dto/list-clippings.query';
import type { UpdateClippingDto } from './dto/update-clipping.dto';
import { ClippingListRepository } from './read/clipping-list.repository';
import { ClippingReader } from './read/clipping-reader';
import { ClippingViewLoader } from './read/clipping-view.loader';
import type { ClippingChanges } from './store/clipping-rows.repository';
import { ClippingStore } from './store/clipping-store';
import type { ClippingWriter } from './store/clipping-writer';
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
    private readonly search: SearchService,
    private readonly audit: AuditService,
    @Inject(LIST_DEPTH) private readonly depth: number,
  ) {}

  /**
   * A page of the list. With `q`: through the search index, by relevance unless another sort is asked
   * for, each row with its highlighted hits, the total counted up to the search's 1,000. Without `q`,
   * `relevance` is the default order and the total is counted up to the list's depth (LIST_DEPTH,
   * 10,000 by default). Either way a page that starts past that depth is refused
   * (docs/architecture.md, "Counts and deep pages").
   */
  async list(query: ListClippingsQueryDto): Promise<ClippingListPage> {
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
    const paging = { page: window.page, pageSize: window.pageSize };
    const { q, rest } = splitFullText(filter);
    const sort = query.sort === RELEVANCE_SORT ? undefined : query.sort;
    if (q === null) {
      const { rows, total, totalExact } = await this.lists.listPage(
        filter,
        parseClippingSort(sort),
        window,
        this.depth,
        (page) => this.views.loadListPage(page),
      );
      return { items: rows, total, totalExact, ...paging };
    }
    const found = await this.lists.searchIds(
      q,
      rest,
      sort === undefined ? RELEVANCE_SORT : parseClippingSort(sort),
      window,
    );
    const [items, highlights] = await Promise.all([
      this.views.loadListItems(found.ids),
      this.search.snippets(q, found.ids),
    ]);
    const byId = new Map(highlights.map((h) => [h.id, h]));
    return {
      items: items.map((item) => {
        const h = byId.get(item.id);
        return h
          ? {
              ...item,
              highlight: { kicker: h.kicker, title: h.title, subtitle: h.subtitle, snippet: h.snippet },
            }
          : item;
      }),
      total: found.total,
      totalExact: found.totalExact,
      ...paging,
    };
  }

  /**
   * The list's total for this query, by the list's own query (a saved view's count): whatever the list
   * counts, and however, this counts the same — with `q`, through the search index, up to its cap;
   * without, up to the list's depth. `prefix` names the fields of a 400 (`query.`).
   */
  async count(query: ListClippingsQueryDto, prefix = ''): Promise<{ total: number; exact: boolean }> {
    const filter = await this.filters.resolve(query, prefix);
    const none = { offset: 0, pageSize: 0 };
    const sort = query.sort === RELEVANCE_SORT ? undefined : query.sort;
    const { q, rest } = splitFullText(filter);
    if (q === null) {
      const { total, totalExact } = cappedTotal(await this.lists.countUpTo(filter, this.depth), this.depth);
      return { total, exact: totalExact };
    }
    const found = await this.lists.searchIds(
      q,
      rest,
      sort === undefined ? RELEVANCE_SORT : parseClippingSort(sort),
      none,
    );
    return { total: found.total, exact: found.totalExact };
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
      await this.hooks.saved(w, {
        id,
        before: null,
        changes: {},
        issue: { publicationId: dto.publicationId, issueDate: dto.issueDate },
      });
      return this.recordAuditAndReload(w, 'created', id, {
        action: 'clipping-created',
        actor,
        targetType: 'clipping',
        targetId: id,
        detail: { label: clippingLabel(dto.title ?? null, dto.body) },
      });
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
      await this.hooks.saved(w, {
        id,
        before: current,
        changes,
        issue: {
          publicationId: changes.publicationId ?? current.publicationId,
          issueDate: changes.issueDate ?? current.issueDate,
        },
      });
      const fields = [
        ...Object.keys(changes).filter((f) => f !== 'pageSort'),
        ...(dto.tagIds ? ['tags'] : []),
        ...(dto.regionCodes ? ['regions'] : []),
      ];
      return this.recordAuditAndReload(w, 'edited', id, {
        action: 'clipping-edited',
        actor,
        targetType: 'clipping',
        targetId: id,
        detail: {
          label: clippingLabel(changes.title ?? current.title, changes.body ?? current.body),
          fields,
        },
      });
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
   * Records the clipping's revision (with the search index and counts), the audit event, and reads the
   * answer ({@link reload}) at once: none depends on another, unless recording bumps the version (a
   * clipping older than the history), which the answer then reads again. One round of the write
   * transaction instead of two, while the writes queued behind it wait.
   */
  private async recordAuditAndReload(
    w: ClippingWriter,
    action: 'created' | 'edited',
    id: number,
    event: AuditRecord,
  ): Promise<Clipping> {
    const { result, bumped } = await w.recordAndIndexWith([id], action, async () => {
      const [, clipping] = await atOnce(
        w.manager,
        () => this.audit.record(event, w.manager),
        () => this.reload(id, w.manager),
      );
      return clipping;
    });
    return bumped ? this.reload(id, w.manager) : result;
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

/** Characters of the body naming a clipping without a title in the audit log. */
const LABEL_LENGTH = 40;

/** A clipping's name in the audit log: its title, else the start of its body. */
export function clippingLabel(title: string | null, body: string): string {
  if (title?.trim()) return title.trim();
  const chars = Array.from(body.replace(/\s+/g, ' ').trim());
  return chars.length > LABEL_LENGTH ? `${chars.slice(0, LABEL_LENGTH).join('')}…` : chars.join('');
}
