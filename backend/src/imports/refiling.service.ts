import type {
  ClippingSnapshot,
  ClippingWork,
  ContinuationSuggestion,
  DuplicatePage,
  ReplaceMode,
  ReplaceReport,
  WorkedClipping,
} from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { References } from '../catalog/references';
import type { MatchSide } from '../clippings/clipping-match';
import { ClippingReader } from '../clippings/read/clipping-reader';
import { RevisionReader } from '../clippings/read/revision-reader';
import type { ClippingChanges } from '../clippings/store/clipping-rows.repository';
import type { ClippingWriter } from '../clippings/store/clipping-writer';
import type { Actor } from '../common/access';
import type { ContinuationSuggestionEntity } from '../continuations/continuation-suggestion.entity';
import { ContinuationsService } from '../continuations/continuations.service';
import { clippingWork, hasWork } from '../history/clipping-work';
import { TrashService } from '../trash/trash.service';
import { FilingHooks } from './filing-hooks';
import { ImportsRepository } from './imports.repository';
import type { PageImportEntity } from './page-import.entity';
import { mapPageImport } from './page-import.mapper';
import { decideReplace, type ReplaceDecision } from './replace-plan';
import { pageSortKey } from '@jianbao/contracts';

/** What a new clipping is recognised by. */
export type DraftText = { title: string | null; body: string };

/** A clipping of the earlier filing and what was done to it by hand since. */
interface EarlierClipping {
  id: number;
  now: ClippingSnapshot;
  work: ClippingWork;
  worked: boolean;
  exclusions: number[];
  pairs: ContinuationSuggestionEntity[];
}

/** A replace in progress inside the filing transaction. */
export interface Replacing {
  importId: number;
  mode: ReplaceMode;
  earlier: Map<number, EarlierClipping>;
  decision: ReplaceDecision;
}

/** Fields whose change means rules, links and the same-story entry are worked out again. */
const RECHECKED: ReadonlySet<string> = new Set([
  'publicationId',
  'issueDate',
  'kicker',
  'title',
  'subtitle',
  'body',
  'subheads',
]);

/**
 * Re-filing a page that was filed before without losing what editors did since: reads that work from
 * each earlier clipping's history ({@link clippingWork}), matches the earlier clippings to the new ones
 * ({@link decideReplace}), and — inside the filing's transaction — keeps or trashes them and carries
 * the work over (recorded as `carried-over` and `kept` revisions).
 */
@Injectable()
export class RefilingService {
  constructor(
    private readonly revisions: RevisionReader,
    private readonly clippings: ClippingReader,
    private readonly references: References,
    private readonly imports: ImportsRepository,
    private readonly continuations: ContinuationsService,
    private readonly trash: TrashService,
    private readonly hooks: FilingHooks,
  ) {}

  /** The earlier filing, its clippings carrying work, and which of `drafts` each matches. */
  async duplicatePage(
    earlier: PageImportEntity,
    drafts: readonly DraftText[],
    manager: EntityManager,
  ): Promise<DuplicatePage> {
    const plan = await this.plan(earlier.id, drafts, 'carry-over', manager);
    const worked = [...plan.earlier.values()].filter((e) => e.worked);
    const summaries = await this.clippings.summaries(
      worked.map((e) => e.id),
      manager,
    );
    const out: WorkedClipping[] = summaries.flatMap((clipping) => {
      const e = plan.earlier.get(clipping.id);
      if (!e) return [];
      const match = plan.decision.matches.get(e.id);
      return [{ clipping, work: e.work, match: match?.index ?? null, matchedBy: match?.by ?? null }];
    });
    return { import: mapPageImport(earlier, plan.earlier.size), worked: out };
  }

  /** Reads the earlier clippings' work and decides what replacing does with each. */
  async plan(
    importId: number,
    drafts: readonly DraftText[],
    mode: ReplaceMode,
    manager: EntityManager,
  ): Promise<Replacing> {
    const ids = await this.clippings.idsOfImport(importId, manager);
    const [revisions, current, pairs, exclusions] = [
      await this.revisions.listFor(ids, manager),
      await this.revisions.currentStates(ids, manager),
      await this.continuations.pairsOf(manager, ids),
      await this.clippings.tagExclusions(ids, manager),
    ];
    const earlier = new Map<number, EarlierClipping>();
    for (const id of ids) {
      const state = current.get(id);
      if (!state) continue;
      const mine = pairs.filter((p) => p.headId === id || p.tailId === id);
      const work = clippingWork(id, revisions.get(id) ?? [], state.snapshot, mine);
      earlier.set(id, {
        id,
        now: state.snapshot,
        work,
        worked: hasWork(work),
        exclusions: exclusions.get(id) ?? [],
        pairs: mine,
      });
    }
    const sides = [...earlier.values()].map((e) => {
      const filed = revisions.get(e.id)?.[0]?.snapshot;
      return {
        id: e.id,
        worked: e.worked,
        bodies: filed ? [filed.body, e.now.body] : [e.now.body],
        titles: filed ? [filed.title, e.now.title] : [e.now.title],
      };
    });
    const fresh: MatchSide[] = drafts.map((d) => ({ bodies: [d.body], titles: [d.title] }));
    return { importId, mode, earlier, decision: decideReplace(sides, fresh, mode) };
  }

  /**
   * Clears the earlier filing so the page can be filed again: the clippings kept leave it, the others
   * go to the trash (which mends their chains), and its row is deleted.
   */
  async clear(replacing: Replacing, actor: Actor | null, w: ClippingWriter): Promise<void> {
    const { decision } = replacing;
    await w.setImport(
      decision.kept.map((k) => k.clippingId),
      null,
    );
    await this.trash.trashClippings(w, decision.trash, 'import-replaced', actor);
    await this.imports.removeImport(replacing.importId, w.manager);
  }

  /**
   * After the new clippings are inserted and before linking runs: the kept clippings join the new
   * import, and pairs cut by hand are cut on the new clippings too, so the rule does not link them.
   */
  async beforeLinking(
    replacing: Replacing,
    importId: number,
    idOfDraft: (index: number) => number | undefined,
    w: ClippingWriter,
  ): Promise<void> {
    await w.setImport(
      replacing.decision.kept.map((k) => k.clippingId),
      importId,
    );
    const live = this.liveIds(replacing, idOfDraft);
    const done = new Set<string>();
    for (const { fromId, index } of replacing.decision.carry) {
      const toId = idOfDraft(index);
      const e = replacing.earlier.get(fromId);
      if (toId === undefined || !e) continue;
      for (const pair of e.pairs) {
        if (pair.source !== 'manual' || pair.status !== 'rejected') continue;
        const headId = live(pair.headId);
        const tailId = live(pair.tailId);
        const key = `${headId}>${tailId}`;
        if (headId === null || tailId === null || headId === tailId || done.has(key)) continue;
        done.add(key);
        await this.continuations.rejectPair(w.manager, headId, tailId, pair.reasons);
      }
    }
  }

  /**
   * After the new clippings are filed and recorded: each carried clipping's fields, status, hand tags,
   * tag exclusions and regions are set on its new clipping, its hand-made links made again where the
   * other part still exists and both slots are free; rules, links and the same-story entry are worked
   * out again for those whose text or issue changed. Recorded as `carried-over` (and `kept` for the
   * clippings left live). Answers the report and any links made by the re-run.
   */
  async carryOver(
    replacing: Replacing,
    importId: number,
    idOfDraft: (index: number) => number | undefined,
    w: ClippingWriter,
  ): Promise<{ report: ReplaceReport; links: ContinuationSuggestion[]; touched: number[] }> {
    const live = this.liveIds(replacing, idOfDraft);
    const report: ReplaceReport = {
      importId: replacing.importId,
      mode: replacing.mode,
      trashed: replacing.decision.trash.length,
      carried: [],
      kept: replacing.decision.kept,
      linksNotRemade: [],
    };
    const rechecked: number[] = [];
    const touched: number[] = [];
    const linked = new Set<string>();
    for (const { fromId, index } of replacing.decision.carry) {
      const toId = idOfDraft(index);
      const e = replacing.earlier.get(fromId);
      if (toId === undefined || !e) continue;
      report.carried.push({ fromId, toId, work: e.work });
      if (await this.carryFields(e, toId, w)) rechecked.push(toId);
      await this.carryTags(e, toId, w);
      await this.carryRegions(e, toId, w);
      for (const pair of e.pairs) {
        if (pair.source !== 'manual' || pair.status !== 'linked') continue;
        const otherId = pair.headId === fromId ? pair.tailId : pair.headId;
        const headId = live(pair.headId);
        const tailId = live(pair.tailId);
        const key = `${pair.headId}>${pair.tailId}`;
        if (linked.has(key)) continue;
        linked.add(key);
        const evidence = { score: pair.score, reasons: pair.reasons };
        const refused =
          headId === null || tailId === null
            ? 'other-gone'
            : await this.continuations.remakeLink(w, headId, tailId, evidence);
        if (refused) report.linksNotRemade.push({ clippingId: toId, otherId, reason: refused });
        else touched.push(...[headId, tailId].filter((id): id is number => id !== null && id !== toId));
      }
    }
    const links = await this.hooks.afterCarryOver(w, rechecked);
    for (const { fromId, toId } of report.carried) {
      await w.record([toId], 'carried-over', {
        force: true,
        detail: { fromClippingId: fromId, replacedImportId: replacing.importId },
      });
    }
    await w.record(
      report.kept.map((k) => k.clippingId),
      'kept',
      { force: true, detail: { replacedImportId: replacing.importId, importId } },
    );
    return { report, links, touched };
  }

  /** An earlier clipping's id → the live clipping standing for it now (null: it went to the trash unmatched). */
  private liveIds(
    replacing: Replacing,
    idOfDraft: (index: number) => number | undefined,
  ): (id: number) => number | null {
    const kept = new Set(replacing.decision.kept.map((k) => k.clippingId));
    return (id) => {
      if (!replacing.earlier.has(id) || kept.has(id)) return id;
      const match = replacing.decision.matches.get(id);
      return match ? (idOfDraft(match.index) ?? null) : null;
    };
  }

  /** The fields and status edited by hand win over the new parse; answers whether rules must run again. */
  private async carryFields(e: EarlierClipping, toId: number, w: ClippingWriter): Promise<boolean> {
    const changes: ClippingChanges = {};
    for (const field of e.work.fields) Object.assign(changes, { [field]: e.now[field] });
    if (e.work.status) changes.status = e.work.status;
    if (changes.pageLabel !== undefined) changes.pageSort = pageSortKey(changes.pageLabel);
    if (Object.keys(changes).length === 0) return false;
    const target = await this.clippings.find(toId, w.manager);
    if (!target || !(await w.update(toId, target.version, changes))) {
      throw new Error(`clipping ${toId} changed while its page was being filed`);
    }
    return e.work.fields.some((f) => RECHECKED.has(f));
  }

  /** Tags added by hand stay, tags removed by hand stay removed (and excluded from their rules). */
  private async carryTags(e: EarlierClipping, toId: number, w: ClippingWriter): Promise<void> {
    const { tagsAdded, tagsRemoved } = e.work;
    if (tagsAdded.length + tagsRemoved.length > 0) {
      const current = await this.clippings.tagIds(toId, w.manager);
      const removed = new Set(tagsRemoved.map((t) => t.id));
      const next = [...new Set([...current, ...tagsAdded.map((t) => t.id)])].filter((id) => !removed.has(id));
      await w.replaceTags(toId, next);
    }
    await w.addTagExclusions(toId, e.exclusions);
  }

  /** Regions added or removed by hand. */
  private async carryRegions(e: EarlierClipping, toId: number, w: ClippingWriter): Promise<void> {
    const { regionsAdded, regionsRemoved } = e.work;
    if (regionsAdded.length + regionsRemoved.length === 0) return;
    const ids = await this.references.regionIdsByCode(
      [...regionsAdded, ...regionsRemoved].map((r) => r.code),
      w.manager,
    );
    const idsOf = (list: { code: string }[]): number[] =>
      list.map((r) => ids.get(r.code)).filter((id): id is number => id !== undefined);
    const removed = new Set(idsOf(regionsRemoved));
    const current = await this.clippings.regionIds(toId, w.manager);
    const next = [...new Set([...current, ...idsOf(regionsAdded)])].filter((id) => !removed.has(id));
    await w.replaceRegions(toId, next);
  }
}
