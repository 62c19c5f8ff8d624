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
  type OnModuleInit,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClippingHooks, type SavedClipping } from '../clippings/clipping-hooks';
import { ChainReader, type WaitingFilter } from '../clippings/read/chain-reader';
import { type ClippingRow, ClippingReader } from '../clippings/read/clipping-reader';
import { ClippingStore } from '../clippings/store/clipping-store';
import type { ClippingWriter } from '../clippings/store/clipping-writer';
import type { Actor } from '../common/access';
import { authorOf } from '../common/author';
import { atOnce } from '../database/sql-values';
import { TransactionRunner } from '../database/transaction-runner';
import { ChainEditor, type LinkEvidence } from './chain-editor';
import { mapChainPart, mapClippingSummary, mapSuggestion } from './continuation.mapper';
import { ContinuationsRepository } from './continuations.repository';
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
import { needsRelink } from './relink-trigger';

/** Evidence recorded for a pair a person linked without any suggestion behind it. */
const MANUAL_EVIDENCE = { score: 1, reasons: ['linked by hand'] };

/** Rules for continued articles: automatic linking on filing and editing, waiting list, manual links. */
@Injectable()
export class ContinuationsService implements OnModuleInit {
  constructor(
    private readonly repo: ContinuationsRepository,
    private readonly chains: ChainEditor,
    private readonly store: ClippingStore,
    private readonly clippings: ClippingReader,
    private readonly chainReader: ChainReader,
    private readonly hooks: ClippingHooks,
    private readonly tx: TransactionRunner,
  ) {}

  /** A clipping created or edited by hand is linked like a filed one (an edit only when it moved for the rule). */
  onModuleInit(): void {
    this.hooks.register({ saved: (w, saved) => this.relinkSaved(w, saved) });
  }

  private async relinkSaved(w: ClippingWriter, { id, before, changes, issue }: SavedClipping): Promise<void> {
    if (before && !needsRelink(before, changes)) return;
    // The saved clipping's issue is known: linkAfterFiling would read it back first.
    const made = await this.linkIssue(issue.publicationId, issue.issueDate, w);
    const others = made
      .filter((l) => l.status === 'linked' && (l.headId === id || l.tailId === id))
      .map((l) => (l.headId === id ? l.tailId : l.headId));
    await w.record(others, 'linked', { detail: { with: id } });
  }

  /**
   * Runs the linking rule over the issues of the given clippings, inside the caller's transaction
   * (filing a page, editing a clipping). Links the pairs the matcher is sure of when both parts are
   * free, stores the others as proposals, and answers what it linked or proposed involving them.
   */
  async linkAfterFiling(w: ClippingWriter, clippingIds: number[]): Promise<ContinuationSuggestion[]> {
    const ids = new Set(clippingIds);
    const out: ContinuationSuggestion[] = [];
    for (const { publicationId, issueDate } of await this.chainReader.issuesOf([...ids], w.manager)) {
      const made = await this.linkIssue(publicationId, issueDate, w);
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
    w: ClippingWriter,
  ): Promise<ContinuationSuggestion[]> {
    const manager = w.manager;
    // The parts and their suggestions at once: one round trip of the write transaction instead of two.
    const [issue, known] = await atOnce(
      manager,
      (): Promise<IssuePartLinks[]> => this.chainReader.issueParts(publicationId, issueDate, manager),
      () => this.repo.findSuggestionsInIssue(publicationId, issueDate, manager),
    );
    const { heads, tails } = linkCandidates(issue);
    if (tails.length === 0 && heads.every((h) => h.continuesTo === null)) {
      await this.dropStaleProposals(known, new Set(), manager);
      return [];
    }
    const texts = await this.clippings.texts([...new Set([...heads, ...tails].map((p) => p.id))], manager);
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
      touched.push(await this.chains.link(w, Number(d.headId), Number(d.tailId), 'rule', evidence));
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
   * Links `headId → tailId` inside the caller's transaction when both parts exist, both slots are free
   * and the chain stays valid (restoring a revision or a trashed part); otherwise answers why not.
   */
  async tryLink(
    w: ClippingWriter,
    headId: number,
    tailId: number,
    source: LinkSource,
    evidence: LinkEvidence,
  ): Promise<string | null> {
    const head = await this.find(headId, w.manager);
    const tail = await this.find(tailId, w.manager);
    if (!head || !tail) return `clipping ${head ? tailId : headId} no longer exists`;
    if (head.nextPartId === tailId && tail.previousPartId === headId) return null;
    if (head.nextPartId !== null)
      return `clipping ${headId} already continues in clipping ${head.nextPartId}`;
    if (tail.previousPartId !== null)
      return `clipping ${tailId} already continues clipping ${tail.previousPartId}`;
    try {
      await this.checkLink(head, tail, w.manager);
    } catch (error) {
      if (error instanceof HttpException) return error.message;
      throw error;
    }
    await this.chains.link(w, headId, tailId, source, evidence);
    return null;
  }

  /** Puts back a suggestion row kept in the trash (as read, its id included), unless that id is taken again. */
  putBackSuggestion(manager: EntityManager, row: Record<string, unknown>): Promise<void> {
    return this.repo.insertRaw(row, manager);
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
    w: ClippingWriter,
    headId: number,
    tailId: number,
    evidence: LinkEvidence,
  ): Promise<'other-gone' | 'slot-taken' | 'refused' | null> {
    const head = await this.find(headId, w.manager);
    const tail = await this.find(tailId, w.manager);
    if (!head || !tail) return 'other-gone';
    if (head.nextPartId === tailId && tail.previousPartId === headId) return null;
    if (head.nextPartId !== null || tail.previousPartId !== null) return 'slot-taken';
    return (await this.tryLink(w, headId, tailId, 'manual', evidence)) === null ? null : 'refused';
  }

  /** Tails waiting for their head and heads waiting for their tail, with the page they expect. */
  async waiting(filter: WaitingFilter): Promise<WaitingPart[]> {
    const parts = await this.chainReader.waiting(filter);
    const out: WaitingPart[] = [];
    for (const c of parts) {
      if (c.continuesFrom && c.previousPartId === null)
        out.push({ clipping: mapClippingSummary(c), waitingFor: 'head', expects: c.continuesFrom });
      if (c.continuesTo && c.nextPartId === null)
        out.push({ clipping: mapClippingSummary(c), waitingFor: 'tail', expects: c.continuesTo });
    }
    return out;
  }

  /** How many links are proposed, and a head with one (to open for review). */
  proposedLinks(): Promise<{ count: number; firstHeadId: number | null }> {
    return this.repo.proposed();
  }

  /** The chain through a clipping and the open proposals involving it, best first. */
  async view(id: number, manager?: EntityManager): Promise<ContinuationView> {
    const run = async (m: EntityManager): Promise<ContinuationView> => {
      const self = await this.find(id, m);
      if (!self) throw new NotFoundException(`Clipping ${id} not found`);
      const chain = await this.chainReader.chainOf(id, m);
      const open = (await this.repo.findSuggestionsInvolving([id], m))
        .filter((s) => s.status === 'proposed')
        .sort((a, b) => b.score - a.score || a.id - b.id);
      const others = await this.clippings.rows(
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
    const linking = [body.previousPartId, body.nextPartId].some((v) => v !== undefined && v !== null);
    const action = linking ? 'linked' : 'unlinked';
    return this.store.write(authorOf(actor), action, async (w) => {
      const self = await this.mustFind(id, w.manager);
      if (body.previousPartId !== undefined)
        await this.setNeighbour(self, 'previous', body.previousPartId, w);
      if (body.nextPartId !== undefined) {
        const fresh = await this.mustFind(id, w.manager);
        await this.setNeighbour(fresh, 'next', body.nextPartId, w);
      }
      const touched = [id, self.previousPartId, self.nextPartId, body.previousPartId, body.nextPartId];
      await w.record(ids(touched), action);
      return this.view(id, w.manager);
    });
  }

  /** Links a proposed pair by hand (it becomes `manual`); answers the tail's view. */
  accept(suggestionId: number, actor: Actor | null = null): Promise<ContinuationView> {
    return this.store.write(authorOf(actor), 'linked', async (w) => {
      const s = await this.repo.findSuggestion(suggestionId, w.manager);
      if (!s) throw new NotFoundException(`Suggestion ${suggestionId} not found`);
      const head = await this.mustFind(s.headId, w.manager);
      const tail = await this.mustFind(s.tailId, w.manager);
      if (head.nextPartId !== tail.id) {
        await this.checkLink(head, tail, w.manager);
        await this.chains.link(w, head.id, tail.id, 'manual', { score: s.score, reasons: s.reasons });
      } else {
        await this.repo.setStatus(s.id, 'linked', 'manual', w.manager);
      }
      const touched = [head.id, tail.id, head.nextPartId, tail.previousPartId];
      await w.record(ids(touched), 'linked');
      return this.view(tail.id, w.manager);
    });
  }

  /** Rejects a pair for good (unlinking it if it was linked); answers the tail's view. */
  reject(suggestionId: number, actor: Actor | null = null): Promise<ContinuationView> {
    return this.store.write(authorOf(actor), 'unlinked', async (w) => {
      const s = await this.repo.findSuggestion(suggestionId, w.manager);
      if (!s) throw new NotFoundException(`Suggestion ${suggestionId} not found`);
      await this.chains.unlink(w, s.headId, s.tailId);
      await w.record([s.headId, s.tailId], 'unlinked');
      return this.view(s.tailId, w.manager);
    });
  }

  private async setNeighbour(
    self: ClippingRow,
    side: 'previous' | 'next',
    otherId: number | null,
    w: ClippingWriter,
  ): Promise<void> {
    const manager = w.manager;
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
      if (side === 'previous') await this.chains.unlink(w, currentId, self.id);
      else await this.chains.unlink(w, self.id, currentId);
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
    await this.chains.link(w, head.id, tail.id, 'manual', evidence);
  }

  /** 400 across publications; 409 when either part already has a different neighbour on that side. */
  private checkClash(
    head: Pick<ClippingRow, 'id' | 'publicationId' | 'nextPartId'>,
    tail: Pick<ClippingRow, 'id' | 'publicationId' | 'previousPartId'>,
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
  private async checkLink(head: ClippingRow, tail: ClippingRow, manager: EntityManager): Promise<void> {
    if (head.id === tail.id) throw new BadRequestException(`Clipping ${head.id} cannot continue itself`);
    this.checkClash(head, tail);
    const parts = [
      ...(await this.chainReader.chainOf(head.id, manager)),
      ...(await this.chainReader.chainOf(tail.id, manager)),
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

  private async mustFind(id: number, manager: EntityManager): Promise<ClippingRow> {
    const c = await this.find(id, manager);
    if (!c) throw new NotFoundException(`Clipping ${id} not found`);
    return c;
  }

  private async find(id: number, manager: EntityManager): Promise<ClippingRow | null> {
    return (await this.clippings.rows([id], manager))[0] ?? null;
  }
}

/** The distinct clipping ids among these (nulls and absent values left out). */
function ids(values: (number | null | undefined)[]): number[] {
  return [...new Set(values.filter((v): v is number => typeof v === 'number'))];
}
