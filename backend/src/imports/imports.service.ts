import type {
  Clipping,
  ContinuationSuggestion,
  DuplicatePage,
  ImportPreview,
  ImportResult,
  Page,
  PageImport,
  ReplacePlan,
} from '@jianbao/contracts';
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { References } from '../catalog/references';
import { ClippingCounts } from '../clippings/read/clipping-counts';
import { ClippingReader } from '../clippings/read/clipping-reader';
import { ClippingViewLoader } from '../clippings/read/clipping-view.loader';
import { ClippingStore } from '../clippings/store/clipping-store';
import type { ClippingWriter } from '../clippings/store/clipping-writer';
import type { Actor } from '../common/access';
import { authorOf, CLI_AUTHOR } from '../common/author';
import { pageWindow } from '../common/page.query';
import { type FieldError, validationFailed } from '../common/validation';
import { TransactionRunner } from '../database/transaction-runner';
import { PublicationEntity } from '../publications/publication.entity';
import { PublicationsRepository } from '../publications/publications.repository';
import { defaultRegionMatcher } from '../regions/gazetteer';
import { TrashService } from '../trash/trash.service';
import type { CreateImportDto } from './dto/create-import.dto';
import type { ImportPreviewDto } from './dto/import-preview.dto';
import type { ListImportsQuery } from './dto/list-imports.query';
import type { ReplacePlanDto } from './dto/replace-plan.dto';
import { FilingHooks } from './filing-hooks';
import { ImportBinService } from './import-bin.service';
import { type ClippingDraft, draftsFromEdited, draftsFromPreview } from './filing-plan';
import { ImportsRepository } from './imports.repository';
import { type DraftText, RefilingService } from './refiling.service';
import { parsePage } from './parser/page-parser';
import type { PageImportEntity } from './page-import.entity';
import { duplicateMessage, mapPageImport } from './page-import.mapper';
import { normalizePageText, pageLines, sha256Hex } from './page-text';
import { homeFromPublicationName, withRegions } from './preview-regions';
import { pageSortKey } from '@jianbao/contracts';

/** `GET /api/imports/:id`: the import and its clippings' ids. */
export type PageImportDetail = PageImport & { clippingIds: number[] };

/**
 * Filing pages: preview, file (one transaction: all clippings or none), list, delete. The same page
 * text (SHA-256 after normalising BOM and line ends) filed twice for the same publication is a
 * duplicate, whatever date or page it is filed under: it is refused with 409 unless `replace` is set.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly imports: ImportsRepository,
    private readonly publications: PublicationsRepository,
    private readonly store: ClippingStore,
    private readonly clippings: ClippingReader,
    private readonly counts: ClippingCounts,
    private readonly references: References,
    private readonly views: ClippingViewLoader,
    private readonly hooks: FilingHooks,
    private readonly tx: TransactionRunner,
    private readonly trash: TrashService,
    private readonly refiling: RefilingService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly bins: ImportBinService,
  ) {}

  /** The proposed clippings, and the earlier filing of the same page text if there is one. */
  async preview(dto: ImportPreviewDto): Promise<ImportPreview> {
    const publication = await this.publicationOr400(dto.publicationId);
    const matcher = defaultRegionMatcher();
    const text = normalizePageText(dto.text);
    const preview = withRegions(parsePage(text), matcher, this.homeOf(publication));
    return { ...preview, duplicate: await this.duplicateOf(publication.id, text, preview.clippings) };
  }

  /** What replacing the earlier filing of this page would touch, matched against the clippings sent. */
  async replacePlan(dto: ReplacePlanDto): Promise<ReplacePlan> {
    const publication = await this.publicationOr400(dto.publicationId);
    const text = normalizePageText(dto.text);
    const drafts = this.draft(dto, text, publication);
    return { duplicate: await this.duplicateOf(publication.id, text, drafts) };
  }

  /** Files a page; `actor` is the caller, or `'cli'` when filing from the command line. */
  async file(dto: CreateImportDto, actor: Actor | 'cli' | null = null): Promise<ImportResult> {
    if (dto.replaceMode !== undefined && dto.replace !== true) {
      throw validationFailed([
        { field: 'replaceMode', errors: ['replaceMode applies only with replace: true'] },
      ]);
    }
    const author = actor === 'cli' ? CLI_AUTHOR : authorOf(actor);
    const person = actor === 'cli' ? null : actor;
    const publication = await this.publicationOr400(dto.publicationId);
    const text = normalizePageText(dto.text);
    const sha256 = sha256Hex(text);
    // Parsing and detection are CPU work: done before queueing for the write transaction.
    const drafts = this.draft(dto, text, publication);
    await this.checkEditorReferences(dto, drafts);
    return this.store.write(author, 'created', async (w) => {
      const manager = w.manager;
      const earlier = await this.imports.findDuplicate(publication.id, sha256, manager);
      if (earlier && !dto.replace) throw this.duplicate(earlier);
      // Replacing deletes the earlier import's clippings (to the trash): deletions are for admins.
      if (earlier && person && person.role !== 'admin') {
        throw new ForbiddenException('Replacing an import deletes its clippings: only admins may do that');
      }
      const replacing = earlier
        ? await this.refiling.plan(earlier.id, drafts, dto.replaceMode ?? 'carry-over', manager)
        : null;
      if (replacing) await this.refiling.clear(replacing, person, w);
      // Keeping an earlier clipping means not filing the new one that matches it.
      const filing = drafts.flatMap((d, i) =>
        replacing?.decision.skip.has(i) ? [] : [{ draft: d, index: i }],
      );
      const saved = await this.imports.insertImport(
        {
          publicationId: publication.id,
          issueDate: dto.issueDate,
          pageLabel: dto.pageLabel,
          rawText: text,
          sha256,
        },
        manager,
      );
      const ids = await w.insertFiled(
        {
          importId: saved.id,
          publicationId: publication.id,
          issueDate: dto.issueDate,
          pageLabel: dto.pageLabel,
          pageSort: pageSortKey(dto.pageLabel),
        },
        filing.map((f) => f.draft),
      );
      if (ids.length !== filing.length) throw new Error(`filed ${ids.length} of ${filing.length} clippings`);
      const idByDraft = new Map(filing.map((f, i) => [f.index, ids[i]]));
      const idOfDraft = (index: number): number | undefined => idByDraft.get(index);
      await this.link(
        ids,
        filing.map((f) => f.draft),
        w,
      );
      if (replacing) await this.refiling.beforeLinking(replacing, saved.id, idOfDraft, w);
      const links = await this.hooks.afterFiling(w, ids);
      await w.record(ids, 'created');
      const carried = replacing ? await this.refiling.carryOver(replacing, saved.id, idOfDraft, w) : null;
      const filed = new Set(ids);
      const allLinks = [...links, ...(carried?.links ?? [])];
      const others = allLinks
        .filter((l) => l.status === 'linked')
        .flatMap((l) => [l.headId, l.tailId])
        .concat(carried?.touched ?? [])
        .filter((id) => !filed.has(id));
      await w.record(others, 'linked', { detail: { importId: saved.id } });
      const clippings: Clipping[] = await this.views.load(ids, manager);
      const count = ids.length + (carried?.report.kept.length ?? 0);
      // The lines no clipping of the page holds (kept earlier clippings included): its unassigned bin.
      const unassigned = await this.bins.record(saved.id, text, manager);
      await this.audit.record(
        {
          action: 'page-filed',
          actor: person,
          author,
          targetType: 'import',
          targetId: saved.id,
          detail: {
            publicationId: publication.id,
            publicationName: publication.name,
            issueDate: dto.issueDate,
            pageLabel: dto.pageLabel,
            clippings: count,
            unassignedLines: unassigned,
            ...(earlier ? { replacedImportId: earlier.id } : {}),
          },
        },
        manager,
      );
      return {
        import: mapPageImport(saved, count),
        clippings,
        links: uniqueLinks(allLinks),
        ...(carried ? { replaced: carried.report } : {}),
      };
    });
  }

  /**
   * The publication of that name, created when missing (for the CLI and the demo data) with the home
   * region given, else the one its name points to.
   */
  publicationNamed(
    name: string,
    homeRegionCode?: string | null,
  ): Promise<{ publication: PublicationEntity; created: boolean }> {
    return this.tx.run(async (manager) => {
      const found = await this.publications.findByName(name, manager);
      if (found) return { publication: found, created: false };
      const entity = Object.assign(new PublicationEntity(), {
        name,
        shortName: null,
        homeRegionCode: homeRegionCode ?? homeFromPublicationName(name, defaultRegionMatcher()),
        language: 'zh-CN',
        notes: null,
      });
      return { publication: await this.publications.save(entity, manager), created: true };
    });
  }

  async list(query: ListImportsQuery): Promise<Page<PageImport>> {
    const window = pageWindow(query);
    const { items, total } = await this.imports.list({ publicationId: query.publicationId }, window);
    const counts = await this.counts.ofImports(items.map((i) => i.id));
    return {
      items: items.map((i) => mapPageImport(i, counts.get(i.id) ?? 0)),
      total,
      page: window.page,
      pageSize: window.pageSize,
    };
  }

  async get(id: number): Promise<PageImportDetail> {
    const found = await this.imports.findById(id);
    if (!found) throw new NotFoundException(`Import ${id} not found`);
    const clippingIds = await this.clippings.idsOfImport(id);
    return { ...mapPageImport(found, clippingIds.length), clippingIds };
  }

  /** Deletes an import, moving its clippings to the trash (which mends the chains they were part of). */
  remove(id: number, actor: Actor | null = null): Promise<void> {
    return this.store.write(authorOf(actor), 'trashed', async (w) => {
      if (!(await this.imports.findById(id, w.manager)))
        throw new NotFoundException(`Import ${id} not found`);
      const ids = await this.clippings.idsOfImport(id, w.manager);
      await this.trash.trashClippings(w, ids, 'import-deleted', actor);
      await this.imports.removeImport(id, w.manager);
    });
  }

  /** The earlier filing of this page text for the publication, with its worked clippings matched to `drafts`. */
  private async duplicateOf(
    publicationId: number,
    text: string,
    drafts: readonly DraftText[],
  ): Promise<DuplicatePage | null> {
    const manager = this.dataSource.manager;
    const earlier = await this.imports.findDuplicate(publicationId, sha256Hex(text), manager);
    return earlier ? this.refiling.duplicatePage(earlier, drafts, manager) : null;
  }

  /** The publication's home region: as recorded, else read from its name (`济宁日报` → 济宁市). */
  private homeOf(publication: PublicationEntity): string | null {
    return publication.homeRegionCode ?? homeFromPublicationName(publication.name, defaultRegionMatcher());
  }

  private draft(dto: ReplacePlanDto, text: string, publication: PublicationEntity): ClippingDraft[] {
    const matcher = defaultRegionMatcher();
    const lines = pageLines(text);
    if (dto.clippings) return draftsFromEdited(dto.clippings, lines, matcher, this.homeOf(publication));
    return draftsFromPreview(withRegions(parsePage(text), matcher, this.homeOf(publication)), lines);
  }

  private async publicationOr400(id: number): Promise<PublicationEntity> {
    const publication = await this.publications.findById(id);
    if (!publication) {
      throw validationFailed([{ field: 'publicationId', errors: [`publication ${id} does not exist`] }]);
    }
    return publication;
  }

  /** The editor's tag ids and region codes must exist: a 400 naming each bad clipping field. */
  private async checkEditorReferences(dto: ReplacePlanDto, drafts: ClippingDraft[]): Promise<void> {
    if (!dto.clippings) return;
    const tags = await this.references.existingTagIds([...new Set(drafts.flatMap((d) => d.tagIds))]);
    const manualCodes = drafts.filter((d) => d.regionSource === 'manual').flatMap((d) => d.regionCodes);
    const regions = await this.references.regionIdsByCode(manualCodes);
    const problems: FieldError[] = [];
    drafts.forEach((d, i) => {
      const missingTags = d.tagIds.filter((id) => !tags.has(id));
      if (missingTags.length > 0)
        problems.push({
          field: `clippings.${i}.tagIds`,
          errors: [`unknown tag id(s): ${missingTags.join(', ')}`],
        });
      if (d.regionSource !== 'manual') return;
      const missingRegions = d.regionCodes.filter((code) => !regions.has(code));
      if (missingRegions.length > 0) {
        problems.push({
          field: `clippings.${i}.regionCodes`,
          errors: [`unknown region code(s): ${missingRegions.join(', ')}`],
        });
      }
    });
    if (problems.length > 0) throw validationFailed(problems);
  }

  /** Region links (detected codes missing from the region table are skipped) and the editor's tags. */
  private async link(ids: number[], drafts: ClippingDraft[], w: ClippingWriter): Promise<void> {
    const regionIds = await this.references.regionIdsByCode(
      drafts.flatMap((d) => d.regionCodes),
      w.manager,
    );
    const regionLinks = drafts.flatMap((d, i) =>
      d.regionCodes.flatMap((code) => {
        const regionId = regionIds.get(code);
        const clippingId = ids[i];
        return regionId === undefined || clippingId === undefined
          ? []
          : [{ clippingId, regionId, source: d.regionSource }];
      }),
    );
    const tagLinks = drafts.flatMap((d, i) => {
      const clippingId = ids[i];
      return clippingId === undefined ? [] : d.tagIds.map((tagId) => ({ clippingId, tagId }));
    });
    await w.linkFiled(regionLinks, tagLinks);
  }

  private duplicate(earlier: PageImportEntity): ConflictException {
    return new ConflictException({
      statusCode: 409,
      error: 'Conflict',
      message: duplicateMessage(earlier),
      details: { importId: earlier.id },
    });
  }
}

/** Links by id, each once (re-running the rule after carrying work over answers some again). */
function uniqueLinks(links: ContinuationSuggestion[]): ContinuationSuggestion[] {
  const byId = new Map(links.map((l) => [l.id, l]));
  return [...byId.values()];
}
