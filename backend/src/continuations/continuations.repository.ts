import type { ClippingKind, JumpRef, LinkSource, SuggestionStatus } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { ArticleEntity } from '../articles/article.entity';
import { ClippingEntity } from '../clippings/clipping.entity';
import { jsonText } from '../common/json-text.transformer';
import { ReadQueries } from '../database/read-queries';
import { type RowReader, rowReader } from '../database/row-reader';
import { chunk, inList, MAX_SQL_PARAMS, placeholder } from '../database/sql-values';
import { ContinuationSuggestionEntity } from './continuation-suggestion.entity';
import type { IssuePart, IssuePartLinks } from './linking-plan';

interface IssueLinkRow {
  id: number | string;
  page_label: string;
  kind: ClippingKind;
  continues_from: string | null;
  continues_to: string | null;
  previous_part_id: number | string | null;
  next_part_id: number | string | null;
}

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
  private readonly clippingRow: RowReader<ClippingEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly read: ReadQueries,
  ) {
    this.clippingRow = rowReader(dataSource, ClippingEntity, 'c');
  }

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

  /** The distinct issues (publication and date) of these clippings. */
  async issuesOf(
    ids: number[],
    manager: EntityManager,
  ): Promise<{ publicationId: number; issueDate: string }[]> {
    const out = new Map<string, { publicationId: number; issueDate: string }>();
    for (const part of chunk(ids, MAX_SQL_PARAMS)) {
      const rows = (await manager.query(
        `SELECT DISTINCT publication_id, issue_date FROM clipping WHERE id IN (${inList(manager, part.length)})`,
        part,
      )) as { publication_id: number | string; issue_date: string }[];
      for (const r of rows) {
        out.set(`${r.publication_id}|${r.issue_date}`, {
          publicationId: Number(r.publication_id),
          issueDate: r.issue_date,
        });
      }
    }
    return [...out.values()];
  }

  /** Every part of one issue (the matcher's group), by id, without texts: what picks the candidates. */
  async findIssueLinks(
    publicationId: number,
    issueDate: string,
    manager: EntityManager,
  ): Promise<IssuePartLinks[]> {
    const rows = (await manager.query(
      `SELECT id, page_label, kind, continues_from, continues_to, previous_part_id, next_part_id
         FROM clipping WHERE publication_id = ${placeholder(manager, 1)} AND issue_date = ${placeholder(manager, 2)}
         ORDER BY id`,
      [publicationId, issueDate],
    )) as IssueLinkRow[];
    return rows.map((r) => ({
      id: Number(r.id),
      publicationId,
      issueDate,
      pageLabel: r.page_label,
      kind: r.kind,
      continuesFrom: jsonText.from(r.continues_from) as JumpRef | null,
      continuesTo: jsonText.from(r.continues_to) as JumpRef | null,
      previousPartId: r.previous_part_id === null ? null : Number(r.previous_part_id),
      nextPartId: r.next_part_id === null ? null : Number(r.next_part_id),
    }));
  }

  /** Title, kicker and body of these clippings, by id (the matcher's texts). */
  async textsOf(
    ids: number[],
    manager: EntityManager,
  ): Promise<Map<number, Pick<IssuePart, 'title' | 'kicker' | 'body'>>> {
    const out = new Map<number, Pick<IssuePart, 'title' | 'kicker' | 'body'>>();
    for (const part of chunk(ids, MAX_SQL_PARAMS)) {
      const rows = (await manager.query(
        `SELECT id, title, kicker, body FROM clipping WHERE id IN (${inList(manager, part.length)})`,
        part,
      )) as { id: number | string; title: string | null; kicker: string | null; body: string }[];
      for (const r of rows) out.set(Number(r.id), { title: r.title, kicker: r.kicker, body: r.body });
    }
    return out;
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

  /** Clears the chain columns (neighbours, article) of these clippings, bumping their versions. */
  async clearChains(ids: number[], manager: EntityManager): Promise<void> {
    for (const part of chunk(ids, MAX_SQL_PARAMS)) {
      await manager.query(
        `UPDATE clipping SET previous_part_id = NULL, next_part_id = NULL, article_id = NULL, version = version + 1
          WHERE id IN (${inList(manager, part.length)})`,
        part,
      );
    }
  }

  /** The article ids these clippings carry. */
  async articleIdsOf(ids: number[], manager: EntityManager): Promise<number[]> {
    const out = new Set<number>();
    for (const part of chunk(ids, MAX_SQL_PARAMS)) {
      const rows = (await manager.query(
        `SELECT DISTINCT article_id FROM clipping WHERE article_id IS NOT NULL AND id IN (${inList(manager, part.length)})`,
        part,
      )) as { article_id: number | string }[];
      for (const r of rows) out.add(Number(r.article_id));
    }
    return [...out];
  }

  /** Clippings outside `ids` whose previous or next part is among `ids`, with those pointers. */
  async neighboursOf(
    ids: number[],
    manager: EntityManager,
  ): Promise<{ id: number; previousPartId: number | null; nextPartId: number | null }[]> {
    const out = new Map<number, { id: number; previousPartId: number | null; nextPartId: number | null }>();
    const inside = new Set(ids);
    for (const part of chunk(ids, Math.floor(MAX_SQL_PARAMS / 2))) {
      const rows = await manager
        .createQueryBuilder()
        .select(['c.id AS id', 'c.previous_part_id AS previous_part_id', 'c.next_part_id AS next_part_id'])
        .from('clipping', 'c')
        .where('c.previous_part_id IN (:...part) OR c.next_part_id IN (:...part)', { part })
        .getRawMany<{
          id: number | string;
          previous_part_id: number | string | null;
          next_part_id: number | string | null;
        }>();
      for (const r of rows) {
        const id = Number(r.id);
        if (inside.has(id)) continue;
        out.set(id, {
          id,
          previousPartId: r.previous_part_id === null ? null : Number(r.previous_part_id),
          nextPartId: r.next_part_id === null ? null : Number(r.next_part_id),
        });
      }
    }
    return [...out.values()];
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
  /** The parts of an article with their publication's name (a hand-written read: the article view is hot). */
  async findArticleParts(articleId: number): Promise<Array<ClippingEntity & { publicationName: string }>> {
    const rows = await this.read.all<Record<string, unknown>>(
      `SELECT ${this.clippingRow.columns}, p.name AS publication_name FROM clipping c ` +
        'LEFT JOIN publication p ON p.id = c.publication_id WHERE c.article_id = ?',
      [articleId],
    );
    return rows.map((row) => ({
      ...this.clippingRow.read(row),
      publicationName: typeof row['publication_name'] === 'string' ? row['publication_name'] : '',
    }));
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

  /** Suggestions by id, by id. */
  findSuggestionsByIds(ids: number[], manager: EntityManager): Promise<ContinuationSuggestionEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.find(ContinuationSuggestionEntity, { where: { id: In(ids) }, order: { id: 'ASC' } });
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
