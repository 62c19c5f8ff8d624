import type { ClippingKind, JumpRef } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { jsonText } from '../../common/json-text.transformer';
import { ReadQueries } from '../../database/read-queries';
import { chunk, inList, MAX_SQL_PARAMS, placeholder } from '../../database/sql-values';
import { ClippingEntity } from '../clipping.entity';
import { type ClippingRow, ClippingReader } from './clipping-reader';

/** One part of an issue as the linking rule first sees it: no texts, its markers and neighbours. */
export interface IssuePartRow {
  id: number;
  publicationId: number;
  issueDate: string;
  pageLabel: string;
  kind: ClippingKind;
  continuesFrom: JumpRef | null;
  continuesTo: JumpRef | null;
  previousPartId: number | null;
  nextPartId: number | null;
}

/** One clipping of an issue as the issue map shows it: headline, kind, markers and links. */
export interface IssueClippingRow {
  id: number;
  pageLabel: string;
  kind: ClippingKind;
  kicker: string | null;
  title: string | null;
  excerpt: string;
  continuesFrom: JumpRef | null;
  continuesTo: JumpRef | null;
  previousPartId: number | null;
  nextPartId: number | null;
  articleId: number | null;
}

/** Length of {@link IssueClippingRow.excerpt}. */
const ISSUE_EXCERPT_LENGTH = 40;

/** Filters of the waiting list. */
export interface WaitingFilter {
  publicationId?: number;
  from?: string;
  to?: string;
}

interface IssueLinkRow {
  id: number | string;
  page_label: string;
  kind: ClippingKind;
  continues_from: string | null;
  continues_to: string | null;
  previous_part_id: number | string | null;
  next_part_id: number | string | null;
}

/** Reads of the continuation chains (`previous_part_id`, `next_part_id`, `article_id`) and the issues they live in. */
@Injectable()
export class ChainReader {
  constructor(
    private readonly read: ReadQueries,
    private readonly clippings: ClippingReader,
  ) {}

  /**
   * The chain through `id`, first part first (just that part when it stands alone). Every part it can
   * meet is read in one statement ({@link ClippingReader.chainRows}), then walked here: back to the
   * first part, forward from it (inside a write transaction, a walk of one statement per part held up
   * the writes queued behind it once per part).
   */
  async chainOf(id: number, manager: EntityManager): Promise<ClippingRow[]> {
    const rows = new Map((await this.clippings.chainRows(id, manager)).map((r) => [r.id, r]));
    const find = (partId: number): ClippingRow | null => rows.get(partId) ?? null;
    const start = find(id);
    if (!start) return [];
    const seen = new Set<number>([start.id]);
    let first = start;
    while (first.previousPartId !== null && !seen.has(first.previousPartId)) {
      const prev = find(first.previousPartId);
      if (!prev) break;
      seen.add(prev.id);
      first = prev;
    }
    const chain = [first];
    const inChain = new Set<number>([first.id]);
    let cur = first;
    while (cur.nextPartId !== null && !inChain.has(cur.nextPartId)) {
      const next = find(cur.nextPartId);
      if (!next) break;
      inChain.add(next.id);
      chain.push(next);
      cur = next;
    }
    return chain;
  }

  /**
   * The chains through these clippings, by id (missing ids absent): one read for all the parts that
   * stand alone, {@link chainOf} for the few in a chain.
   */
  async chainsOf(ids: readonly number[], manager: EntityManager): Promise<Map<number, ClippingRow[]>> {
    const out = new Map<number, ClippingRow[]>();
    for (const part of chunk(ids, MAX_SQL_PARAMS)) {
      for (const row of await this.clippings.rows(part, manager)) {
        const alone = row.previousPartId === null && row.nextPartId === null;
        out.set(row.id, alone ? [row] : await this.chainOf(row.id, manager));
      }
    }
    return out;
  }

  /** The distinct issues (publication and date) of these clippings. */
  async issuesOf(
    ids: readonly number[],
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
  async issueParts(
    publicationId: number,
    issueDate: string,
    manager: EntityManager,
  ): Promise<IssuePartRow[]> {
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

  /** Every clipping of one issue, in page order then filing order (the issue map; a read of the pool). */
  async issueClippings(publicationId: number, issueDate: string): Promise<IssueClippingRow[]> {
    const rows = await this.read.all<Record<string, unknown>>(
      'SELECT c.id, c.page_label, c.kind, c.kicker, c.title, ' +
        `SUBSTR(c.body, 1, ${ISSUE_EXCERPT_LENGTH}) AS excerpt, c.continues_from, c.continues_to, ` +
        'c.previous_part_id, c.next_part_id, c.article_id FROM clipping c ' +
        'WHERE c.publication_id = ? AND c.issue_date = ? ORDER BY c.page_sort, c.id',
      [publicationId, issueDate],
    );
    const id = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
    return rows.map((r) => ({
      id: Number(r['id']),
      pageLabel: String(r['page_label']),
      kind: r['kind'] as ClippingKind,
      kicker: (r['kicker'] as string | null) ?? null,
      title: (r['title'] as string | null) ?? null,
      excerpt: String(r['excerpt'] ?? ''),
      continuesFrom: jsonText.from(r['continues_from'] as string | null) as JumpRef | null,
      continuesTo: jsonText.from(r['continues_to'] as string | null) as JumpRef | null,
      previousPartId: id(r['previous_part_id']),
      nextPartId: id(r['next_part_id']),
      articleId: id(r['article_id']),
    }));
  }

  /** The nearest issue dates of this publication before and after `issueDate` that have clippings. */
  async neighbourIssues(
    publicationId: number,
    issueDate: string,
  ): Promise<{ previous: string | null; next: string | null }> {
    const [before] = await this.read.all<{ d: string | null }>(
      'SELECT MAX(c.issue_date) AS d FROM clipping c WHERE c.publication_id = ? AND c.issue_date < ?',
      [publicationId, issueDate],
    );
    const [after] = await this.read.all<{ d: string | null }>(
      'SELECT MIN(c.issue_date) AS d FROM clipping c WHERE c.publication_id = ? AND c.issue_date > ?',
      [publicationId, issueDate],
    );
    return { previous: before?.d ?? null, next: after?.d ?? null };
  }

  /** Parts still waiting: tails without a previous part, heads without a next part. */
  async waiting(filter: WaitingFilter): Promise<ClippingRow[]> {
    const clauses = [
      '((c.continues_from IS NOT NULL AND c.previous_part_id IS NULL) OR (c.continues_to IS NOT NULL AND c.next_part_id IS NULL))',
    ];
    const params: unknown[] = [];
    if (filter.publicationId !== undefined) {
      // SQLite: `+` keeps it from reading every clipping of the publication by its index instead of the
      // partial index of waiting parts (ix_clipping_waiting), which holds only those.
      clauses.push(`${this.read.postgres ? '' : '+'}c.publication_id = ?`);
      params.push(filter.publicationId);
    }
    if (filter.from !== undefined) {
      clauses.push('c.issue_date >= ?');
      params.push(filter.from);
    }
    if (filter.to !== undefined) {
      clauses.push('c.issue_date <= ?');
      params.push(filter.to);
    }
    const rows = await this.read.all<Record<string, unknown>>(
      `SELECT ${this.clippings.columns}, p.name AS publication_name FROM clipping c ` +
        `LEFT JOIN publication p ON p.id = c.publication_id WHERE ${clauses.join(' AND ')} ` +
        'ORDER BY c.issue_date DESC, c.publication_id, c.page_sort, c.id',
      params,
    );
    return rows.map((row) => this.clippings.withPublication(row));
  }

  /** The parts of an article with their publication's name, in no particular order (a hot read: the article view). */
  async articleParts(articleId: number): Promise<ClippingRow[]> {
    const rows = await this.read.all<Record<string, unknown>>(
      `SELECT ${this.clippings.columns}, p.name AS publication_name FROM clipping c ` +
        'LEFT JOIN publication p ON p.id = c.publication_id WHERE c.article_id = ?',
      [articleId],
    );
    return rows.map((row) => this.clippings.withPublication(row));
  }

  /**
   * A page of articles (chains of two or more parts), the newest issue first, with all their parts
   * (publication name included, in no particular order) and how many articles match.
   */
  async articleIndex(
    filter: WaitingFilter,
    window: { offset: number; pageSize: number },
  ): Promise<{ articleIds: number[]; parts: ClippingRow[]; total: number }> {
    const clauses = ['c.article_id IS NOT NULL'];
    const params: unknown[] = [];
    if (filter.publicationId !== undefined) {
      clauses.push('c.publication_id = ?');
      params.push(filter.publicationId);
    }
    if (filter.from !== undefined) {
      clauses.push('c.issue_date >= ?');
      params.push(filter.from);
    }
    if (filter.to !== undefined) {
      clauses.push('c.issue_date <= ?');
      params.push(filter.to);
    }
    const where = clauses.join(' AND ');
    const counted = await this.read.all<{ n: number | string }>(
      `SELECT COUNT(DISTINCT c.article_id) AS n FROM clipping c WHERE ${where}`,
      params,
    );
    const page = await this.read.all<{ article_id: number | string }>(
      `SELECT c.article_id, MIN(c.issue_date) AS first_date FROM clipping c WHERE ${where} ` +
        'GROUP BY c.article_id ORDER BY first_date DESC, c.article_id DESC LIMIT ? OFFSET ?',
      [...params, window.pageSize, window.offset],
    );
    const articleIds = page.map((r) => Number(r.article_id));
    if (articleIds.length === 0) return { articleIds, parts: [], total: Number(counted[0]?.n ?? 0) };
    // At most a page (200) of ids: one placeholder each.
    const rows = await this.read.all<Record<string, unknown>>(
      `SELECT ${this.clippings.columns}, p.name AS publication_name FROM clipping c ` +
        `LEFT JOIN publication p ON p.id = c.publication_id WHERE c.article_id IN (${articleIds.map(() => '?').join(', ')})`,
      articleIds,
    );
    return {
      articleIds,
      parts: rows.map((row) => this.clippings.withPublication(row)),
      total: Number(counted[0]?.n ?? 0),
    };
  }

  /** Parts carrying `articleId`. */
  partsOfArticle(articleId: number, manager: EntityManager): Promise<ClippingEntity[]> {
    return manager.find(ClippingEntity, { where: { articleId } });
  }

  /** The article ids these clippings carry. */
  async articleIdsOf(ids: readonly number[], manager: EntityManager): Promise<number[]> {
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
    ids: readonly number[],
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
}
