import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ChainReader } from '../read/chain-reader';
import { type ClippingRow, ClippingReader } from '../read/clipping-reader';
import { type ChainColumns, ClippingRowsRepository } from './clipping-rows.repository';

/** The transaction a chain edit runs in, and where it reports the clippings it changed. */
export interface ChainContext {
  manager: EntityManager;
  touch(ids: Iterable<number>): void;
}

/**
 * Edits continuation chains and keeps them consistent: `previous_part_id` and `next_part_id` mirror
 * each other, every part of a chain of two or more carries the chain's article id (an `article` row),
 * a lone part carries none, and an article without parts is deleted. Used by the clipping writer only.
 */
@Injectable()
export class Chains {
  constructor(
    private readonly rows: ClippingRowsRepository,
    private readonly reader: ChainReader,
    private readonly clippings: ClippingReader,
  ) {}

  /** Links `headId → tailId` (both must be free on that side: callers check) and renumbers the chain. */
  async link(ctx: ChainContext, headId: number, tailId: number): Promise<void> {
    await this.set(ctx, headId, { nextPartId: tailId });
    await this.set(ctx, tailId, { previousPartId: headId });
    await this.renumber(ctx, headId);
  }

  /** Cuts `headId → tailId` where linked, and renumbers both halves (the tail's gets a new article). */
  async unlink(ctx: ChainContext, headId: number, tailId: number): Promise<void> {
    const [head] = await this.clippings.rows([headId], ctx.manager);
    const [tail] = await this.clippings.rows([tailId], ctx.manager);
    if (head?.nextPartId === tailId) await this.set(ctx, headId, { nextPartId: null });
    if (tail?.previousPartId === headId) await this.set(ctx, tailId, { previousPartId: null });
    await this.renumber(ctx, headId);
    await this.renumber(ctx, tailId, true);
  }

  /**
   * Keeps the chains of these clippings consistent before they are deleted: their neighbours let go of
   * them, a chain cut in the middle becomes two articles (the half before the cut keeps the article id,
   * the half after gets a new one), a part left alone loses its article id, and an article left without
   * parts is deleted.
   */
  async detach(ctx: ChainContext, clippingIds: readonly number[]): Promise<void> {
    const gone = [...new Set(clippingIds)];
    if (gone.length === 0) return;
    const goneSet = new Set(gone);
    const articles = await this.reader.articleIdsOf(gone, ctx.manager);
    const neighbours = await this.reader.neighboursOf(gone, ctx.manager);
    if (articles.length === 0 && neighbours.length === 0) return;
    await this.rows.clearChains(gone, ctx.manager);
    ctx.touch(gone);
    const before: number[] = [];
    const after: number[] = [];
    for (const n of neighbours) {
      if (n.nextPartId !== null && goneSet.has(n.nextPartId)) {
        await this.set(ctx, n.id, { nextPartId: null });
        before.push(n.id);
      }
      if (n.previousPartId !== null && goneSet.has(n.previousPartId)) {
        await this.set(ctx, n.id, { previousPartId: null });
        after.push(n.id);
      }
    }
    for (const id of before) await this.renumber(ctx, id);
    for (const id of after) await this.renumber(ctx, id, true);
    await this.rows.deleteOrphanArticles(articles, ctx.manager);
  }

  /**
   * Gives the chain through `id` one article id: the first part's (or, when `fresh`, a new one if
   * another chain still holds it), creating an article for a new chain and clearing it on a lone part.
   */
  async renumber(ctx: ChainContext, id: number, fresh = false): Promise<void> {
    const chain = await this.reader.chainOf(id, ctx.manager);
    const before = [...new Set(chain.map((p) => p.articleId).filter((a): a is number => a !== null))];
    if (chain.length < 2) {
      for (const p of chain) if (p.articleId !== null) await this.set(ctx, p.id, { articleId: null });
      await this.rows.deleteOrphanArticles(before, ctx.manager);
      return;
    }
    let target = chain.find((p) => p.articleId !== null)?.articleId ?? null;
    if (target !== null && fresh && (await this.heldElsewhere(target, chain, ctx.manager))) target = null;
    target ??= await this.rows.createArticle(ctx.manager);
    for (const p of chain) if (p.articleId !== target) await this.set(ctx, p.id, { articleId: target });
    await this.rows.deleteOrphanArticles(
      before.filter((a) => a !== target),
      ctx.manager,
    );
  }

  private async set(ctx: ChainContext, id: number, changes: ChainColumns): Promise<void> {
    await this.rows.setChain(id, changes, ctx.manager);
    ctx.touch([id]);
  }

  /** Whether parts outside `chain` still carry `articleId` (the other half of a split chain). */
  private async heldElsewhere(
    articleId: number,
    chain: readonly ClippingRow[],
    manager: EntityManager,
  ): Promise<boolean> {
    const ids = new Set(chain.map((p) => p.id));
    const holders = await this.reader.partsOfArticle(articleId, manager);
    return holders.some((p) => !ids.has(p.id));
  }
}
