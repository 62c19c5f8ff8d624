import type { ClippingSnapshot, FieldChange, JumpRef, LinkSource } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  atOnce,
  chunk,
  inList,
  isoTime,
  MAX_SQL_PARAMS,
  rowsPerStatement,
  valuesList,
} from '../../database/sql-values';
import { applyChanges, normaliseSnapshot } from './clipping-snapshot';

/** A clipping's recordable state now, with its version. */
export interface CurrentState {
  version: number;
  snapshot: ClippingSnapshot;
}

/** A stored revision. */
export interface RevisionRow {
  id: number;
  clippingId: number;
  version: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  changes: FieldChange[];
  snapshot: ClippingSnapshot;
  detail: Record<string, unknown> | null;
}

/**
 * A revision to write. A null `snapshot` stores it as a delta: its snapshot is the previous
 * revision's with `changes` applied, rebuilt on read (rule applications write 100,000 of these).
 */
export type NewRevision = Omit<RevisionRow, 'id' | 'at' | 'snapshot'> & { snapshot: ClippingSnapshot | null };

/** The stored text of a delta revision's snapshot. */
const DELTA = 'null';

/** Ids per `IN (…)` list. */
const ID_BATCH = 900;
const REVISION_COLUMNS = 9;

interface ClippingRow {
  id: number;
  publication_id: number;
  issue_date: string;
  page_label: string;
  kind: ClippingSnapshot['kind'];
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  dateline: string | null;
  body: string;
  subheads: string;
  status: ClippingSnapshot['status'];
  continues_from: string | null;
  continues_to: string | null;
  previous_part_id: number | null;
  next_part_id: number | null;
  version: number;
}

/** Every query on `clipping_revision`, and the batched reads that build snapshots. */
@Injectable()
export class RevisionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The current state of each existing clipping among `ids` (3 queries per 900 ids). */
  async currentStates(ids: number[], manager: EntityManager): Promise<Map<number, CurrentState>> {
    const out = new Map<number, CurrentState>();
    for (const batch of chunk([...new Set(ids)], ID_BATCH)) {
      const list = inList(manager, batch.length);
      // The three reads at once (on SQLite): inside a write transaction every round trip holds up the writes queued behind.
      const [rows, tags, regions] = await atOnce(
        manager,
        async () =>
          (await manager.query(
            `SELECT id, publication_id, issue_date, page_label, kind, kicker, title, subtitle, byline, dateline,
                body, subheads, status, continues_from, continues_to, previous_part_id, next_part_id, version
           FROM clipping WHERE id IN (${list})`,
            batch,
          )) as ClippingRow[],
        async () =>
          (await manager.query(
            `SELECT ct.clipping_id AS cid, t.id AS id, t.name AS name, ct.source AS source
           FROM clipping_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.clipping_id IN (${list})`,
            batch,
          )) as { cid: number; id: number; name: string; source: LinkSource }[],
        async () =>
          (await manager.query(
            `SELECT cr.clipping_id AS cid, r.code AS code, r.name AS name, cr.source AS source
           FROM clipping_region cr JOIN region r ON r.id = cr.region_id WHERE cr.clipping_id IN (${list})`,
            batch,
          )) as { cid: number; code: string; name: string; source: LinkSource }[],
      );
      if (rows.length === 0) continue;
      const tagsOf = groupBy(tags, (t) => Number(t.cid));
      const regionsOf = groupBy(regions, (r) => Number(r.cid));
      for (const r of rows) {
        const id = Number(r.id);
        const snapshot: ClippingSnapshot = {
          publicationId: Number(r.publication_id),
          issueDate: r.issue_date,
          pageLabel: r.page_label,
          kind: r.kind,
          kicker: r.kicker,
          title: r.title,
          subtitle: r.subtitle,
          byline: r.byline,
          dateline: r.dateline,
          body: r.body,
          subheads: JSON.parse(r.subheads) as string[],
          status: r.status,
          continuesFrom: parseJump(r.continues_from),
          continuesTo: parseJump(r.continues_to),
          previousPartId: r.previous_part_id === null ? null : Number(r.previous_part_id),
          nextPartId: r.next_part_id === null ? null : Number(r.next_part_id),
          tags: (tagsOf.get(id) ?? []).map((t) => ({ id: Number(t.id), name: t.name, source: t.source })),
          regions: (regionsOf.get(id) ?? []).map((g) => ({ code: g.code, name: g.name, source: g.source })),
        };
        out.set(id, { version: Number(r.version), snapshot: normaliseSnapshot(snapshot) });
      }
    }
    return out;
  }

  /** The current version of each existing clipping among `ids`. */
  async versions(ids: number[], manager: EntityManager): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    for (const batch of chunk([...new Set(ids)], ID_BATCH)) {
      const rows = (await manager.query(
        `SELECT id, version FROM clipping WHERE id IN (${inList(manager, batch.length)})`,
        batch,
      )) as { id: number; version: number }[];
      for (const r of rows) out.set(Number(r.id), Number(r.version));
    }
    return out;
  }

  /** The version of the latest revision of each clipping among `ids` that has one. */
  async latestVersions(ids: number[], manager: EntityManager): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    for (const batch of chunk([...new Set(ids)], ID_BATCH)) {
      const rows = (await manager.query(
        `SELECT r.clipping_id AS cid, r.version AS version FROM clipping_revision r
          WHERE r.id IN (SELECT MAX(id) FROM clipping_revision WHERE clipping_id IN (${inList(manager, batch.length)})
                          GROUP BY clipping_id)`,
        batch,
      )) as { cid: number; version: number }[];
      for (const r of rows) out.set(Number(r.cid), Number(r.version));
    }
    return out;
  }

  /** The latest revision's version and snapshot of each clipping among `ids` that has one. */
  async latest(ids: number[], manager: EntityManager): Promise<Map<number, CurrentState>> {
    const out = new Map<number, CurrentState>();
    for (const batch of chunk([...new Set(ids)], ID_BATCH)) {
      const rows = (await manager.query(
        `SELECT r.clipping_id AS cid, r.version AS version, r.snapshot AS snapshot FROM clipping_revision r
          WHERE r.id IN (SELECT MAX(id) FROM clipping_revision WHERE clipping_id IN (${inList(manager, batch.length)})
                          GROUP BY clipping_id)`,
        batch,
      )) as { cid: number; version: number; snapshot: string }[];
      for (const r of rows) {
        if (r.snapshot === DELTA) continue;
        out.set(Number(r.cid), {
          version: Number(r.version),
          snapshot: JSON.parse(r.snapshot) as ClippingSnapshot,
        });
      }
      const deltas = rows.filter((r) => r.snapshot === DELTA).map((r) => Number(r.cid));
      if (deltas.length > 0) {
        for (const [cid, state] of await this.rebuildLatest(deltas, manager)) out.set(cid, state);
      }
    }
    return out;
  }

  /** Latest states of clippings whose latest revision is a delta: from their last full snapshot on. */
  private async rebuildLatest(ids: number[], manager: EntityManager): Promise<Map<number, CurrentState>> {
    const rows = (await manager.query(
      `SELECT r.clipping_id AS cid, r.version AS version, r.changes AS changes, r.snapshot AS snapshot
         FROM clipping_revision r
        WHERE r.clipping_id IN (${inList(manager, ids.length)})
          AND r.id >= (SELECT MAX(f.id) FROM clipping_revision f WHERE f.clipping_id = r.clipping_id AND f.snapshot <> '${DELTA}')
        ORDER BY r.clipping_id, r.id`,
      ids,
    )) as { cid: number; version: number; changes: string; snapshot: string }[];
    const out = new Map<number, CurrentState>();
    for (const r of rows) {
      const cid = Number(r.cid);
      const prev = out.get(cid);
      if (r.snapshot !== DELTA) {
        out.set(cid, { version: Number(r.version), snapshot: JSON.parse(r.snapshot) as ClippingSnapshot });
      } else if (prev) {
        const changes = JSON.parse(r.changes) as FieldChange[];
        out.set(cid, { version: Number(r.version), snapshot: applyChanges(prev.snapshot, changes) });
      }
    }
    return out;
  }

  /** Bumps the version (and `updated_at`) of these clippings. */
  async bumpVersions(ids: number[], manager: EntityManager): Promise<void> {
    for (const batch of chunk(ids, MAX_SQL_PARAMS)) {
      await manager.query(
        `UPDATE clipping SET version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE id IN (${inList(manager, batch.length)})`,
        batch,
      );
    }
  }

  /**
   * Stores the same delta revision (`changes`) for each of `ids` at the clipping's current version,
   * in one statement per batch (a rule applied to 100,000 clippings builds no rows in JS). Call it
   * after {@link bumpVersions}.
   */
  async insertDeltas(
    ids: number[],
    revision: Pick<NewRevision, 'actorId' | 'actorName' | 'action' | 'changes' | 'detail'>,
    manager: EntityManager,
  ): Promise<void> {
    const at = new Date().toISOString();
    const fixed = [
      at,
      revision.actorId,
      revision.actorName,
      revision.action,
      JSON.stringify(revision.changes),
      revision.detail === null ? null : JSON.stringify(revision.detail),
    ];
    for (const batch of chunk(ids, MAX_SQL_PARAMS - fixed.length)) {
      const p = (i: number): string => (manager.connection.options.type === 'postgres' ? `$${i}` : '?');
      const ins = batch.map((_, i) => p(fixed.length + 1 + i)).join(', ');
      await manager.query(
        `INSERT INTO clipping_revision (clipping_id, version, at, actor_id, actor_name, action, changes, snapshot, detail)
         SELECT c.id, c.version, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, '${DELTA}', ${p(6)}
           FROM clipping c WHERE c.id IN (${ins}) ORDER BY c.id`,
        [...fixed, ...batch],
      );
    }
  }

  /** Up to `limit` ids of clippings without any revision, lowest first. */
  async withoutHistory(limit: number, manager: EntityManager): Promise<number[]> {
    const rows = (await manager
      .createQueryBuilder()
      .select('c.id', 'id')
      .from('clipping', 'c')
      .where('NOT EXISTS (SELECT 1 FROM clipping_revision r WHERE r.clipping_id = c.id)')
      .orderBy('c.id')
      .limit(limit)
      .getRawMany()) as { id: number | string }[];
    return rows.map((r) => Number(r.id));
  }

  async insert(revisions: NewRevision[], manager: EntityManager): Promise<void> {
    const at = new Date().toISOString();
    for (const batch of chunk(revisions, rowsPerStatement(REVISION_COLUMNS))) {
      await manager.query(
        `INSERT INTO clipping_revision (clipping_id, version, at, actor_id, actor_name, action, changes, snapshot, detail)
         VALUES ${valuesList(manager, batch.length, REVISION_COLUMNS)}`,
        batch.flatMap((r) => [
          r.clippingId,
          r.version,
          at,
          r.actorId,
          r.actorName,
          r.action,
          JSON.stringify(r.changes),
          r.snapshot === null ? DELTA : JSON.stringify(r.snapshot),
          r.detail === null ? null : JSON.stringify(r.detail),
        ]),
      );
    }
  }

  /** A clipping's revisions, newest first (delta revisions rebuilt from the one before). */
  async list(clippingId: number, manager: EntityManager = this.dataSource.manager): Promise<RevisionRow[]> {
    const rows = (await manager
      .createQueryBuilder()
      .select('*')
      .from('clipping_revision', 'r')
      .where('r.clipping_id = :clippingId', { clippingId })
      .orderBy('r.id', 'ASC')
      .getRawMany()) as RawRevision[];
    const out: RevisionRow[] = [];
    let previous: ClippingSnapshot | null = null;
    for (const row of rows) {
      const revision = toRevision(row, previous);
      if (!revision) continue;
      out.push(revision);
      previous = revision.snapshot;
    }
    return out.reverse();
  }

  /**
   * The revisions of each of these clippings, oldest first (delta revisions rebuilt), in one query per
   * 900 clippings; clippings without any revision are absent.
   */
  async listFor(ids: number[], manager: EntityManager): Promise<Map<number, RevisionRow[]>> {
    const out = new Map<number, RevisionRow[]>();
    for (const batch of chunk([...new Set(ids)], ID_BATCH)) {
      const rows = (await manager.query(
        `SELECT * FROM clipping_revision WHERE clipping_id IN (${inList(manager, batch.length)}) ORDER BY clipping_id, id`,
        batch,
      )) as RawRevision[];
      let previous: ClippingSnapshot | null = null;
      let current = -1;
      for (const row of rows) {
        const cid = Number(row.clipping_id);
        if (cid !== current) {
          current = cid;
          previous = null;
        }
        const revision = toRevision(row, previous);
        if (!revision) continue;
        const list = out.get(cid);
        if (list) list.push(revision);
        else out.set(cid, [revision]);
        previous = revision.snapshot;
      }
    }
    return out;
  }

  /** The revision of a clipping at `version` (the latest one recorded at that version). */
  async findByVersion(
    clippingId: number,
    version: number,
    manager: EntityManager,
  ): Promise<RevisionRow | null> {
    return (await this.list(clippingId, manager)).find((r) => r.version === version) ?? null;
  }

  /** Whether any revision of the clipping exists. */
  async exists(clippingId: number, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const row = (await manager
      .createQueryBuilder()
      .select('r.id', 'id')
      .from('clipping_revision', 'r')
      .where('r.clipping_id = :clippingId', { clippingId })
      .limit(1)
      .getRawOne()) as { id: number } | undefined;
    return row !== undefined;
  }

  /** Hard-deletes the history of these clippings (purging them from the trash). */
  async removeFor(clippingIds: number[], manager: EntityManager): Promise<void> {
    for (const batch of chunk(clippingIds, MAX_SQL_PARAMS)) {
      await manager.query(
        `DELETE FROM clipping_revision WHERE clipping_id IN (${inList(manager, batch.length)})`,
        batch,
      );
    }
  }
}

interface RawRevision {
  id: number;
  clipping_id: number;
  version: number;
  at: string | Date;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  changes: string;
  snapshot: string;
  detail: string | null;
}

/** A stored revision; a delta one needs the snapshot of the revision before it (null: skipped). */
function toRevision(r: RawRevision, previous: ClippingSnapshot | null): RevisionRow | null {
  const changes = JSON.parse(r.changes) as FieldChange[];
  let snapshot: ClippingSnapshot;
  if (r.snapshot !== DELTA) snapshot = JSON.parse(r.snapshot) as ClippingSnapshot;
  else if (previous) snapshot = applyChanges(previous, changes);
  else return null;
  return {
    id: Number(r.id),
    clippingId: Number(r.clipping_id),
    version: Number(r.version),
    at: isoTime(r.at),
    actorId: r.actor_id === null ? null : Number(r.actor_id),
    actorName: r.actor_name,
    action: r.action,
    changes,
    snapshot,
    detail: r.detail === null ? null : (JSON.parse(r.detail) as Record<string, unknown>),
  };
}

function parseJump(text: string | null): JumpRef | null {
  return text === null ? null : (JSON.parse(text) as JumpRef);
}

function groupBy<T>(items: T[], key: (item: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
