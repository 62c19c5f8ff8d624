import type {
  BulkRestoreResult,
  ClippingSummary,
  LinkSource,
  Page,
  RestoredClipping,
  TrashItem,
  TrashRestoreOutcome,
  TrashRestoreProblem,
} from '@jianbao/contracts';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { References } from '../catalog/references';
import { sameClipping } from '../clippings/clipping-match';
import { excerptOf } from '../clippings/clipping.mapper';
import { ClippingReader } from '../clippings/read/clipping-reader';
import { ClippingViewLoader } from '../clippings/read/clipping-view.loader';
import { ClippingStore } from '../clippings/store/clipping-store';
import type { ClippingWriter } from '../clippings/store/clipping-writer';
import type { Actor } from '../common/access';
import { authorOf } from '../common/author';
import { ContinuationsService } from '../continuations/continuations.service';
import { StoriesService } from '../stories/stories.service';
import { type ClippingGraph, type RawRow, TrashRepository, type TrashRow } from './trash.repository';

/** Characters of the body used as a label when a clipping has no title. */
const LABEL_LENGTH = 40;

/** Why clippings went to the trash. */
export type TrashReason = 'deleted' | 'import-deleted' | 'import-replaced';

/**
 * The trash: deleting a clipping stores its complete row graph here and removes the live rows in the
 * same transaction (so live tables hold only live rows); restoring puts the same ids back. Purging an
 * item (or emptying the trash) is the only hard delete.
 */
@Injectable()
export class TrashService {
  constructor(
    private readonly repo: TrashRepository,
    private readonly store: ClippingStore,
    private readonly reader: ClippingReader,
    private readonly references: References,
    private readonly continuations: ContinuationsService,
    private readonly stories: StoriesService,
    private readonly views: ClippingViewLoader,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Moves clippings to the trash inside the caller's write: records a `trashed` revision, stores each
   * row graph and deletes the live rows (the store mends the chains of their neighbours).
   */
  async trashClippings(
    w: ClippingWriter,
    ids: number[],
    reason: TrashReason,
    actor: Actor | null,
  ): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const author = w.author;
    const manager = w.manager;
    await w.record(unique, 'trashed', { force: true, detail: { reason } });
    const graphs = await this.graphs(unique, manager);
    const gone = new Set(unique);
    const neighbours = [...graphs.values()]
      .flatMap((g) => [g.clipping.previous_part_id, g.clipping.next_part_id])
      .filter((v): v is number | string => v !== null && v !== undefined)
      .map(Number)
      .filter((id) => !gone.has(id));
    await this.repo.insertItems(
      [...graphs].map(([id, graph]) => ({
        entityType: 'clipping',
        entityId: id,
        label: labelOf(graph.clipping),
        reason,
        snapshot: graph,
        deletedById: author.id,
        deletedByName: author.name,
      })),
      manager,
    );
    await w.remove(unique);
    await w.record(neighbours, 'unlinked', { detail: { trashed: unique } });
    for (const [id, graph] of graphs) {
      await this.audit.record(
        {
          action: 'clipping-trashed',
          actor,
          targetType: 'clipping',
          targetId: id,
          detail: { reason, label: labelOf(graph.clipping) },
        },
        manager,
      );
    }
  }

  /** Deletes one clipping (to the trash). */
  trashClipping(id: number, actor: Actor | null): Promise<void> {
    return this.store.write(authorOf(actor), 'trashed', async (w) => {
      if ((await this.reader.existingIds([id], w.manager)).size === 0) {
        throw new NotFoundException(`Clipping ${id} not found`);
      }
      await this.trashClippings(w, [id], 'deleted', actor);
    });
  }

  /** The row graphs of these clippings: their own rows, their continuation suggestions, their page import. */
  private async graphs(ids: number[], manager: EntityManager): Promise<Map<number, ClippingGraph>> {
    const own = await this.reader.rawRows(ids, manager);
    const related = await this.repo.related(
      [...own.keys()],
      [...own.values()].map((r) => r.clipping['import_id']),
      manager,
    );
    const out = new Map<number, ClippingGraph>();
    for (const [id, rows] of own) {
      out.set(id, {
        ...rows,
        suggestions: related.suggestions.filter((r) => Number(r.head_id) === id || Number(r.tail_id) === id),
        pageImport: related.imports.find((i) => Number(i.id) === Number(rows.clipping['import_id'])) ?? null,
      });
    }
    return out;
  }

  /** A page of the trash, each item with the live clippings restoring it would duplicate. */
  async list(window: { page: number; pageSize: number; offset: number }): Promise<Page<TrashItem>> {
    const manager = this.dataSource.manager;
    const { rows, total } = await this.repo.page(window, manager);
    const graphs = await this.repo.storedGraphs(
      rows.map((r) => r.id),
      manager,
    );
    const names = await this.references.publicationNames(
      [...graphs.values()].map((g) => Number(g.clipping.publication_id)).filter((n) => Number.isInteger(n)),
      manager,
    );
    const items: TrashItem[] = [];
    for (const row of rows) {
      const graph = graphs.get(row.id);
      const duplicates = graph ? await this.duplicatesOf(graph, row.entityId, manager) : [];
      items.push(mapTrashItem(row, graph?.clipping ?? null, names, duplicates));
    }
    return { items, total, page: window.page, pageSize: window.pageSize };
  }

  /**
   * The live clippings a trashed one duplicates: same publication, the same page or the page text
   * filed again (a replaced import), and the same body or title ({@link sameClipping}).
   */
  private async duplicatesOf(
    graph: ClippingGraph,
    clippingId: number,
    manager: EntityManager,
  ): Promise<ClippingSummary[]> {
    const c = graph.clipping;
    if (c.publication_id === undefined) return [];
    const candidates = await this.reader.samePage(
      {
        publicationId: c.publication_id,
        issueDate: c.issue_date,
        pageSort: c.page_sort,
        sha256: graph.pageImport?.sha256 ?? null,
        excludeId: clippingId,
      },
      manager,
    );
    const mine = {
      bodies: [typeof c.body === 'string' ? c.body : ''],
      titles: [typeof c.title === 'string' ? c.title : null],
    };
    const ids = candidates
      .filter((x) => sameClipping(mine, { bodies: [x.body], titles: [x.title] }) !== null)
      .map((x) => x.id);
    return this.reader.summaries(ids, manager);
  }

  /**
   * Puts a trashed clipping back with the same id: its tags, regions and exclusions whose tag or region
   * still exists, its continuation links where both slots are still free, its story index entry; the
   * import it came from is brought back too when that was deleted. 409 when its id is taken again or its
   * publication is gone.
   */
  restore(trashId: number, actor: Actor | null): Promise<RestoredClipping> {
    return this.store.write(authorOf(actor), 'untrashed', async (w) => {
      const item = await this.mustFind(trashId, w.manager);
      const problem = await this.problemOf(item, w.manager);
      const id = item.entityId;
      if (problem === 'id-taken')
        throw conflict(`Cannot restore clipping ${id}: a clipping with that id exists`, { clippingId: id });
      if (problem === 'publication-gone') {
        const publicationId = item.snapshot.clipping.publication_id;
        throw conflict(
          `Cannot restore clipping ${id}: its publication ${String(publicationId)} no longer exists`,
          { publicationId },
        );
      }
      return this.restoreIn(w, item, actor);
    });
  }

  /**
   * Restores several trash items in one transaction: all of them, or — when one cannot be restored —
   * none, with a 409 whose `details.items` says for each item whether it could be and why not.
   */
  restoreMany(trashIds: number[], actor: Actor | null): Promise<BulkRestoreResult> {
    return this.store.write(authorOf(actor), 'untrashed', async (w) => {
      const checked: { trashItemId: number; item: TrashRow | null; problem: TrashRestoreProblem | null }[] =
        [];
      for (const trashItemId of [...new Set(trashIds)]) {
        const item = await this.repo.find(trashItemId, w.manager);
        checked.push({
          trashItemId,
          item,
          problem: item ? await this.problemOf(item, w.manager) : 'not-found',
        });
      }
      const outcome = (c: (typeof checked)[number], restored: boolean, duplicates: ClippingSummary[]) =>
        ({
          trashItemId: c.trashItemId,
          clippingId: c.item?.entityId ?? null,
          label: c.item?.label ?? null,
          restored,
          problem: c.problem,
          duplicates,
        }) satisfies TrashRestoreOutcome;
      const refused = checked.filter((c) => c.problem !== null).length;
      if (refused > 0) {
        throw conflict(
          `${refused} of ${checked.length} trash item(s) cannot be restored; none was restored`,
          {
            items: checked.map((c) => outcome(c, false, [])),
          },
        );
      }
      const items: TrashRestoreOutcome[] = [];
      for (const c of checked) {
        const restored = await this.restoreIn(w, c.item as TrashRow, actor);
        items.push(outcome(c, true, restored.duplicates));
      }
      return { restored: items.length, items };
    });
  }

  /** Why the item cannot be restored now, or null when it can. */
  private async problemOf(item: TrashRow, manager: EntityManager): Promise<TrashRestoreProblem | null> {
    if ((await this.reader.existingIds([item.entityId], manager)).size > 0) return 'id-taken';
    const publicationId = item.snapshot.clipping.publication_id;
    if (!(await this.references.publicationExists(Number(publicationId), manager))) return 'publication-gone';
    return null;
  }

  /** Puts one checked item back inside the caller's write (see {@link restore}). */
  private async restoreIn(w: ClippingWriter, item: TrashRow, actor: Actor | null): Promise<RestoredClipping> {
    const manager = w.manager;
    const trashId = item.id;
    const graph = item.snapshot;
    const id = item.entityId;
    const notes: string[] = [];
    const importId = await this.restoreImport(graph, manager, notes);
    const lost = await w.putBack({
      ...graph,
      clipping: {
        ...graph.clipping,
        import_id: importId,
        article_id: null,
        previous_part_id: null,
        next_part_id: null,
      },
    });
    if (lost.tags > 0) notes.push(`${lost.tags} tag(s) no longer exist`);
    if (lost.regions > 0) notes.push(`${lost.regions} region(s) no longer exist`);
    const neighbours = await this.relink(id, graph, w, notes);
    const duplicates = await this.duplicatesOf(graph, id, manager);
    const duplicateIds = duplicates.length > 0 ? { duplicates: duplicates.map((d) => d.id) } : {};
    await w.record([id], 'untrashed', {
      force: true,
      detail: { trashItemId: trashId, ...(notes.length > 0 ? { notes } : {}), ...duplicateIds },
    });
    await this.stories.indexClippings(manager, [id], true);
    await w.record(neighbours, 'linked', { detail: { untrashed: id } });
    await this.repo.remove([trashId], manager);
    await this.audit.record(
      {
        action: 'clipping-untrashed',
        actor,
        targetType: 'clipping',
        targetId: id,
        detail: {
          trashItemId: trashId,
          label: item.label,
          ...(notes.length > 0 ? { notes } : {}),
          ...duplicateIds,
        },
      },
      manager,
    );
    const clipping = await this.views.loadOne(id, manager);
    if (!clipping) throw new NotFoundException(`Clipping ${id} not found`);
    return { ...clipping, duplicates };
  }

  /** Hard-deletes one item and the history of what it held. */
  purge(trashId: number, actor: Actor | null): Promise<void> {
    return this.store.write(authorOf(actor), 'trashed', async (w) => {
      const manager = w.manager;
      const item = await this.mustFind(trashId, manager);
      await this.purgeRows([{ id: item.id, entityType: item.entityType, entityId: item.entityId }], w);
      await this.audit.record(
        {
          action: 'trash-purged',
          actor,
          targetType: item.entityType,
          targetId: item.entityId,
          detail: { trashItemId: trashId, label: item.label },
        },
        manager,
      );
    });
  }

  /** Hard-deletes everything in the trash. */
  empty(actor: Actor | null): Promise<{ purged: number }> {
    return this.store.write(authorOf(actor), 'trashed', async (w) => {
      const items = await this.repo.entityIds(w.manager);
      await this.purgeRows(items, w);
      await this.audit.record(
        { action: 'trash-emptied', actor, detail: { purged: items.length } },
        w.manager,
      );
      return { purged: items.length };
    });
  }

  private async purgeRows(
    items: { id: number; entityType: string; entityId: number }[],
    w: ClippingWriter,
  ): Promise<void> {
    await w.purgeHistory(items.filter((i) => i.entityType === 'clipping').map((i) => i.entityId));
    await this.repo.remove(
      items.map((i) => i.id),
      w.manager,
    );
  }

  /** The clipping's import id to restore: kept if the import exists, re-created if it was deleted, else null. */
  private async restoreImport(
    graph: ClippingGraph,
    manager: EntityManager,
    notes: string[],
  ): Promise<unknown> {
    const importId = graph.clipping.import_id ?? null;
    if (importId === null) return null;
    if (await this.repo.importExists(importId, manager)) return importId;
    const row = graph.pageImport;
    if (row && !(await this.repo.importTextTaken(row.publication_id, row.sha256, manager))) {
      await this.repo.insertImport(row, manager);
      notes.push(`import ${String(importId)} restored`);
      return importId;
    }
    notes.push(`import ${String(importId)} no longer exists`);
    return null;
  }

  /**
   * Re-links the clipping to its former neighbours where both slots are free, and puts back the other
   * suggestions whose other part still exists (a link that cannot be made again becomes a proposal).
   * Answers the neighbours it linked to.
   */
  private async relink(
    id: number,
    graph: ClippingGraph,
    w: ClippingWriter,
    notes: string[],
  ): Promise<number[]> {
    const others = graph.suggestions.map((s) => Number(Number(s.head_id) === id ? s.tail_id : s.head_id));
    const alive = await this.reader.existingIds(others, w.manager);
    const linked: number[] = [];
    const pairs: { headId: number; tailId: number }[] = [];
    const prev = graph.clipping.previous_part_id;
    const next = graph.clipping.next_part_id;
    if (prev !== null && prev !== undefined) pairs.push({ headId: Number(prev), tailId: id });
    if (next !== null && next !== undefined) pairs.push({ headId: id, tailId: Number(next) });
    const suggestionOf = (headId: number, tailId: number): RawRow | undefined =>
      graph.suggestions.find((s) => Number(s.head_id) === headId && Number(s.tail_id) === tailId);
    for (const { headId, tailId } of pairs) {
      const s = suggestionOf(headId, tailId);
      const evidence = s
        ? { score: Number(s.score), reasons: parseReasons(s.reasons) }
        : { score: 1, reasons: ['restored from the trash'] };
      const source: LinkSource = s?.source === 'rule' ? 'rule' : 'manual';
      const refused = await this.continuations.tryLink(w, headId, tailId, source, evidence);
      if (refused) notes.push(`not re-linked ${headId} → ${tailId}: ${refused}`);
      else linked.push(headId === id ? tailId : headId);
    }
    for (const s of graph.suggestions) {
      const headId = Number(s.head_id);
      const tailId = Number(s.tail_id);
      const other = headId === id ? tailId : headId;
      if (!alive.has(other) || linked.includes(other)) continue;
      const row = s.status === 'linked' ? { ...s, status: 'proposed' } : s;
      await this.continuations.putBackSuggestion(w.manager, row);
    }
    return linked;
  }

  private async mustFind(trashId: number, manager: EntityManager): Promise<TrashRow> {
    const item = await this.repo.find(trashId, manager);
    if (!item) throw new NotFoundException(`Trash item ${trashId} not found`);
    return item;
  }
}

/** Text of a stored column, or null. */
function textOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function mapTrashItem(
  row: TrashRow,
  clipping: RawRow | null,
  names: Map<number, string>,
  duplicates: ClippingSummary[],
): TrashItem {
  const publicationId = clipping ? Number(clipping.publication_id) : NaN;
  return {
    publicationId: Number.isInteger(publicationId) ? publicationId : null,
    publicationName: names.get(publicationId) ?? null,
    issueDate: textOf(clipping?.issue_date)?.slice(0, 10) ?? null,
    pageLabel: textOf(clipping?.page_label),
    excerpt: excerptOfRow(clipping),
    id: row.id,
    entityType: row.entityType,
    entityId: row.entityId,
    label: row.label,
    deletedAt: row.deletedAt,
    deletedById: row.deletedById,
    deletedByName: row.deletedByName,
    reason: row.reason,
    duplicates,
  };
}

/** The excerpt of the stored body, as list rows and waiting parts show one. */
function excerptOfRow(row: RawRow | null): string {
  return excerptOf(typeof row?.body === 'string' ? row.body : '');
}

/** The clipping's title, else the first characters of its body. */
function labelOf(row: RawRow): string {
  const title = typeof row.title === 'string' ? row.title.trim() : '';
  if (title) return title;
  const body = typeof row.body === 'string' ? row.body.replace(/\s+/g, ' ').trim() : '';
  const chars = Array.from(body);
  return chars.length > LABEL_LENGTH ? `${chars.slice(0, LABEL_LENGTH).join('')}…` : body;
}

function parseReasons(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

function conflict(message: string, details: Record<string, unknown>): ConflictException {
  return new ConflictException({ statusCode: 409, error: 'Conflict', message, details });
}
