import type { Clipping, ImportPreview, ImportResult, Page, PageImport } from '@jianbao/contracts';
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/auth.decorators';
import { ClippingViewLoader } from '../clippings/clipping-view.loader';
import { pageWindow } from '../common/page.query';
import { type FieldError, validationFailed } from '../common/validation';
import { TransactionRunner } from '../database/transaction-runner';
import { HistoryService } from '../history/history.service';
import { authorOf, CLI_AUTHOR } from '../history/revision-author';
import { PublicationEntity } from '../publications/publication.entity';
import { PublicationsRepository } from '../publications/publications.repository';
import { defaultRegionMatcher } from '../regions/gazetteer';
import { TrashService } from '../trash/trash.service';
import type { CreateImportDto } from './dto/create-import.dto';
import type { ImportPreviewDto } from './dto/import-preview.dto';
import type { ListImportsQuery } from './dto/list-imports.query';
import { FilingHooks } from './filing-hooks';
import { type ClippingDraft, draftsFromEdited, draftsFromPreview } from './filing-plan';
import { ImportsRepository } from './imports.repository';
import { parsePage } from './parser/page-parser';
import { pageSortKey } from './parser/page-label';
import type { PageImportEntity } from './page-import.entity';
import { duplicateMessage, mapPageImport } from './page-import.mapper';
import { normalizePageText, pageLines, sha256Hex } from './page-text';
import { homeFromPublicationName, withRegions } from './preview-regions';

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
    private readonly views: ClippingViewLoader,
    private readonly hooks: FilingHooks,
    private readonly tx: TransactionRunner,
    private readonly history: HistoryService,
    private readonly trash: TrashService,
  ) {}

  async preview(dto: ImportPreviewDto): Promise<ImportPreview> {
    const publication = await this.publicationOr400(dto.publicationId);
    const matcher = defaultRegionMatcher();
    return withRegions(parsePage(normalizePageText(dto.text)), matcher, this.homeOf(publication));
  }

  /** Files a page; `actor` is the caller, or `'cli'` when filing from the command line. */
  async file(dto: CreateImportDto, actor: Actor | 'cli' | null = null): Promise<ImportResult> {
    const author = actor === 'cli' ? CLI_AUTHOR : authorOf(actor);
    const person = actor === 'cli' ? null : actor;
    const publication = await this.publicationOr400(dto.publicationId);
    const text = normalizePageText(dto.text);
    const sha256 = sha256Hex(text);
    // Parsing and detection are CPU work: done before queueing for the write transaction.
    const drafts = this.draft(dto, text, publication);
    await this.checkEditorReferences(dto, drafts);
    return this.tx.run(async (manager) => {
      const earlier = await this.imports.findDuplicate(publication.id, sha256, manager);
      if (earlier && !dto.replace) throw this.duplicate(earlier);
      // Replacing deletes the earlier import's clippings (to the trash): deletions are for admins.
      if (earlier && person && person.role !== 'admin') {
        throw new ForbiddenException('Replacing an import deletes its clippings: only admins may do that');
      }
      if (earlier) await this.removeImport(earlier.id, 'import-replaced', person, manager);
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
      const ids = await this.imports.insertClippings(
        {
          importId: saved.id,
          publicationId: publication.id,
          issueDate: dto.issueDate,
          pageLabel: dto.pageLabel,
          pageSort: pageSortKey(dto.pageLabel),
        },
        drafts,
        manager,
      );
      if (ids.length !== drafts.length) throw new Error(`filed ${ids.length} of ${drafts.length} clippings`);
      await this.link(ids, drafts, manager);
      const links = await this.hooks.afterFiling(manager, ids);
      await this.history.record(manager, ids, author, 'created');
      const filed = new Set(ids);
      const others = links
        .filter((l) => l.status === 'linked')
        .flatMap((l) => [l.headId, l.tailId])
        .filter((id) => !filed.has(id));
      await this.history.record(manager, others, author, 'linked', { detail: { importId: saved.id } });
      const clippings: Clipping[] = await this.views.load(ids, manager);
      return { import: mapPageImport(saved, ids.length), clippings, links };
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
    const counts = await this.imports.clippingCounts(items.map((i) => i.id));
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
    const clippingIds = await this.imports.clippingIds(id);
    return { ...mapPageImport(found, clippingIds.length), clippingIds };
  }

  remove(id: number, actor: Actor | null = null): Promise<void> {
    return this.tx.run(async (manager) => {
      if (!(await this.imports.findById(id, manager))) throw new NotFoundException(`Import ${id} not found`);
      await this.removeImport(id, 'import-deleted', actor, manager);
    });
  }

  /** Deletes an import, moving its clippings to the trash (which mends the chains they were part of). */
  private async removeImport(
    id: number,
    reason: 'import-deleted' | 'import-replaced',
    actor: Actor | null,
    manager: EntityManager,
  ): Promise<void> {
    await this.trash.trashClippings(manager, await this.imports.clippingIds(id, manager), reason, actor);
    await this.imports.removeImport(id, manager);
  }

  /** The publication's home region: as recorded, else read from its name (`济宁日报` → 济宁市). */
  private homeOf(publication: PublicationEntity): string | null {
    return publication.homeRegionCode ?? homeFromPublicationName(publication.name, defaultRegionMatcher());
  }

  private draft(dto: CreateImportDto, text: string, publication: PublicationEntity): ClippingDraft[] {
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
  private async checkEditorReferences(dto: CreateImportDto, drafts: ClippingDraft[]): Promise<void> {
    if (!dto.clippings) return;
    const tags = await this.imports.existingTagIds([...new Set(drafts.flatMap((d) => d.tagIds))]);
    const manualCodes = drafts.filter((d) => d.regionSource === 'manual').flatMap((d) => d.regionCodes);
    const regions = await this.imports.regionIdsByCode(manualCodes);
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
  private async link(ids: number[], drafts: ClippingDraft[], manager: EntityManager): Promise<void> {
    const regionIds = await this.imports.regionIdsByCode(
      drafts.flatMap((d) => d.regionCodes),
      manager,
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
    await this.imports.insertRegionLinks(regionLinks, manager);
    const tagLinks = drafts.flatMap((d, i) => {
      const clippingId = ids[i];
      return clippingId === undefined ? [] : d.tagIds.map((tagId) => ({ clippingId, tagId }));
    });
    await this.imports.insertTagLinks(tagLinks, manager);
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
