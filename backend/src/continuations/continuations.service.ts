import type {
  ContinuationSuggestion,
  LinkSource,
  ContinuationView,
  SetContinuationBody,
  WaitingPart,
} from '@jianbao/contracts';
import {
  BadRequestException,
  ConflictException,
  HttpException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access';
import type { ClippingEntity } from '../clippings/clipping.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { HistoryService } from '../history/history.service';
import { authorOf } from '../common/author';
import { ChainEditor, type LinkEvidence } from './chain-editor';
import { mapChainPart, mapClippingSummary, mapSuggestion } from './continuation.mapper';
import { ContinuationsRepository, type WaitingFilter } from './continuations.repository';
import type { ContinuationSuggestionEntity } from './continuation-suggestion.entity';
import {
  existingLinks,
  type IssuePart,
  type IssuePartLinks,
  linkCandidates,
  pairKey,
  planLinks,
  toPartSummary,
} from './linking-plan';
import { canAddLink, matchContinuations } from './matching';

/** Evidence recorded for a pair a person linked without any suggestion behind it. */
const MANUAL_EVIDENCE = { score: 1, reasons: ['linked by hand'] };

/** Rules for continued articles: automatic linking on filing and editing, waiting list, manual links. */
@Injectable()
export class ContinuationsService {
  constructor(
    private readonly repo: ContinuationsRepository,
    private readonly chains: ChainEditor,
    private readonly tx: TransactionRunner,
    private readonly history: HistoryService,
  ) {}

  /**
   * Runs the linking rule over the issues of the given clippings, inside the caller's transaction
   * (filing a page, editing a clipping). Links the pairs the matcher is sure of when both parts are
   * free, stores the others as proposals, and answers what it linked or proposed involving them.
   */
  async linkAfterFiling(manager: EntityManager, clippingIds: number[]): Promise<ContinuationSuggestion[]> {
    const ids = new Set(clippingIds);
    const out: ContinuationSuggestion[] = [];
    for (const { publicationId, issueDate } of await this.repo.issuesOf([...ids], manager)) {
      const made = await this.linkIssue(publicationId, issueDate, manager);
      out.push(...made.filter((s) => ids.has(s.headId) || ids.has(s.tailId)));
    }
    return out;
  }

  /**
   * Re-runs the rule for one issue; rule proposals that no longer hold there are dropped. Reads the
   * issue without texts, then the texts of the candidates only, and the issue's suggestions once.
   */
  private async linkIssue(
    publicationId: number,
    issueDate: string,
    manager: EntityManager,
  ): Promise<ContinuationSuggestion[]> {
    const issue = await this.repo.findIssueLinks(publicationId, issueDate, manager);
    const known = await this.repo.findSuggestionsInvolving(
      issue.map((c) => c.id),
      manager,
    );
    const { heads, tails } = linkCandidates(issue);
    if (tails.length === 0 && heads.every((h) => h.continuesTo === null)) {
      await this.dropStaleProposals(known, new Set(), manager);
      return [];
    }
    const texts = await this.repo.textsOf([...new Set([...heads, ...tails].map((p) => p.id))], manager);
    const withText = (p: IssuePartLinks): IssuePart => ({
      ...p,
      ...(texts.get(p.id) ?? { title: null, kicker: null, body: '' }),
    });
    const decisions = matchContinuations(
      heads.map((h) => toPartSummary(withText(h))),
      tails.map((t) => toPartSummary(withText(t))),
    );
    const rejected = new Set(
      known.filter((s) => s.status === 'rejected').map((s) => pairKey(s.headId, s.tailId)),
    );
    const plan = planLinks(decisions, rejected, existingLinks(issue));
    const touched: number[] = [];
    for (const d of plan.links) {
      const evidence = { score: d.score, reasons: d.reasons };
      touched.push(await this.chains.link(Number(d.headId), Number(d.tailId), 'rule', evidence, manager));
    }
    // Pairs linked just now are no longer proposals, so they are kept too.
    const keep = new Set([...plan.links, ...plan.proposals].map((d) => pairKey(d.headId, d.tailId)));
    await this.dropStaleProposals(known, keep, manager);
    for (const d of plan.proposals) {
      const write = {
        headId: Number(d.headId),
        tailId: Number(d.tailId),
        score: d.score,
        reasons: d.reasons,
      };
      touched.push(await this.repo.upsertPair({ ...write, status: 'proposed', source: 'rule' }, manager));
    }
    const rows = await this.repo.findSuggestionsByIds([...new Set(touched)], manager);
    return rows.map(mapSuggestion);
  }

  /** Deletes the rule's open proposals among `known` whose pair is not in `keep`. */
  private async dropStaleProposals(
    known: ContinuationSuggestionEntity[],
    keep: Set<string>,
    manager: EntityManager,
  ): Promise<void> {
    const stale = known.filter(
      (s) => s.status === 'proposed' && s.source === 'rule' && !keep.has(pairKey(s.headId, s.tailId)),
    );
    await this.repo.deleteSuggestions(
      stale.map((s) => s.id),
      manager,
    );
  }

  /**
   * Keeps the chains of these clippings consistent before they are deleted, inside the caller's
   * transaction: their neighbours let go of them, a chain cut in the middle becomes two articles (the
   * half before the cut keeps the article id, the half after gets a new one), a part left alone loses
   * its article id, and an article left without parts is deleted.
   */
  async detachBeforeDelete(manager: EntityManager, clippingIds: number[]): Promise<void> {
    const gone = [...new Set(clippingIds)];
    if (gone.length === 0) return;
    const goneSet = new Set(gone);
    const articles = await this.repo.articleIdsOf(gone, manager);
    const neighbours = await this.repo.neighboursOf(gone, manager);
    if (articles.length === 0 && neighbours.length === 0) return;
    await this.repo.clearChains(gone, manager);
    const before: number[] = [];
    const after: number[] = [];
    for (const n of neighbours) {
      if (n.nextPartId !== null && goneSet.has(n.nextPartId)) {
        await this.repo.setNeighbours(n.id, { nextPartId: null }, manager);
        before.push(n.id);
      }
      if (n.previousPartId !== null && goneSet.has(n.previousPartId)) {
        await this.repo.setNeighbours(n.id, { previousPartId: null }, manager);
        after.push(n.id);
      }
    }
    for (const id of before) await this.chains.renumber(id, manager);
    for (const id of after) await this.chains.renumber(id, manager, true);
    await this.repo.deleteOrphanArticles(articles, manager);
  }

  /**
   * Links `headId → tailId` inside the caller's transaction when both parts exist, both slots are free
   * and the chain stays valid (restoring a revision or a trashed part); otherwise answers why not.
   */
  async tryLink(
    manager: EntityManager,
    headId: number,
    tailId: number,
    source: LinkSource,
    evidence: LinkEvidence,
  ): Promise<string | null> {
    const head = await this.repo.findClipping(headId, manager);
    const tail = await this.repo.findClipping(tailId, manager);
    if (!head || !tail) return `clipping ${head ? tailId : headId} no longer exists`;
    if (head.nextPartId === tailId && tail.previousPartId === headId) return null;
    if (head.nextPartId !== null)
      return `clipping ${headId} already continues in clipping ${head.nextPartId}`;
    if (tail.previousPartId !== null)
      return `clipping ${tailId} already continues clipping ${tail.previousPartId}`;
    try {
      await this.checkLink(head, tail, manager);
    } catch (error) {
      if (error instanceof HttpException) return error.message;
      throw error;
    }
    await this.chains.link(headId, tailId, source, evidence, manager);
    return null;
  }

  /** Every suggestion (linked, proposed, rejected) involving these clippings. */
  pairsOf(manager: EntityManager, clippingIds: number[]): Promise<ContinuationSuggestionEntity[]> {
    return this.repo.findSuggestionsInvolving(clippingIds, manager);
  }

  /**
   * Records `headId → tailId` as cut by a person (a hand-made rejection carried onto re-filed parts),
   * inside the caller's transaction, so the rule never links that pair. Neither part may be linked yet.
   */
  async rejectPair(manager: EntityManager, headId: number, tailId: number, reasons: string[]): Promise<void> {
    await this.repo.upsertPair(
      { headId, tailId, score: 0, reasons, status: 'rejected', source: 'manual' },
      manager,
    );
  }

  /**
   * Makes a hand-made link again (re-filing a page), inside the caller's transaction: answers null
   * when linked (or already so), else why not — a part is gone, a slot is taken by another part, or
   * the chain would break (publication, cycle).
   */
  async remakeLink(
    manager: EntityManager,
    headId: number,
    tailId: number,
    evidence: LinkEvidence,
  ): Promise<'other-gone' | 'slot-taken' | 'refused' | null> {
    const head = await this.repo.findClipping(headId, manager);
    const tail = await this.repo.findClipping(tailId, manager);
    if (!head || !tail) return 'other-gone';
    if (head.nextPartId === tailId && tail.previousPartId === headId) return null;
    if (head.nextPartId !== null || tail.previousPartId !== null) return 'slot-taken';
    return (await this.tryLink(manager, headId, tailId, 'manual', evidence)) === null ? null : 'refused';
  }

  /** Tails waiting for their head and heads waiting for their tail, with the page they expect. */
  async waiting(filter: WaitingFilter): Promise<WaitingPart[]> {
    const parts = await this.repo.findWaiting(filter);
    const out: WaitingPart[] = [];
    for (const c of parts) {
      if (c.continuesFrom && c.previousPartId === null)
        out.push({ clipping: mapClippingSummary(c), waitingFor: 'head', expects: c.continuesFrom });
      if (c.continuesTo && c.nextPartId === null)
        out.push({ clipping: mapClippingSummary(c), waitingFor: 'tail', expects: c.continuesTo });
    }
    return out;
  }

  /** The chain through a clipping and the open proposals involving it, best first. */
  async view(id: number, manager?: EntityManager): Promise<ContinuationView> {
    const run = async (m: EntityManager): Promise<ContinuationView> => {
      const self = await this.repo.findClipping(id, m);
      if (!self) throw new NotFoundException(`Clipping ${id} not found`);
      const chain = await this.chains.chainOf(id, m);
      const open = (await this.repo.findSuggestionsInvolving([id], m))
        .filter((s) => s.status === 'proposed')
        .sort((a, b) => b.score - a.score || a.id - b.id);
      const others = await this.repo.findClippings(
        open.map((s) => (s.headId === id ? s.tailId : s.headId)),
        m,
      );
      const byId = new Map(others.map((c) => [c.id, c]));
      const suggestions = open.flatMap((s) => {
        const other = byId.get(s.headId === id ? s.tailId : s.headId);
        return other ? [{ ...mapSuggestion(s), other: mapClippingSummary(other) }] : [];
      });
      return {
        articleId: chain.length > 1 ? self.articleId : null,
        chain: chain.length > 1 ? chain.map(mapChainPart) : [],
        suggestions,
      };
    };
    return manager ? run(manager) : this.tx.run(run);
  }

  /** Sets or clears a clipping's neighbours by hand, in one transaction; answers its new view. */
  setContinuation(
    id: number,
    body: SetContinuationBody,
    actor: Actor | null = null,
  ): Promise<ContinuationView> {
    return this.tx.run(async (manager) => {
      const self = await this.mustFind(id, manager);
      if (body.previousPartId !== undefined)
        await this.setNeighbour(self, 'previous', body.previousPartId, manager);
      if (body.nextPartId !== undefined) {
        const fresh = await this.mustFind(id, manager);
        await this.setNeighbour(fresh, 'next', body.nextPartId, manager);
      }
      const linking = [body.previousPartId, body.nextPartId].some((v) => v !== undefined && v !== null);
      const touched = [id, self.previousPartId, self.nextPartId, body.previousPartId, body.nextPartId];
      await this.history.record(manager, ids(touched), authorOf(actor), linking ? 'linked' : 'unlinked');
      return this.view(id, manager);
    });
  }

  /** Links a proposed pair by hand (it becomes `manual`); answers the tail's view. */
  accept(suggestionId: number, actor: Actor | null = null): Promise<ContinuationView> {
    return this.tx.run(async (manager) => {
      const s = await this.repo.findSuggestion(suggestionId, manager);
      if (!s) throw new NotFoundException(`Suggestion ${suggestionId} not found`);
      const head = await this.mustFind(s.headId, manager);
      const tail = await this.mustFind(s.tailId, manager);
      if (head.nextPartId !== tail.id) {
        await this.checkLink(head, tail, manager);
        await this.chains.link(head.id, tail.id, 'manual', { score: s.score, reasons: s.reasons }, manager);
      } else {
        await this.repo.setStatus(s.id, 'linked', 'manual', manager);
      }
      const touched = [head.id, tail.id, head.nextPartId, tail.previousPartId];
      await this.history.record(manager, ids(touched), authorOf(actor), 'linked');
      return this.view(tail.id, manager);
    });
  }

  /** Rejects a pair for good (unlinking it if it was linked); answers the tail's view. */
  reject(suggestionId: number, actor: Actor | null = null): Promise<ContinuationView> {
    return this.tx.run(async (manager) => {
      const s = await this.repo.findSuggestion(suggestionId, manager);
      if (!s) throw new NotFoundException(`Suggestion ${suggestionId} not found`);
      await this.chains.unlink(s.headId, s.tailId, manager);
      await this.history.record(manager, [s.headId, s.tailId], authorOf(actor), 'unlinked');
      return this.view(s.tailId, manager);
    });
  }

  private async setNeighbour(
    self: ClippingEntity,
    side: 'previous' | 'next',
    otherId: number | null,
    manager: EntityManager,
  ): Promise<void> {
    const currentId = side === 'previous' ? self.previousPartId : self.nextPartId;
    if (otherId === currentId) return;
    if (otherId === self.id) throw new BadRequestException(`Clipping ${self.id} cannot continue itself`);
    const other = otherId === null ? null : await this.mustFind(otherId, manager);
    const [head, tail] = side === 'previous' ? [other, self] : [self, other];
    // This clipping's own old neighbour is replaced (a move); the other part's is only ever refused.
    if (other && head && tail)
      this.checkClash(
        side === 'previous' ? head : { ...head, nextPartId: null },
        side === 'next' ? tail : { ...tail, previousPartId: null },
      );
    if (currentId !== null) {
      if (side === 'previous') await this.chains.unlink(currentId, self.id, manager);
      else await this.chains.unlink(self.id, currentId, manager);
    }
    if (!other || !head || !tail) return;
    await this.checkLink(
      await this.mustFind(head.id, manager),
      await this.mustFind(tail.id, manager),
      manager,
    );
    const pair = await this.repo.findPair(head.id, tail.id, manager);
    const evidence =
      pair && pair.status !== 'rejected' ? { score: pair.score, reasons: pair.reasons } : MANUAL_EVIDENCE;
    await this.chains.link(head.id, tail.id, 'manual', evidence, manager);
  }

  /** 400 across publications; 409 when either part already has a different neighbour on that side. */
  private checkClash(
    head: Pick<ClippingEntity, 'id' | 'publicationId' | 'nextPartId'>,
    tail: Pick<ClippingEntity, 'id' | 'publicationId' | 'previousPartId'>,
  ): void {
    if (head.publicationId !== tail.publicationId) {
      throw new BadRequestException(
        `Clippings ${head.id} and ${tail.id} belong to different publications and cannot be one article`,
      );
    }
    if (head.nextPartId !== null && head.nextPartId !== tail.id) {
      throw this.conflict(
        `Clipping ${head.id} already continues in clipping ${head.nextPartId}; unlink that first`,
        {
          clippingId: head.id,
          nextPartId: head.nextPartId,
        },
      );
    }
    if (tail.previousPartId !== null && tail.previousPartId !== head.id) {
      throw this.conflict(
        `Clipping ${tail.id} already continues clipping ${tail.previousPartId}; unlink that first`,
        {
          clippingId: tail.id,
          previousPartId: tail.previousPartId,
        },
      );
    }
  }

  /** Clash and cycle checks on the current chains of both parts. */
  private async checkLink(head: ClippingEntity, tail: ClippingEntity, manager: EntityManager): Promise<void> {
    if (head.id === tail.id) throw new BadRequestException(`Clipping ${head.id} cannot continue itself`);
    this.checkClash(head, tail);
    const parts = [
      ...(await this.chains.chainOf(head.id, manager)),
      ...(await this.chains.chainOf(tail.id, manager)),
    ];
    const links = existingLinks(parts.map((p) => ({ ...p })));
    const issue = canAddLink(links, { headId: head.id, tailId: tail.id });
    if (issue) {
      throw this.conflict(`Cannot link ${head.id} → ${tail.id}: ${issue.message}`, { kind: issue.kind });
    }
  }

  private conflict(message: string, details: Record<string, unknown>): ConflictException {
    return new ConflictException({ statusCode: 409, error: 'Conflict', message, details });
  }

  private async mustFind(id: number, manager: EntityManager): Promise<ClippingEntity> {
    const c = await this.repo.findClipping(id, manager);
    if (!c) throw new NotFoundException(`Clipping ${id} not found`);
    return c;
  }
}

/** The distinct clipping ids among these (nulls and absent values left out). */
function ids(values: (number | null | undefined)[]): number[] {
  return [...new Set(values.filter((v): v is number => typeof v === 'number'))];
}
