import type { LinkSource } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ClippingEntity } from '../clippings/clipping.entity';
import { ContinuationsRepository } from './continuations.repository';

/** Evidence stored with a link. */
export interface LinkEvidence {
  score: number;
  reasons: string[];
}

/**
 * Edits chains inside the caller's transaction and keeps them consistent: `previous_part_id` and
 * `next_part_id` mirror each other, every part of a chain of two or more carries the chain's article
 * id, a lone part carries none, and the suggestion row of a pair records whether it is linked.
 */
@Injectable()
export class ChainEditor {
  constructor(private readonly repo: ContinuationsRepository) {}

  /** The chain through `id`, first part first (just that part when it stands alone). */
  async chainOf(id: number, manager: EntityManager): Promise<ClippingEntity[]> {
    const start = await this.repo.findClipping(id, manager);
    if (!start) return [];
    const seen = new Set<number>([start.id]);
    let first = start;
    while (first.previousPartId !== null && !seen.has(first.previousPartId)) {
      const prev = await this.repo.findClipping(first.previousPartId, manager);
      if (!prev) break;
      seen.add(prev.id);
      first = prev;
    }
    const chain = [first];
    const inChain = new Set<number>([first.id]);
    let cur = first;
    while (cur.nextPartId !== null && !inChain.has(cur.nextPartId)) {
      const next = await this.repo.findClipping(cur.nextPartId, manager);
      if (!next) break;
      inChain.add(next.id);
      chain.push(next);
      cur = next;
    }
    return chain;
  }

  /** Links `headId → tailId` (both must be free on that side: callers check) and records the pair as linked. */
  async link(
    headId: number,
    tailId: number,
    source: LinkSource,
    evidence: LinkEvidence,
    manager: EntityManager,
  ): Promise<number> {
    await this.repo.setNeighbours(headId, { nextPartId: tailId }, manager);
    await this.repo.setNeighbours(tailId, { previousPartId: headId }, manager);
    await this.renumber(headId, manager);
    return this.repo.upsertPair({ headId, tailId, ...evidence, status: 'linked', source }, manager);
  }

  /** Cuts `headId → tailId` (if linked) and records the pair as rejected by a person, so the rule leaves it. */
  async unlink(headId: number, tailId: number, manager: EntityManager): Promise<void> {
    const head = await this.repo.findClipping(headId, manager);
    const tail = await this.repo.findClipping(tailId, manager);
    if (head?.nextPartId === tailId) await this.repo.setNeighbours(headId, { nextPartId: null }, manager);
    if (tail?.previousPartId === headId)
      await this.repo.setNeighbours(tailId, { previousPartId: null }, manager);
    await this.renumber(headId, manager);
    await this.renumber(tailId, manager, true);
    const pair = await this.repo.findPair(headId, tailId, manager);
    if (pair) await this.repo.setStatus(pair.id, 'rejected', 'manual', manager);
    else {
      await this.repo.upsertPair(
        { headId, tailId, score: 0, reasons: ['unlinked by hand'], status: 'rejected', source: 'manual' },
        manager,
      );
    }
  }

  /**
   * Gives the chain through `id` one article id: the first part's (or, when `fresh`, a new one if
   * another chain still holds it), creating an article for a new chain and clearing it on a lone part.
   */
  async renumber(id: number, manager: EntityManager, fresh = false): Promise<void> {
    const chain = await this.chainOf(id, manager);
    const before = [...new Set(chain.map((p) => p.articleId).filter((a): a is number => a !== null))];
    if (chain.length < 2) {
      for (const p of chain)
        if (p.articleId !== null) await this.repo.setNeighbours(p.id, { articleId: null }, manager);
      await this.repo.deleteOrphanArticles(before, manager);
      return;
    }
    let target = chain.find((p) => p.articleId !== null)?.articleId ?? null;
    if (target !== null && fresh && (await this.heldElsewhere(target, chain, manager))) target = null;
    target ??= await this.repo.createArticle(manager);
    for (const p of chain)
      if (p.articleId !== target) await this.repo.setNeighbours(p.id, { articleId: target }, manager);
    await this.repo.deleteOrphanArticles(
      before.filter((a) => a !== target),
      manager,
    );
  }

  /** Whether parts outside `chain` still carry `articleId` (the other half of a split chain). */
  private async heldElsewhere(
    articleId: number,
    chain: ClippingEntity[],
    manager: EntityManager,
  ): Promise<boolean> {
    const ids = new Set(chain.map((p) => p.id));
    const holders = await this.repo.findByArticle(articleId, manager);
    return holders.some((p) => !ids.has(p.id));
  }
}
