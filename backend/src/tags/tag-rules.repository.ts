import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClippingTagEntity } from '../clippings/clipping-tag.entity';
import type { RuleTextFields } from './clipping-text';

/** A clipping as a tag rule sees it. */
export interface RuleTextRow extends RuleTextFields {
  id: number;
}

/** SQLite allows 32,766 bound variables per statement; two per row leaves plenty of room. */
const INSERT_BATCH = 2000;

/** Queries of auto-tagging: scanning clipping texts, adding rule links, exclusions. */
@Injectable()
export class TagRulesRepository {
  /** Texts of clippings with id > `afterId`, in id order, at most `limit` (keyset pagination). */
  async textsAfter(afterId: number, limit: number, manager: EntityManager): Promise<RuleTextRow[]> {
    const rows = await manager
      .createQueryBuilder()
      .select([
        'c.id AS id',
        'c.kicker AS kicker',
        'c.title AS title',
        'c.subtitle AS subtitle',
        'c.body AS body',
      ])
      .from('clipping', 'c')
      .where('c.id > :afterId', { afterId })
      .orderBy('c.id')
      .limit(limit)
      .getRawMany<RuleTextRow>();
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  async textsOf(ids: number[], manager: EntityManager): Promise<RuleTextRow[]> {
    if (ids.length === 0) return [];
    const rows = await manager
      .createQueryBuilder()
      .select([
        'c.id AS id',
        'c.kicker AS kicker',
        'c.title AS title',
        'c.subtitle AS subtitle',
        'c.body AS body',
      ])
      .from('clipping', 'c')
      .where('c.id IN (:...ids)', { ids })
      .getRawMany<RuleTextRow>();
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  /** Clipping ids already linked to the tag (any source) or excluded from it by a person. */
  async blockedClippingIds(tagId: number, manager: EntityManager, among?: number[]): Promise<Set<number>> {
    const query = (table: string) => {
      const qb = manager
        .createQueryBuilder()
        .select('l.clipping_id', 'id')
        .from(table, 'l')
        .where('l.tag_id = :tagId', { tagId });
      if (among) qb.andWhere('l.clipping_id IN (:...among)', { among: among.length > 0 ? among : [0] });
      return qb.getRawMany<{ id: number }>();
    };
    const rows = await query('clipping_tag');
    const excluded = await query('clipping_tag_exclusion');
    return new Set([...rows, ...excluded].map((r) => Number(r.id)));
  }

  /** Adds `rule` links; the caller has already left out linked and excluded clippings. */
  async insertRuleLinks(tagId: number, clippingIds: number[], manager: EntityManager): Promise<void> {
    for (let i = 0; i < clippingIds.length; i += INSERT_BATCH) {
      const batch = clippingIds.slice(i, i + INSERT_BATCH);
      await manager
        .createQueryBuilder()
        .insert()
        .into(ClippingTagEntity, ['clippingId', 'tagId', 'source'])
        .updateEntity(false)
        .values(batch.map((clippingId) => ({ clippingId, tagId, source: 'rule' as const })))
        .execute();
    }
  }

  /** Tags that carry a rule. */
  async tagsWithRules(manager: EntityManager): Promise<{ id: number; rule: string }[]> {
    const rows = await manager
      .createQueryBuilder()
      .select(['t.id AS id', 't.rule AS rule'])
      .from('tag', 't')
      .where('t.rule IS NOT NULL')
      .orderBy('t.id')
      .getRawMany<{ id: number; rule: string }>();
    return rows.map((r) => ({ id: Number(r.id), rule: r.rule }));
  }
}
