import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ClippingEntity } from './clipping.entity';
import type { ClippingChanges } from './store/clipping-rows.repository';
import type { ClippingWriter } from './store/clipping-writer';

/** A clipping saved by hand through the API: created (`before` null) or edited (`changes` applied to `before`). */
export interface SavedClipping {
  id: number;
  before: ClippingEntity | null;
  changes: ClippingChanges;
  /** The issue (publication and date) the clipping is in now, after the save. */
  issue: { publicationId: number; issueDate: string };
}

/**
 * What a feature above the clippings does when clippings change, inside the same transaction. The
 * clippings layer cannot import those features; they register here at start-up instead.
 */
export interface ClippingListener {
  /**
   * A clipping was created or edited by hand (POST, PATCH), before its own revision is recorded (so the
   * revision shows what the listener did to it, e.g. a continuation link). Revisions of other
   * clippings it changes are the listener's to record (`w.record`).
   */
  saved?(w: ClippingWriter, saved: SavedClipping): Promise<void>;
  /**
   * These clippings' versions are about to move on while their body stays the same (a rule tagged
   * them, history recorded a change): an index keyed by the version may keep its entries.
   */
  bodyKept?(manager: EntityManager, ids: readonly number[]): Promise<void>;
  /**
   * Every clipping a write touched, at its end and before it commits (some may be gone: trashed);
   * `created`: those of them the write inserted. The place for an index that must change with every
   * clipping write (e.g. full-text search).
   */
  changed?(manager: EntityManager, ids: readonly number[], created: ReadonlySet<number>): Promise<void>;
}

/** The registered {@link ClippingListener}s, called in registration order. */
@Injectable()
export class ClippingHooks {
  private readonly listeners: ClippingListener[] = [];

  register(listener: ClippingListener): void {
    this.listeners.push(listener);
  }

  async saved(w: ClippingWriter, saved: SavedClipping): Promise<void> {
    for (const l of this.listeners) await l.saved?.(w, saved);
  }

  async bodyKept(manager: EntityManager, ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    for (const l of this.listeners) await l.bodyKept?.(manager, ids);
  }

  async changed(
    manager: EntityManager,
    ids: readonly number[],
    created: ReadonlySet<number> = new Set(),
  ): Promise<void> {
    if (ids.length === 0) return;
    for (const l of this.listeners) await l.changed?.(manager, ids, created);
  }
}
