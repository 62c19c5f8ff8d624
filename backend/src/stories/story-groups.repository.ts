import type { StoryGroupStatus } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ReadQueries } from '../database/read-queries';
import { chunk, isoTime, MAX_SQL_PARAMS, rowsPerStatement } from '../database/sql-values';

/** What grouping last saw of a clipping, beside what the clipping is now. */
export interface CheckRow {
  id: number;
  version: number;
  previousPartId: number | null;
  nextPartId: number | null;
  /** The same-story index entry's version (null: not indexed). */
  indexVersion: number | null;
  checkVersion: number | null;
  bodyKey: string | null;
  checkPreviousPartId: number | null;
  checkNextPartId: number | null;
}

export interface NewCheck {
  clippingId: number;
  version: number;
  bodyKey: string;
  previousPartId: number | null;
  nextPartId: number | null;
}

export interface MemberRow {
  clippingId: number;
  groupId: number;
  textKey: string;
  containment: number;
}

/** A clipping's group, as the list's same-story mark needs it. */
export interface MarkRow {
  clippingId: number;
  groupId: number;
  status: StoryGroupStatus;
  mainClippingId: number | null;
  texts: number;
}

export interface GroupRow {
  id: number;
  status: StoryGroupStatus;
  mainClippingId: number | null;
  mainChosen: boolean;
  createdAt: string;
  updatedAt: string;
}

interface RawGroup {
  id: number | string;
  status: StoryGroupStatus;
  main_clipping_id: number | string | null;
  main_chosen: number | string | boolean;
  created_at: string | Date;
  updated_at: string | Date;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

/** `?` placeholders as `$n` on PostgreSQL. */
function sql(manager: EntityManager, text: string): string {
  if (manager.connection.options.type !== 'postgres') return text;
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

const marks = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

/** Every query on `story_group`, `story_group_member`, `story_rejection`, `story_confirmation` and `story_check`. */
@Injectable()
export class StoryGroupsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly read: ReadQueries,
  ) {}

  private q<T>(manager: EntityManager, text: string, params: unknown[] = []): Promise<T[]> {
    return manager.query(sql(manager, text), params) as Promise<T[]>;
  }

  /**
   * These clippings now and as grouping last saw them (gone clippings are left out). Reads `clipping`
   * itself, read-only: comparing versions and chain pointers in one statement per batch. Without
   * `manager`, the committed state on a read connection (whether a grouping transaction is needed).
   */
  async checks(ids: readonly number[], manager?: EntityManager): Promise<CheckRow[]> {
    const out: CheckRow[] = [];
    for (const batch of chunk(ids, MAX_SQL_PARAMS)) {
      const rows = await this.read.all<Record<string, number | string | null>>(
        `SELECT c.id, c.version, c.previous_part_id, c.next_part_id, s.clipping_version AS index_version,
                k.clipping_version AS check_version, k.body_key, k.previous_part_id AS check_prev,
                k.next_part_id AS check_next
           FROM clipping c
           LEFT JOIN clipping_story s ON s.clipping_id = c.id
           LEFT JOIN story_check k ON k.clipping_id = c.id
          WHERE c.id IN (${marks(batch.length)})`,
        batch,
        manager,
      );
      for (const r of rows) {
        out.push({
          id: Number(r['id']),
          version: Number(r['version']),
          previousPartId: num(r['previous_part_id'] ?? null),
          nextPartId: num(r['next_part_id'] ?? null),
          indexVersion: num(r['index_version'] ?? null),
          checkVersion: num(r['check_version'] ?? null),
          bodyKey: (r['body_key'] as string | null) ?? null,
          checkPreviousPartId: num(r['check_prev'] ?? null),
          checkNextPartId: num(r['check_next'] ?? null),
        });
      }
    }
    return out;
  }

  /** Clippings grouping has never seen, at most `limit` (read-only anti-join of `clipping`). */
  async uncheckedIds(limit: number, manager: EntityManager): Promise<number[]> {
    const rows = await this.q<{ id: number | string }>(
      manager,
      `SELECT c.id FROM clipping c LEFT JOIN story_check k ON k.clipping_id = c.id
        WHERE k.clipping_id IS NULL ORDER BY c.id LIMIT ${Math.max(1, Math.floor(limit))}`,
    );
    return rows.map((r) => Number(r.id));
  }

  /** Writes what grouping saw of these clippings (one upsert per batch). */
  async saveChecks(checks: readonly NewCheck[], manager: EntityManager): Promise<void> {
    for (const rows of chunk(checks, rowsPerStatement(5))) {
      await this.q(
        manager,
        `INSERT INTO story_check (clipping_id, clipping_version, body_key, previous_part_id, next_part_id)
         VALUES ${rows.map(() => '(?, ?, ?, ?, ?)').join(', ')}
         ON CONFLICT (clipping_id) DO UPDATE SET clipping_version = excluded.clipping_version,
           body_key = excluded.body_key, previous_part_id = excluded.previous_part_id,
           next_part_id = excluded.next_part_id`,
        rows.flatMap((c) => [c.clippingId, c.version, c.bodyKey, c.previousPartId, c.nextPartId]),
      );
    }
  }

  /** Moves current checks along with a version bump that keeps the body (call before the bump). */
  async keepChecks(ids: readonly number[], manager: EntityManager): Promise<void> {
    for (const batch of chunk(ids, MAX_SQL_PARAMS)) {
      await this.q(
        manager,
        `UPDATE story_check SET clipping_version = clipping_version + 1
          WHERE clipping_id IN (${marks(batch.length)})
            AND clipping_version = (SELECT c.version FROM clipping c WHERE c.id = story_check.clipping_id)`,
        batch,
      );
    }
  }

  async members(clippingIds: readonly number[], manager: EntityManager): Promise<MemberRow[]> {
    const out: MemberRow[] = [];
    for (const batch of chunk(clippingIds, MAX_SQL_PARAMS)) {
      const rows = await this.q<Record<string, number | string>>(
        manager,
        `SELECT clipping_id, group_id, text_key, containment FROM story_group_member
          WHERE clipping_id IN (${marks(batch.length)})`,
        batch,
      );
      out.push(...rows.map(memberRow));
    }
    return out;
  }

  /**
   * The group of each of these clippings that is a text of one, with its status, its number of texts and
   * whether the clipping is its main text: one statement (the member table's key on clipping_id, the
   * group's primary key, and its index on group_id for the count).
   */
  async marks(clippingIds: readonly number[], manager: EntityManager): Promise<MarkRow[]> {
    if (clippingIds.length === 0) return [];
    const rows = await this.q<Record<string, number | string | null>>(
      manager,
      `SELECT m.clipping_id, m.group_id, g.status, g.main_clipping_id,
              (SELECT COUNT(*) FROM story_group_member n WHERE n.group_id = m.group_id) AS texts
         FROM story_group_member m JOIN story_group g ON g.id = m.group_id
        WHERE m.clipping_id IN (${marks(clippingIds.length)})`,
      [...clippingIds],
    );
    return rows.map((r) => ({
      clippingId: Number(r['clipping_id']),
      groupId: Number(r['group_id']),
      status: r['status'] as StoryGroupStatus,
      mainClippingId: num(r['main_clipping_id'] ?? null),
      texts: Number(r['texts']),
    }));
  }

  async membersOfGroups(groupIds: readonly number[], manager: EntityManager): Promise<MemberRow[]> {
    const out: MemberRow[] = [];
    for (const batch of chunk(groupIds, MAX_SQL_PARAMS)) {
      const rows = await this.q<Record<string, number | string>>(
        manager,
        `SELECT clipping_id, group_id, text_key, containment FROM story_group_member
          WHERE group_id IN (${marks(batch.length)}) ORDER BY group_id, clipping_id`,
        batch,
      );
      out.push(...rows.map(memberRow));
    }
    return out;
  }

  async createGroup(status: StoryGroupStatus, manager: EntityManager): Promise<number> {
    const at = new Date().toISOString();
    const insert = `INSERT INTO story_group (status, main_chosen, created_at, updated_at) VALUES (?, 0, ?, ?)`;
    if (manager.connection.options.type === 'postgres') {
      const rows = await this.q<{ id: number | string }>(manager, `${insert} RETURNING id`, [status, at, at]);
      return Number(rows[0]!.id);
    }
    // SQLite's driver runs an INSERT without answering rows; the id is the connection's last one.
    await this.q(manager, insert, [status, at, at]);
    const rows = await this.q<{ id: number | string }>(manager, 'SELECT last_insert_rowid() AS id');
    return Number(rows[0]!.id);
  }

  async addMember(member: MemberRow, manager: EntityManager): Promise<void> {
    await this.q(
      manager,
      `INSERT INTO story_group_member (clipping_id, group_id, text_key, containment) VALUES (?, ?, ?, ?)`,
      [member.clippingId, member.groupId, member.textKey, member.containment],
    );
  }

  async moveMembers(clippingIds: readonly number[], groupId: number, manager: EntityManager): Promise<void> {
    if (clippingIds.length === 0) return;
    await this.q(
      manager,
      `UPDATE story_group_member SET group_id = ? WHERE clipping_id IN (${marks(clippingIds.length)})`,
      [groupId, ...clippingIds],
    );
  }

  async removeMembers(clippingIds: readonly number[], manager: EntityManager): Promise<void> {
    for (const batch of chunk(clippingIds, MAX_SQL_PARAMS)) {
      await this.q(
        manager,
        `DELETE FROM story_group_member WHERE clipping_id IN (${marks(batch.length)})`,
        batch,
      );
    }
  }

  /** Sets members' containments: one statement per {@link rowsPerStatement} members, not one each. */
  async setContainments(
    values: ReadonlyArray<{ clippingId: number; containment: number }>,
    manager: EntityManager,
  ): Promise<void> {
    for (const part of chunk(values, rowsPerStatement(3))) {
      await this.q(
        manager,
        `UPDATE story_group_member SET containment = CASE clipping_id ${part.map(() => 'WHEN ? THEN CAST(? AS REAL)').join(' ')} END WHERE clipping_id IN (${marks(part.length)})`,
        [...part.flatMap((v) => [v.clippingId, v.containment]), ...part.map((v) => v.clippingId)],
      );
    }
  }

  async group(id: number, manager: EntityManager): Promise<GroupRow | null> {
    const rows = await this.q<RawGroup>(manager, `SELECT * FROM story_group WHERE id = ?`, [id]);
    return rows[0] ? groupRow(rows[0]) : null;
  }

  async groups(ids: readonly number[], manager: EntityManager): Promise<GroupRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.q<RawGroup>(
      manager,
      `SELECT * FROM story_group WHERE id IN (${marks(ids.length)})`,
      [...ids],
    );
    const byId = new Map(rows.map((r) => [Number(r.id), groupRow(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Group ids, proposed first then newest first, with the count per status. */
  async page(
    status: StoryGroupStatus | undefined,
    offset: number,
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ ids: number[]; counts: Record<StoryGroupStatus, number> }> {
    const where = status ? 'WHERE status = ?' : '';
    const rows = await this.q<{ id: number | string }>(
      manager,
      `SELECT id FROM story_group ${where}
        ORDER BY CASE status WHEN 'proposed' THEN 0 ELSE 1 END, id DESC LIMIT ${limit} OFFSET ${offset}`,
      status ? [status] : [],
    );
    return { ids: rows.map((r) => Number(r.id)), counts: await this.counts(manager) };
  }

  /** How many groups there are per status. */
  async counts(manager: EntityManager = this.dataSource.manager): Promise<Record<StoryGroupStatus, number>> {
    const counts: Record<StoryGroupStatus, number> = { proposed: 0, confirmed: 0 };
    const countRows = await this.q<{ status: StoryGroupStatus; n: number | string }>(
      manager,
      `SELECT status, COUNT(*) AS n FROM story_group GROUP BY status`,
    );
    for (const r of countRows) if (r.status in counts) counts[r.status] = Number(r.n);
    return counts;
  }

  async update(
    id: number,
    changes: { status?: StoryGroupStatus; mainClippingId?: number | null; mainChosen?: boolean },
    manager: EntityManager,
  ): Promise<void> {
    const sets: string[] = ['updated_at = ?'];
    const params: unknown[] = [new Date().toISOString()];
    if (changes.status !== undefined) {
      sets.push('status = ?');
      params.push(changes.status);
    }
    if (changes.mainClippingId !== undefined) {
      sets.push('main_clipping_id = ?');
      params.push(changes.mainClippingId);
    }
    if (changes.mainChosen !== undefined) {
      sets.push('main_chosen = ?');
      params.push(changes.mainChosen ? 1 : 0);
    }
    await this.q(manager, `UPDATE story_group SET ${sets.join(', ')} WHERE id = ?`, [...params, id]);
  }

  async deleteGroups(ids: readonly number[], manager: EntityManager): Promise<void> {
    for (const batch of chunk(ids, MAX_SQL_PARAMS)) {
      await this.q(
        manager,
        `DELETE FROM story_group_member WHERE group_id IN (${marks(batch.length)})`,
        batch,
      );
      await this.q(manager, `DELETE FROM story_group WHERE id IN (${marks(batch.length)})`, batch);
    }
  }

  /**
   * Groups left with fewer than two members, and groups without a main: among `among`, or — when
   * clippings were deleted, whose member rows went with them and name no group any more — among all
   * groups (one statement per batch, or one scan).
   */
  async groupsToMend(
    manager: EntityManager,
    among: readonly number[] | null,
  ): Promise<{ small: number[]; mainless: number[] }> {
    const small: number[] = [];
    const mainless: number[] = [];
    const select = (where: string, params: unknown[]) =>
      this.q<{
        id: number | string;
        main: number | string | null;
        n: number | string;
        has_main: number | string;
      }>(
        manager,
        `SELECT g.id AS id, g.main_clipping_id AS main, COUNT(m.clipping_id) AS n,
                SUM(CASE WHEN m.clipping_id = g.main_clipping_id THEN 1 ELSE 0 END) AS has_main
           FROM story_group g LEFT JOIN story_group_member m ON m.group_id = g.id
          ${where} GROUP BY g.id, g.main_clipping_id`,
        params,
      );
    const batches = among === null ? [null] : chunk([...new Set(among)], MAX_SQL_PARAMS);
    for (const batch of batches) {
      if (batch !== null && batch.length === 0) continue;
      const rows = await select(batch === null ? '' : `WHERE g.id IN (${marks(batch.length)})`, batch ?? []);
      for (const r of rows) {
        if (Number(r.n) < 2) small.push(Number(r.id));
        else if (r.main === null || Number(r.has_main ?? 0) === 0) mainless.push(Number(r.id));
      }
    }
    return { small, mainless };
  }

  /**
   * The text keys rejected together with `key` (either side of a pair): rejections are an editor's few,
   * so this is bounded by them, not by the size of the group a text is checked against.
   */
  async rejectedWith(key: string, manager: EntityManager): Promise<Set<string>> {
    const rows = await this.q<{ other: string }>(
      manager,
      'SELECT key_b AS other FROM story_rejection WHERE key_a = ? UNION SELECT key_a FROM story_rejection WHERE key_b = ?',
      [key, key],
    );
    return new Set(rows.map((r) => r.other));
  }

  /** The confirmation each of these text keys belongs to (keys never confirmed are absent). */
  async anchors(keys: readonly string[], manager: EntityManager): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const batch of chunk([...new Set(keys)], MAX_SQL_PARAMS)) {
      const rows = await this.q<{ text_key: string; anchor: string }>(
        manager,
        `SELECT text_key, anchor FROM story_confirmation WHERE text_key IN (${marks(batch.length)})`,
        batch,
      );
      for (const r of rows) out.set(r.text_key, r.anchor);
    }
    return out;
  }

  /**
   * Remembers these texts as confirmed together: they, and every text confirmed together with any of
   * them before, now share one anchor (the smallest of the keys and anchors involved).
   */
  async confirm(keys: readonly string[], manager: EntityManager): Promise<void> {
    if (keys.length === 0) return;
    const earlier = new Set((await this.anchors(keys, manager)).values());
    const anchor = [...keys, ...earlier].reduce((a, b) => (b < a ? b : a));
    for (const batch of chunk([...earlier], MAX_SQL_PARAMS - 1)) {
      await this.q(
        manager,
        `UPDATE story_confirmation SET anchor = ? WHERE anchor IN (${marks(batch.length)})`,
        [anchor, ...batch],
      );
    }
    const at = new Date().toISOString();
    for (const rows of chunk([...new Set(keys)], rowsPerStatement(3))) {
      await this.q(
        manager,
        `INSERT INTO story_confirmation (text_key, anchor, confirmed_at)
         VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}
         ON CONFLICT (text_key) DO UPDATE SET anchor = excluded.anchor, confirmed_at = excluded.confirmed_at`,
        rows.flatMap((k) => [k, anchor, at]),
      );
    }
  }

  /** Forgets these texts' confirmations (rejected or split off: they no longer belong with the rest). */
  async unconfirm(keys: readonly string[], manager: EntityManager): Promise<void> {
    for (const batch of chunk([...new Set(keys)], MAX_SQL_PARAMS)) {
      await this.q(
        manager,
        `DELETE FROM story_confirmation WHERE text_key IN (${marks(batch.length)})`,
        batch,
      );
    }
  }

  async reject(
    pairs: readonly [string, string][],
    actorName: string | null,
    manager: EntityManager,
  ): Promise<void> {
    const at = new Date().toISOString();
    for (const rows of chunk(pairs, rowsPerStatement(4))) {
      await this.q(
        manager,
        `INSERT INTO story_rejection (key_a, key_b, rejected_at, actor_name)
         VALUES ${rows.map(() => '(?, ?, ?, ?)').join(', ')} ON CONFLICT DO NOTHING`,
        rows.flatMap(([a, b]) => [a, b, at, actorName]),
      );
    }
  }
}

function memberRow(r: Record<string, number | string>): MemberRow {
  return {
    clippingId: Number(r['clipping_id']),
    groupId: Number(r['group_id']),
    textKey: String(r['text_key']),
    containment: Number(r['containment']),
  };
}

function groupRow(r: RawGroup): GroupRow {
  return {
    id: Number(r.id),
    status: r.status,
    mainClippingId: num(r.main_clipping_id),
    mainChosen: r.main_chosen === true || Number(r.main_chosen) === 1,
    createdAt: isoTime(r.created_at),
    updatedAt: isoTime(r.updated_at),
  };
}
