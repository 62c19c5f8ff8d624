import type { LinkSource, SuggestionStatus } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { ArticleEntity } from '../articles/article.entity';
import { ClippingEntity } from '../clippings/clipping.entity';
import { ContinuationSuggestionEntity } from './continuation-suggestion.entity';

/** Filters of the waiting list. */
export interface WaitingFilter {
  publicationId?: number;
  from?: string;
  to?: string;
}

/** What a suggestion row is written with. */
export interface SuggestionWrite {
  headId: number;
  tailId: number;
  score: number;
  reasons: string[];
  status: SuggestionStatus;
  source: LinkSource;
}

/** Every query on the continuation chain (clipping.previous/next_part_id, article_id), `article` and `continuation_suggestion`. */
@Injectable()
export class ContinuationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The clippings (publication loaded), in the order of `ids`; missing ids skipped. */
  async findClippings(
    ids: number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ClippingEntity[]> {
    if (ids.length === 0) return [];
    const rows = await manager.find(ClippingEntity, {
      where: { id: In(ids) },
      relations: { publication: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is ClippingEntity => r !== undefined);
  }

  async findClipping(
    id: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ClippingEntity | null> {
    return (await this.findClippings([id], manager))[0] ?? null;
  }

  /** Every clipping of one issue of one publication (the matcher's group). */
  findIssue(publicationId: number, issueDate: string, manager: EntityManager): Promise<ClippingEntity[]> {
    return manager.find(ClippingEntity, { where: { publicationId, issueDate }, order: { id: 'ASC' } });
  }

  /** Parts still waiting: tails without a previous part, heads without a next part. */
  findWaiting(filter: WaitingFilter): Promise<ClippingEntity[]> {
    const qb = this.dataSource
      .getRepository(ClippingEntity)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.publication', 'p')
      .where(
        '((c.continues_from IS NOT NULL AND c.previous_part_id IS NULL) OR (c.continues_to IS NOT NULL AND c.next_part_id IS NULL))',
      );
    if (filter.publicationId !== undefined)
      qb.andWhere('c.publication_id = :pub', { pub: filter.publicationId });
    if (filter.from !== undefined) qb.andWhere('c.issue_date >= :from', { from: filter.from });
    if (filter.to !== undefined) qb.andWhere('c.issue_date <= :to', { to: filter.to });
    return qb
      .orderBy('c.issue_date', 'DESC')
      .addOrderBy('c.publication_id')
      .addOrderBy('c.page_sort')
      .addOrderBy('c.id')
      .getMany();
  }

  /** Sets the neighbours of one part (bumping its version, as every edit of a clipping does). */
  async setNeighbours(
    id: number,
    changes: { previousPartId?: number | null; nextPartId?: number | null; articleId?: number | null },
    manager: EntityManager,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ClippingEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  async createArticle(manager: EntityManager): Promise<number> {
    const saved = await manager.save(ArticleEntity, new ArticleEntity());
    return saved.id;
  }

  /** Deletes the article rows no part points at any more. */
  async deleteOrphanArticles(ids: number[], manager: EntityManager): Promise<void> {
    for (const id of ids) {
      const used = await manager.countBy(ClippingEntity, { articleId: id });
      if (used === 0) await manager.delete(ArticleEntity, { id });
    }
  }

  async articleExists(id: number): Promise<boolean> {
    return (await this.dataSource.manager.countBy(ArticleEntity, { id })) > 0;
  }

  /** The parts of an article (publication loaded), in no particular order. */
  findArticleParts(articleId: number): Promise<ClippingEntity[]> {
    return this.dataSource.manager.find(ClippingEntity, {
      where: { articleId },
      relations: { publication: true },
    });
  }

  findSuggestion(
    id: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ContinuationSuggestionEntity | null> {
    return manager.findOneBy(ContinuationSuggestionEntity, { id });
  }

  findPair(
    headId: number,
    tailId: number,
    manager: EntityManager,
  ): Promise<ContinuationSuggestionEntity | null> {
    return manager.findOneBy(ContinuationSuggestionEntity, { headId, tailId });
  }

  /** Suggestions whose head or tail is among `ids`. */
  findSuggestionsInvolving(
    ids: number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ContinuationSuggestionEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.find(ContinuationSuggestionEntity, {
      where: [{ headId: In(ids) }, { tailId: In(ids) }],
      order: { id: 'ASC' },
    });
  }

  /** Inserts or overwrites the row of a pair; returns its id. */
  async upsertPair(write: SuggestionWrite, manager: EntityManager): Promise<number> {
    const existing = await this.findPair(write.headId, write.tailId, manager);
    if (existing) {
      await manager.update(ContinuationSuggestionEntity, { id: existing.id }, { ...write });
      return existing.id;
    }
    const saved = await manager.save(
      ContinuationSuggestionEntity,
      Object.assign(new ContinuationSuggestionEntity(), write),
    );
    return saved.id;
  }

  async setStatus(
    id: number,
    status: SuggestionStatus,
    source: LinkSource,
    manager: EntityManager,
  ): Promise<void> {
    await manager.update(ContinuationSuggestionEntity, { id }, { status, source });
  }

  async deleteSuggestions(ids: number[], manager: EntityManager): Promise<void> {
    if (ids.length > 0) await manager.delete(ContinuationSuggestionEntity, { id: In(ids) });
  }

  /** Parts carrying `articleId`. */
  findByArticle(articleId: number, manager: EntityManager): Promise<ClippingEntity[]> {
    return manager.find(ClippingEntity, { where: { articleId } });
  }
}
