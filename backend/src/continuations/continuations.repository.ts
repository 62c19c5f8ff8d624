import type { LinkSource, SuggestionStatus } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { syncIdentitySequence } from '../database/identity';
import { inList } from '../database/sql-values';
import { ContinuationSuggestionEntity } from './continuation-suggestion.entity';

/** What a suggestion row is written with. */
export interface SuggestionWrite {
  headId: number;
  tailId: number;
  score: number;
  reasons: string[];
  status: SuggestionStatus;
  source: LinkSource;
}

/** Every query on `continuation_suggestion` (the chains themselves belong to the clipping store). */
@Injectable()
export class ContinuationsRepository {
  constructor(private readonly dataSource: DataSource) {}

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

  /**
   * Every suggestion involving a part of one issue: {@link findSuggestionsInvolving} of the issue's
   * parts, without reading them first (so it can go out together with the read of the parts).
   */
  findSuggestionsInIssue(
    publicationId: number,
    issueDate: string,
    manager: EntityManager,
  ): Promise<ContinuationSuggestionEntity[]> {
    const parts =
      'SELECT c.id FROM clipping c WHERE c.publication_id = :publicationId AND c.issue_date = :issueDate';
    return manager
      .createQueryBuilder(ContinuationSuggestionEntity, 's')
      .where(`(s.head_id IN (${parts}) OR s.tail_id IN (${parts}))`, { publicationId, issueDate })
      .orderBy('s.id', 'ASC')
      .getMany();
  }

  /** How many links are proposed (not yet accepted or rejected), and one of their heads (the lowest id). */
  async proposed(): Promise<{ count: number; firstHeadId: number | null }> {
    const rows = await this.dataSource.query<{ n: number | string; first: number | string | null }[]>(
      "SELECT COUNT(*) AS n, MIN(head_id) AS first FROM continuation_suggestion WHERE status = 'proposed'",
    );
    const row = rows[0];
    return {
      count: Number(row?.n ?? 0),
      firstHeadId: row?.first === null || row?.first === undefined ? null : Number(row.first),
    };
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

  /** Inserts a suggestion row as it was read (its old id included), unless that id is taken. */
  async insertRaw(row: Record<string, unknown>, manager: EntityManager): Promise<void> {
    const taken = (await manager.query(
      `SELECT id FROM continuation_suggestion WHERE id = ${inList(manager, 1)}`,
      [row['id']],
    )) as unknown[];
    if (taken.length > 0) return;
    const columns = Object.keys(row);
    await manager.query(
      `INSERT INTO continuation_suggestion (${columns.join(', ')}) VALUES (${inList(manager, columns.length)})`,
      columns.map((c) => row[c]),
    );
    if ('id' in row) await syncIdentitySequence(manager, 'continuation_suggestion');
  }
}
