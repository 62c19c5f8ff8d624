import type { ClippingSnapshot, LinkSource } from '@jianbao/contracts';
import type { EntityManager } from 'typeorm';
import { atOnce } from '../../database/sql-values';
import type { References } from '../../catalog/references';
import type { Author } from '../../common/author';
import type { SearchService } from '../../search/search.service';
import type { ClippingHooks } from '../clipping-hooks';
import type { ClippingTallies } from '../tally/clipping-tallies';
import type { ClippingRows } from '../read/clipping-reader';
import type { RecordOptions, RevisionAction, RevisionRecorder } from '../revisions/revision-recorder';
import type { ChainContext, Chains } from './chains';
import type { ClippingLinksRepository } from './clipping-links.repository';
import type {
  ClippingChanges,
  ClippingRowsRepository,
  FiledClipping,
  FiledPage,
  NewClipping,
} from './clipping-rows.repository';

/** What a writer writes with (the store's collaborators). */
export interface WriterParts {
  rows: ClippingRowsRepository;
  links: ClippingLinksRepository;
  chains: Chains;
  recorder: RevisionRecorder;
  hooks: ClippingHooks;
  references: References;
  search: SearchService;
  tallies: ClippingTallies;
}

/**
 * Changes that alter what the search index holds for a clipping: its text, its issue date (SQLite's
 * key) or its publication (SQLite's publication term).
 */
const INDEXED_FIELDS = [
  'issueDate',
  'publicationId',
  'kicker',
  'title',
  'subtitle',
  'byline',
  'dateline',
  'body',
  'subheads',
] as const satisfies readonly (keyof ClippingChanges)[];

function changesIndexed(changes: ClippingChanges): boolean {
  return INDEXED_FIELDS.some((f) => changes[f] !== undefined);
}

/**
 * Changes of a clipping row that can move it between the dashboard's buckets (tally-buckets.ts): the
 * rest (its text, page, kind) cannot, and an edit of only those leaves `clipping_tally` alone. Links,
 * chains and every other writer method can, and always refresh it.
 */
const TALLIED_FIELDS = [
  'issueDate',
  'publicationId',
  'status',
] as const satisfies readonly (keyof ClippingChanges)[];

function changesTallied(changes: ClippingChanges): boolean {
  return TALLIED_FIELDS.some((f) => changes[f] !== undefined);
}

/**
 * One write of clippings, inside the transaction the clipping store opened for it: every change to a
 * clipping row, its tag and region links, its tag exclusions, its continuation chain or its article
 * goes through these methods, and each clipping they touch is remembered. `record` stores revisions
 * where the caller says what happened (and with what detail); whatever was touched since and not
 * recorded is recorded when the write ends, under the write's own action — a forgotten `record` gives
 * a revision with the write's name, never a change without one. Only the store makes writers.
 */
export class ClippingWriter implements ChainContext {
  /** Touched since their last revision. */
  private readonly pending = new Set<number>();
  /** Touched at all during this write. */
  private readonly touched = new Set<number>();
  /** Inserted by this write (new, or put back from the trash). */
  private readonly created = new Set<number>();
  /** Whose text, issue date or existence changed: their search index entries are rewritten at the end. */
  private readonly reindex = new Set<number>();
  /** Whose buckets may have moved (anything but a text-only edit): their counts are refreshed at the end. */
  private readonly retally = new Set<number>();

  constructor(
    readonly manager: EntityManager,
    readonly author: Author,
    private readonly action: RevisionAction,
    private readonly parts: WriterParts,
  ) {}

  /** Marks clippings as changed by this write (the chain editor and every method here call it). */
  touch(ids: Iterable<number>): void {
    for (const id of ids) {
      this.pending.add(id);
      this.touched.add(id);
      this.retally.add(id);
    }
  }

  /** Marks clippings changed only in fields no count depends on (recorded and heard of, not re-counted). */
  private touchUncounted(ids: Iterable<number>): void {
    for (const id of ids) {
      this.pending.add(id);
      this.touched.add(id);
    }
  }

  /** Marks clippings whose row changed by `changes` (text, counts, or only the version). */
  private touchChanged(ids: readonly number[], changes: ClippingChanges): void {
    if (changesTallied(changes)) this.touch(ids);
    else this.touchUncounted(ids);
    if (changesIndexed(changes)) for (const id of ids) this.reindex.add(id);
  }

  /** Marks clippings whose indexed text, issue date or existence changed (also touched). */
  private touchText(ids: Iterable<number>): void {
    const list = [...ids];
    this.touch(list);
    for (const id of list) this.reindex.add(id);
  }

  /** A new clipping; answers its id. */
  async insert(row: NewClipping): Promise<number> {
    const id = await this.parts.rows.insert(row, this.manager);
    this.created.add(id);
    this.touchText([id]);
    return id;
  }

  /** A filed page's clippings, in order; answers their ids in the same order. */
  async insertFiled(page: FiledPage, clippings: readonly FiledClipping[]): Promise<number[]> {
    const ids = await this.parts.rows.insertFiled(page, clippings, this.manager);
    for (const id of ids) this.created.add(id);
    this.touchText(ids);
    return ids;
  }

  /** Applies `changes` if the clipping is still at `expectedVersion` (bumping it); false when it is not. */
  async update(id: number, expectedVersion: number, changes: ClippingChanges): Promise<boolean> {
    const done = await this.parts.rows.updateIfVersion(id, expectedVersion, changes, this.manager);
    if (done) this.touchChanged([id], changes);
    return done;
  }

  /** Applies the same changes (possibly none) to every clipping, bumping each version. */
  async updateMany(ids: number[], changes: ClippingChanges): Promise<void> {
    if (ids.length === 0) return;
    await this.parts.rows.update(ids, changes, this.manager);
    this.touchChanged(ids, changes);
  }

  /** Moves clippings to another page import (null: to none). */
  async setImport(ids: number[], importId: number | null): Promise<void> {
    await this.parts.rows.setImport(ids, importId, this.manager);
    this.touch(ids);
  }

  /** The tag set becomes exactly `tagIds` (see ClippingLinksRepository.replaceTags). */
  async replaceTags(id: number, tagIds: number[]): Promise<void> {
    await this.parts.links.replaceTags(id, tagIds, this.manager);
    this.touch([id]);
  }

  /** The region set becomes exactly `regionIds`, keeping the source of links that stay. */
  async replaceRegions(id: number, regionIds: number[]): Promise<void> {
    await this.parts.links.replaceRegions(id, regionIds, this.manager);
    this.touch([id]);
  }

  /** Keeps rules from ever adding these tags to the clipping. */
  async addTagExclusions(id: number, tagIds: number[]): Promise<void> {
    if (tagIds.length === 0) return;
    await this.parts.links.addTagExclusions(id, tagIds, this.manager);
    this.touch([id]);
  }

  /** The links of freshly filed clippings: regions (detected or the editor's) and the editor's tags. */
  async linkFiled(
    regions: ReadonlyArray<{ clippingId: number; regionId: number; source: LinkSource }>,
    tags: ReadonlyArray<{ clippingId: number; tagId: number; source?: LinkSource }>,
  ): Promise<void> {
    await this.parts.links.insertRegionLinks(regions, this.manager);
    await this.parts.links.insertTagLinks(tags, this.manager);
    this.touch([...regions.map((l) => l.clippingId), ...tags.map((l) => l.clippingId)]);
  }

  /** Bulk editing: `manual` tag links added (an exclusion lifted), or removed (a rule link excluded). */
  async addTags(ids: number[], tagIds: number[]): Promise<void> {
    await this.parts.links.addTags(ids, tagIds, this.manager);
    this.touch(ids);
  }

  async removeTags(ids: number[], tagIds: number[]): Promise<void> {
    await this.parts.links.removeTags(ids, tagIds, this.manager);
    this.touch(ids);
  }

  async addRegions(ids: number[], regionIds: number[]): Promise<void> {
    await this.parts.links.addRegions(ids, regionIds, this.manager);
    this.touch(ids);
  }

  async removeRegions(ids: number[], regionIds: number[]): Promise<void> {
    await this.parts.links.removeRegions(ids, regionIds, this.manager);
    this.touch(ids);
  }

  /** `rule` links of one tag (the caller left out linked and excluded clippings); recorded with the write. */
  async addRuleLinks(tagId: number, ids: readonly number[]): Promise<void> {
    await this.parts.links.insertRuleLinks(tagId, ids, this.manager);
    this.touch(ids);
  }

  /**
   * A rule applied: `rule` links of the tag on these clippings, each recorded at once as a revision
   * adding the tag (stored as a delta where possible: 100,000 clippings in seconds).
   */
  async applyRule(
    tag: { id: number; name: string },
    ids: readonly number[],
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.parts.links.insertRuleLinks(tag.id, ids, this.manager);
    await this.parts.recorder.recordTagAdded(
      this.manager,
      ids,
      { ...tag, source: 'rule' },
      this.author,
      'rule',
      detail,
    );
    for (const id of ids) {
      this.touched.add(id);
      this.retally.add(id);
    }
  }

  /**
   * Moves the tag's links and exclusions to `intoId` (a `manual` link wins over a `rule` one) and
   * answers the clippings that carried it.
   */
  async moveTagLinks(fromId: number, intoId: number): Promise<number[]> {
    const ids = await this.parts.links.clippingsWithTag(fromId, this.manager);
    await this.parts.links.moveTagLinks(fromId, intoId, this.manager);
    this.touch(ids);
    return ids;
  }

  /** Drops the tag's links and exclusions; answers the clippings that carried it. */
  async detachTag(tagId: number): Promise<number[]> {
    const ids = await this.parts.links.clippingsWithTag(tagId, this.manager);
    await this.parts.links.detachTag(tagId, this.manager);
    this.touch(ids);
    return ids;
  }

  /** Links `headId → tailId` (both free on that side: the caller checked) and renumbers the chain. */
  async linkParts(headId: number, tailId: number): Promise<void> {
    await this.parts.chains.link(this, headId, tailId);
  }

  /** Cuts `headId → tailId` where linked; both halves are renumbered. */
  async unlinkParts(headId: number, tailId: number): Promise<void> {
    await this.parts.chains.unlink(this, headId, tailId);
  }

  /**
   * Puts back a revision's fields, tags and regions (with their sources); tags and regions deleted
   * since are left out and named in the answer.
   */
  async restoreSnapshot(id: number, snap: ClippingSnapshot): Promise<string[]> {
    const notes: string[] = [];
    await this.parts.rows.restoreFields(id, snap, this.manager);
    const aliveTags = await this.parts.references.existingTagIds(
      snap.tags.map((t) => t.id),
      this.manager,
    );
    const tags = snap.tags.filter((t) => {
      if (!aliveTags.has(t.id)) notes.push(`tag ${t.name} no longer exists`);
      return aliveTags.has(t.id);
    });
    await this.parts.links.setTags(
      id,
      tags.map((t) => ({ tagId: t.id, source: t.source })),
      this.manager,
    );
    const regionIds = await this.parts.references.regionIdsByCode(
      snap.regions.map((r) => r.code),
      this.manager,
    );
    const regions: { regionId: number; source: LinkSource }[] = [];
    for (const r of snap.regions) {
      const regionId = regionIds.get(r.code);
      if (regionId === undefined) notes.push(`region ${r.name} no longer exists`);
      else regions.push({ regionId, source: r.source });
    }
    await this.parts.links.setRegions(id, regions, this.manager);
    this.touchText([id]);
    return notes;
  }

  /**
   * Deletes clippings (to the trash: the caller keeps their rows first). Their chains are mended —
   * neighbours let go, a chain cut in the middle becomes two articles — and their links, exclusions,
   * continuation suggestions and story entries go with them.
   */
  async remove(ids: number[]): Promise<void> {
    await this.parts.chains.detach(this, ids);
    await this.parts.rows.delete(ids, this.manager);
    this.touchText(ids);
  }

  /**
   * Inserts a clipping's stored rows again (its id included): the clipping row as given, then its tag
   * links, exclusions and region links whose tag or region still exists. Answers how many links were
   * left out.
   */
  async putBack(rows: ClippingRows): Promise<{ tags: number; regions: number }> {
    await this.parts.rows.insertRaw(rows.clipping, this.manager);
    this.created.add(Number(rows.clipping['id']));
    const tags = await this.parts.references.existingTagIds(
      [...rows.tags, ...rows.exclusions].map((r) => Number(r.tag_id)),
      this.manager,
    );
    const regions = await this.parts.references.existingRegionIds(
      rows.regions.map((r) => Number(r.region_id)),
      this.manager,
    );
    const lost = { tags: 0, regions: 0 };
    for (const row of rows.tags) {
      if (tags.has(Number(row.tag_id))) await this.parts.links.insertRaw('clipping_tag', row, this.manager);
      else lost.tags += 1;
    }
    for (const row of rows.exclusions) {
      if (tags.has(Number(row.tag_id)))
        await this.parts.links.insertRaw('clipping_tag_exclusion', row, this.manager);
    }
    for (const row of rows.regions) {
      if (regions.has(Number(row.region_id)))
        await this.parts.links.insertRaw('clipping_region', row, this.manager);
      else lost.regions += 1;
    }
    this.touchText([Number(rows.clipping['id'])]);
    return lost;
  }

  /**
   * Records a revision for each of `ids` that changed (or each, with `force`) under `action`; answers
   * how many were recorded. Record before rows are deleted (`trashed`) and after the changes to show.
   */
  async record(ids: readonly number[], action: RevisionAction, options: RecordOptions = {}): Promise<number> {
    const n = await this.parts.recorder.record(this.manager, ids, this.author, action, options);
    for (const id of ids) this.pending.delete(id);
    return n;
  }

  /** Hard-deletes the history of these clippings (they are gone: purged from the trash). */
  purgeHistory(ids: number[]): Promise<void> {
    return this.parts.recorder.purge(this.manager, ids);
  }

  /** Gives up to `limit` clippings filed before history existed their first (`baseline`) revision. */
  recordBaselines(limit: number): Promise<number> {
    return this.parts.recorder.recordBaselines(this.manager, this.author, limit);
  }

  /**
   * The end of the write: what was touched and not recorded is recorded; listeners hear of every
   * touched clipping; the search index is brought in step with every clipping whose text, issue date
   * or existence changed (written or removed in this transaction, so search never disagrees with it);
   * the counts (`clipping_tally`) are moved for every touched clipping whose buckets may have moved (all
   * but those whose only change was their text, page or kind). The revision, the index and the counts
   * are written at once: each reads the clippings as the write left them (none reads what another
   * writes: the recorder may bump a version, which neither the index nor the counts read) and writes
   * tables of its own, so on SQLite their statements go out together — one wait for the busy event loop
   * per round instead of one per statement of each, while the write queue waits behind this transaction.
   */
  async finish(): Promise<void> {
    const pending = [...this.pending];
    // Before the commit, as the index: the dashboard's counts never disagree with the rows.
    await this.inStep(() => (pending.length > 0 ? this.record(pending, this.action) : Promise.resolve(0)));
    await this.parts.hooks.changed(this.manager, [...this.touched], this.created);
  }

  /**
   * {@link record}, with the search index and the counts brought in step for everything touched so far
   * at the same time, as {@link finish} does at the end (and for the same reason). For a write that
   * records its change and then reads its answer back (an editor's save): the end of the write then
   * has nothing left to index, which saves two rounds of the busy event loop while the write queue
   * waits. What is touched afterwards is still indexed and counted at the end.
   */
  async recordAndIndex(
    ids: readonly number[],
    action: RevisionAction,
    options: RecordOptions = {},
  ): Promise<number> {
    const [n] = await this.inStep(() => this.record(ids, action, options));
    return n;
  }

  /**
   * {@link recordAndIndex} with `alongside` run at the same time — statements that neither read nor
   * write what recording writes (the revision; a version only where the write did not bump it): an
   * editor's save reads its answer and writes its audit event in the same round. Answers `alongside`'s
   * result and whether recording bumped the version of any of `ids` (then an answer read alongside
   * holds the version before the bump, and must be read again).
   */
  async recordAndIndexWith<T>(
    ids: readonly number[],
    action: RevisionAction,
    alongside: () => Promise<T>,
  ): Promise<{ result: T; bumped: boolean }> {
    const bumped = new Set<number>();
    const [, result] = await this.inStep(() => this.record(ids, action, { bumped }), alongside);
    return { result, bumped: ids.some((id) => bumped.has(id)) };
  }

  /**
   * Runs `recording` together with the index and counts of what is waiting for them (then nothing is),
   * and `alongside` if given. On PostgreSQL they run in this order.
   */
  private async inStep<T, U = undefined>(
    recording: () => Promise<T>,
    alongside?: () => Promise<U>,
  ): Promise<[T, U]> {
    const reindex = [...this.reindex];
    const retally = [...this.retally];
    this.reindex.clear();
    this.retally.clear();
    const [recorded, , , other] = await atOnce(
      this.manager,
      recording,
      () => this.parts.search.syncClippings(this.manager, reindex),
      () => this.parts.tallies.refresh(this.manager, retally),
      alongside ?? (() => Promise.resolve(undefined as U)),
    );
    return [recorded, other];
  }
}
