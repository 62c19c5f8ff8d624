import type { SameStory } from '@jianbao/contracts';
import { Injectable, NotFoundException, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ClippingHooks } from '../clippings/clipping-hooks';
import { ClippingReader } from '../clippings/read/clipping-reader';
import { TransactionRunner } from '../database/transaction-runner';
import { bandKeys, compareStories, DEFAULT_MIN_SHINGLES, minhashSignature, shingles } from './shingling';
import { type StoryEntry, StoriesRepository } from './stories.repository';
import { StoryGroupingQueue } from './story-grouping-queue';

/** Candidates (by shared band count) confirmed on their real texts per lookup. */
const MAX_CANDIDATES = 50;
/** Clippings (re)indexed per catch-up transaction. */
const CATCH_UP_BATCH = 1000;

/** The story-index entry of one body: shingle count and LSH band keys (none when too short to compare). */
export function storyEntry(clippingId: number, clippingVersion: number, body: string): StoryEntry {
  const set = shingles(body);
  const keys = set.length < DEFAULT_MIN_SHINGLES ? new Uint32Array(0) : bandKeys(minhashSignature(set));
  return { clippingId, clippingVersion, shingleCount: set.length, bandKeys: keys };
}

/**
 * Same wire story across newspapers. The index (MinHash + LSH band keys of each body) lives in SQL;
 * a lookup takes clippings sharing a band key and confirms each with `compareStories` on the bodies.
 */
@Injectable()
export class StoriesService implements OnModuleInit {
  constructor(
    private readonly stories: StoriesRepository,
    private readonly clippings: ClippingReader,
    private readonly hooks: ClippingHooks,
    private readonly tx: TransactionRunner,
    private readonly dataSource: DataSource,
    private readonly grouping: StoryGroupingQueue,
  ) {}

  /**
   * A version bump that leaves the body alone keeps a current index entry current (else a rule applied
   * to 100,000 clippings would make the next lookup re-index them all).
   */
  onModuleInit(): void {
    this.hooks.register({ bodyKept: (manager, ids) => this.stories.keepEntries(ids, manager) });
  }

  /**
   * (Re)indexes these clippings inside the caller's transaction. `fresh`: they were inserted in this
   * transaction, so they have no entries to delete first (a deleted clipping's entries cascade with it).
   */
  async indexClippings(manager: EntityManager, clippingIds: number[], fresh = false): Promise<void> {
    await this.indexTexts(manager, await this.clippings.bodies(clippingIds, manager), fresh);
  }

  /** {@link indexClippings} for bodies the caller has read already. */
  async indexTexts(
    manager: EntityManager,
    rows: readonly { id: number; version: number; body: string }[],
    fresh: boolean,
  ): Promise<void> {
    if (rows.length === 0) return;
    const entries = rows.map((r) => storyEntry(r.id, r.version, r.body));
    if (fresh) await this.stories.insert(entries, manager);
    else await this.stories.replace(entries, manager);
  }

  /** Indexes every clipping never indexed or edited since (the CLI and benchmarks; the server's catch-up groups too). */
  async catchUp(): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.tx.run(async (manager) => {
        const ids = await this.stories.staleIds(CATCH_UP_BATCH, manager);
        await this.indexClippings(manager, ids);
        return ids.length;
      });
      total += done;
      if (done < CATCH_UP_BATCH) return total;
    }
  }

  /** Other clippings carrying the same story, most contained first. */
  async sameStories(clippingId: number): Promise<SameStory[]> {
    await this.grouping.settled(); // the index entries of clippings just written
    const [self] = await this.clippings.bodies([clippingId]);
    if (!self) throw new NotFoundException(`Clipping ${clippingId} not found`);
    // Its own entry only: the rest of an archive filed before the index is the background catch-up's
    // (StoryGroupsService.catchUpInBackground), never a reader's wait.
    if ((await this.stories.staleAmong([clippingId])).length > 0) {
      await this.tx.run((manager) => this.indexClippings(manager, [clippingId]));
    }
    const manager = this.dataSource.manager;
    const candidates = (await this.stories.candidates(clippingId, manager)).slice(0, MAX_CANDIDATES);
    const bodies = await this.clippings.bodies(
      candidates.map((c) => c.id),
      manager,
    );
    const mine = shingles(self.body);
    const confirmed = bodies
      .map((b) => ({ id: b.id, result: compareStories(mine, shingles(b.body)) }))
      .filter((c) => c.result.sameStory)
      .sort((a, b) => b.result.containment - a.result.containment || a.id - b.id);
    const summaries = new Map(
      (
        await this.clippings.summaries(
          confirmed.map((c) => c.id),
          manager,
        )
      ).map((s) => [s.id, s]),
    );
    return confirmed.flatMap((c) => {
      const clipping = summaries.get(c.id);
      return clipping ? [{ clipping, containment: Math.round(c.result.containment * 1000) / 1000 }] : [];
    });
  }
}
