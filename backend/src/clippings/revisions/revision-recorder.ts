import type { LinkSource } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Author } from '../../common/author';
import { atOnce, chunk } from '../../database/sql-values';
import { ClippingHooks } from '../clipping-hooks';
import { diffSnapshots } from './clipping-snapshot';
import { type NewRevision, RevisionsRepository } from './revisions.repository';

/** Clippings per batch of {@link RevisionRecorder.recordTagAdded}. */
const TAG_BATCH = 900;

/** What a revision records: `created`, `edited`, `linked`, `trashed`, … (the history panel names each). */
export type RevisionAction =
  | 'created'
  | 'edited'
  | 'bulk'
  | 'linked'
  | 'unlinked'
  | 'rule'
  | 'tags'
  | 'restored'
  | 'trashed'
  | 'untrashed'
  | 'carried-over'
  | 'kept'
  | 'baseline'
  | 'imported';

/** How a revision is recorded. */
export interface RecordOptions {
  /** Record even when nothing recordable changed (trash, untrash, a restore that changes nothing). */
  force?: boolean;
  /** Extra facts kept with the revision (e.g. which version a restore brought back). */
  detail?: Record<string, unknown> | null;
  /** Given: the ids whose version the recording bumped are added to it. */
  bumped?: Set<number>;
}

/**
 * Clipping history, recorded by the clipping store inside every write transaction: it snapshots the
 * clippings as they are now, diffs each against its latest revision and stores a revision only when
 * something changed, bumping the clipping's version unless the write already did.
 */
@Injectable()
export class RevisionRecorder {
  constructor(
    private readonly repo: RevisionsRepository,
    private readonly hooks: ClippingHooks,
  ) {}

  /** Records a revision for each of `clippingIds` that changed; answers how many were recorded. */
  async record(
    manager: EntityManager,
    clippingIds: readonly number[],
    author: Author,
    action: RevisionAction,
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
    const sameBody: number[] = [];
    for (const [id, now] of current) {
      const before = latest.get(id);
      // A clipping older than the history: its state before this write is unknown, so no diff is claimed.
      const historyStarts = !before && action !== 'created';
      const changes = historyStarts ? [] : diffSnapshots(before?.snapshot ?? null, now.snapshot);
      if (changes.length === 0 && !options.force && !historyStarts) continue;
      // A write that already bumped the version (PATCH, links) is not bumped twice.
      const needsBump = before ? now.version <= before.version : action !== 'created';
      if (needsBump) {
        bump.push(id);
        if (before && !changes.some((c) => c.field === 'body')) sameBody.push(id);
      }
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
    for (const id of bump) options.bumped?.add(id);
    await this.bump(bump, sameBody, manager);
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
    clippingIds: readonly number[],
    tag: { id: number; name: string; source: LinkSource },
    author: Author,
    action: RevisionAction,
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
      await this.bump(ids, ids, manager);
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

  /** Hard-deletes the history of these clippings (purged from the trash). */
  purge(manager: EntityManager, clippingIds: number[]): Promise<void> {
    return this.repo.removeFor(clippingIds, manager);
  }

  /**
   * Bumps the versions; first tells the listeners which of them keep their body (the same-story index
   * moves those entries along instead of re-indexing them: a rule applied to 100,000 clippings would
   * otherwise make the next same-story lookup re-index them all).
   */
  private async bump(ids: number[], sameBody: number[], manager: EntityManager): Promise<void> {
    await this.hooks.bodyKept(manager, sameBody);
    await this.repo.bumpVersions(ids, manager);
  }
}
