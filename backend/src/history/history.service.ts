import type { ClippingRevision, LinkSource } from '@jianbao/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { atOnce, chunk } from '../database/sql-values';
import { diffSnapshots } from './clipping-snapshot';
import { HistoryRepository, type NewRevision, type RevisionRow } from './history.repository';
import type { Author } from '../common/author';

/** Clippings per batch of {@link HistoryService.recordTagAdded}. */
const TAG_BATCH = 900;

/** How a revision is recorded. */
export interface RecordOptions {
  /** Record even when nothing recordable changed (trash, untrash, a restore that changes nothing). */
  force?: boolean;
  /** Extra facts kept with the revision (e.g. which version a restore brought back). */
  detail?: Record<string, unknown> | null;
}

/**
 * Clipping history. `record` is called inside every write transaction that touches a clipping: it
 * snapshots the clippings as they are now, diffs each against its latest revision and stores a
 * revision only when something changed, bumping the clipping's version unless the write already did.
 */
@Injectable()
export class HistoryService {
  constructor(
    private readonly repo: HistoryRepository,
    private readonly dataSource: DataSource,
  ) {}

  /** Records a revision for each of `clippingIds` that changed; answers how many were recorded. */
  async record(
    manager: EntityManager,
    clippingIds: number[],
    author: Author,
    action: string,
    options: RecordOptions = {},
  ): Promise<number> {
    const ids = [...new Set(clippingIds)];
    if (ids.length === 0) return 0;
    const [current, latest] = await atOnce(
      manager,
      () => this.repo.currentStates(ids, manager),
      () => this.repo.latest(ids, manager),
    );
    const revisions: NewRevision[] = [];
    const bump: number[] = [];
    const sameBody = new Set<number>();
    for (const [id, now] of current) {
      const before = latest.get(id);
      // A clipping older than the history: its state before this write is unknown, so no diff is claimed.
      const historyStarts = !before && action !== 'created';
      const changes = historyStarts ? [] : diffSnapshots(before?.snapshot ?? null, now.snapshot);
      if (changes.length === 0 && !options.force && !historyStarts) continue;
      // A write that already bumped the version (PATCH, links) is not bumped twice.
      const needsBump = before ? now.version <= before.version : action !== 'created';
      if (needsBump) bump.push(id);
      if (before && !changes.some((c) => c.field === 'body')) sameBody.add(id);
      revisions.push({
        clippingId: id,
        version: needsBump ? now.version + 1 : now.version,
        actorId: author.id,
        actorName: author.name,
        action,
        changes,
        snapshot: now.snapshot,
        detail: historyStarts ? { ...options.detail, historyStarts: true } : (options.detail ?? null),
      });
    }
    await this.repo.bumpVersions(bump, sameBody, manager);
    await this.repo.insert(revisions, manager);
    return revisions.length;
  }

  /**
   * Records one tag added to many clippings (a rule applied; the caller left out those already
   * carrying it). Where the latest revision is the clipping's current state (same version), the
   * revision is stored as a delta — the tag added — without reloading the clipping; the others go
   * through {@link record}.
   */
  async recordTagAdded(
    manager: EntityManager,
    clippingIds: number[],
    tag: { id: number; name: string; source: LinkSource },
    author: Author,
    action: string,
    detail: Record<string, unknown> | null = null,
  ): Promise<void> {
    const slow: number[] = [];
    for (const batch of chunk([...new Set(clippingIds)], TAG_BATCH)) {
      const versions = await this.repo.versions(batch, manager);
      const latest = await this.repo.latestVersions(batch, manager);
      const ids: number[] = [];
      for (const id of batch) {
        const version = versions.get(id);
        if (version === undefined) continue;
        if (latest.get(id) === version) ids.push(id);
        else slow.push(id);
      }
      // Bumped first: each delta revision is stored at the clipping's new version.
      await this.repo.bumpVersions(ids, new Set(ids), manager);
      const changes = [{ field: 'tags', before: [], after: [tag] }];
      await this.repo.insertDeltas(
        ids,
        { actorId: author.id, actorName: author.name, action, changes, detail },
        manager,
      );
    }
    await this.record(manager, slow, author, action, { detail });
  }

  /**
   * Gives up to `limit` clippings without any revision (filed before history existed) their first
   * one: action `baseline`, their current state, no diff claimed, no version bump (an editor's open
   * form stays current). Afterwards a rule tagging them stores delta revisions, as for any clipping
   * filed since. Answers how many were recorded (fewer than `limit`: none left).
   */
  async recordBaselines(manager: EntityManager, author: Author, limit: number): Promise<number> {
    const ids = await this.repo.withoutHistory(limit, manager);
    if (ids.length === 0) return 0;
    const current = await this.repo.currentStates(ids, manager);
    const revisions: NewRevision[] = [...current].map(([id, now]) => ({
      clippingId: id,
      version: now.version,
      actorId: author.id,
      actorName: author.name,
      action: 'baseline',
      changes: [],
      snapshot: now.snapshot,
      detail: { historyStarts: true },
    }));
    await this.repo.insert(revisions, manager);
    return ids.length;
  }

  /** A clipping's history, newest first; a trashed clipping's history only with `trashedToo` (admins), else 404. */
  async list(clippingId: number, trashedToo: boolean): Promise<ClippingRevision[]> {
    const live = await this.clippingExists(clippingId);
    const rows = live || trashedToo ? await this.repo.list(clippingId) : [];
    if (!live && rows.length === 0) throw new NotFoundException(`Clipping ${clippingId} not found`);
    return rows.map(mapRevision);
  }

  private async clippingExists(id: number): Promise<boolean> {
    const rows = (await this.dataSource.manager
      .createQueryBuilder()
      .select('c.id', 'id')
      .from('clipping', 'c')
      .where('c.id = :id', { id })
      .getRawMany()) as unknown[];
    return rows.length > 0;
  }
}

export function mapRevision(row: RevisionRow): ClippingRevision {
  return {
    id: row.id,
    clippingId: row.clippingId,
    version: row.version,
    at: row.at,
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    changes: row.changes,
    snapshot: row.snapshot,
    ...(row.detail ? { detail: row.detail } : {}),
  };
}
