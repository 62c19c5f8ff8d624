import type {
  StoryGroup,
  StoryGroupChange,
  StoryGroupDetail,
  StoryGroupPage,
  StoryGroupStatus,
  StoryMark,
  StoryMember,
} from '@jianbao/contracts';
import {
  BadRequestException,
  ConflictException,
  type BeforeApplicationShutdown,
  Injectable,
  NotFoundException,
  type OnModuleInit,
} from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ClippingHooks } from '../clippings/clipping-hooks';
import { ChainReader } from '../clippings/read/chain-reader';
import { type ClippingRow, ClippingReader, EXCERPT_LENGTH } from '../clippings/read/clipping-reader';
import type { Actor } from '../common/access';
import { pageWindow } from '../common/page.query';
import { atOnce } from '../database/sql-values';
import { TransactionRunner } from '../database/transaction-runner';
import {
  chooseMain,
  compareStories,
  DEFAULT_MIN_SHINGLES,
  normaliseForShingles,
  pairsBetween,
  pairsWithin,
  shingles,
} from './shingling';
import { StoriesRepository } from './stories.repository';
import { StoriesService } from './stories.service';
import { StoryGroupingQueue } from './story-grouping-queue';
import {
  type CheckRow,
  type GroupRow,
  type MemberRow,
  StoryGroupsRepository,
} from './story-groups.repository';

/** Candidate clippings (by shared band count) confirmed on their texts per part of a text. */
const MAX_CANDIDATES = 50;
/** Clippings grouping has not seen yet, taken per catch-up transaction. */
const CATCH_UP_BATCH = 500;
/** The same in the background: a batch is what an editor's write may wait behind. */
const BACKGROUND_BATCH = 50;
/** How long the write queue must have been empty before the background catch-up takes a batch. */
const BACKGROUND_QUIET_MS = 1000;

/** One text: a clipping standing alone or a continued article's parts together, named by its first part. */
interface StoryText {
  lead: number;
  parts: ClippingRow[];
  text: string;
  key: string;
  shingles: Uint32Array;
}

/** The key a text is remembered by (rejections survive re-filing the same text): SHA-256 of its normalised form. */
export function textKey(text: string): string {
  return createHash('sha256').update(normaliseForShingles(text)).digest('hex');
}

const bodyKey = (body: string): string => createHash('sha256').update(body).digest('hex');

/** The text of a chain's parts (first part first), kept in `cache` under each part's id. */
function remember(parts: ClippingRow[], cache: Map<number, StoryText>): StoryText {
  const text = parts.map((p) => p.body).join('\n');
  const unit: StoryText = { lead: parts[0]!.id, parts, text, key: textKey(text), shingles: shingles(text) };
  for (const p of parts) cache.set(p.id, unit);
  return unit;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * The groups one write changed. `full` groups are recomputed from every member (new groups, review
 * actions); a group that only gained (`joined`) or lost (`left`) texts is mended from its main text and
 * those texts alone, so a write costs the same in a group of three as in a wire story's group of three
 * hundred (each member's containment is against the main text, which such a change mostly keeps).
 */
class TouchedGroups {
  readonly full = new Set<number>();
  readonly joined = new Map<number, Set<number>>();
  readonly left = new Map<number, Set<number>>();
  /** Texts (by first part) this write put into a group. */
  readonly placed = new Set<number>();

  static of(ids: readonly number[]): TouchedGroups {
    const touched = new TouchedGroups();
    for (const id of ids) touched.full.add(id);
    return touched;
  }

  join(groupId: number, lead: number): void {
    this.placed.add(lead);
    TouchedGroups.add(this.joined, groupId, lead);
  }

  /** A group this write formed, with its texts. */
  formed(groupId: number, leads: readonly number[]): void {
    this.full.add(groupId);
    for (const lead of leads) this.placed.add(lead);
  }

  leave(groupId: number, lead: number): void {
    TouchedGroups.add(this.left, groupId, lead);
  }

  private static add(map: Map<number, Set<number>>, groupId: number, lead: number): void {
    const set = map.get(groupId) ?? new Set<number>();
    set.add(lead);
    map.set(groupId, set);
  }
}

/**
 * Story groups: texts carrying the same story, proposed as clippings are filed, edited, linked and
 * deleted (the clippings store's `changed` hook, in the write's transaction), reviewed by editors.
 */
@Injectable()
export class StoryGroupsService implements OnModuleInit, BeforeApplicationShutdown {
  constructor(
    private readonly groups: StoryGroupsRepository,
    private readonly index: StoriesRepository,
    private readonly stories: StoriesService,
    private readonly chains: ChainReader,
    private readonly clippings: ClippingReader,
    private readonly hooks: ClippingHooks,
    private readonly tx: TransactionRunner,
    private readonly dataSource: DataSource,
    private readonly grouping: StoryGroupingQueue,
  ) {}

  /**
   * A write's changed clippings are grouped after it commits, in batches (StoryGroupingQueue); a body
   * kept moves its check along in the write (a check already behind its clipping's version stays behind,
   * so a clipping whose grouping is still pending is regrouped all the same).
   */
  onModuleInit(): void {
    this.grouping.use(
      (manager, ids, created) => this.refresh(manager, ids, created),
      (ids, created) => this.needGrouping(ids, created),
    );
    this.hooks.register({
      bodyKept: (manager, ids) => this.groups.keepChecks(ids, manager),
      changed: async (_manager, ids, created) => this.grouping.add(ids, created),
    });
  }

  /**
   * Brings the groups of these clippings up to date: clippings whose body or chain changed since
   * grouping last saw them are taken out of their group and placed again, and so are those it never saw
   * — all of them when `created` is not given (the catch-up), else only those the write created: an old
   * clipping filed before story groups, merely edited, waits for the background catch-up instead of
   * making an editor's save pay for grouping it.
   */
  async refresh(
    manager: EntityManager,
    ids: readonly number[],
    created?: ReadonlySet<number>,
  ): Promise<void> {
    const rows = await this.groups.checks(ids, manager);
    const touchedGroups = new TouchedGroups();
    const affected = affectedBy(rows, created);
    if (affected.length > 0) await this.regroup(manager, affected, touchedGroups);
    const gone = rows.length < ids.length;
    if (affected.length > 0 || gone) await this.mend(manager, touchedGroups, gone);
  }

  /**
   * Which of these clippings a grouping transaction would change anything for, read from the committed
   * state outside any transaction: a save that kept the body and the chain (a title, the tags, the
   * status) moved its check along in its own transaction, so grouping it would only read and rewrite
   * the check while holding the write queue. Gone clippings count (their groups are mended).
   */
  async needGrouping(ids: readonly number[], created: ReadonlySet<number>): Promise<number[]> {
    const rows = await this.groups.checks(ids);
    const present = new Set(rows.map((r) => r.id));
    return [...affectedBy(rows, created).map((r) => r.id), ...ids.filter((id) => !present.has(id))];
  }

  /** Groups clippings grouping has never seen (filed before story groups existed), in batches. */
  async catchUp(batch = CATCH_UP_BATCH): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.catchUpBatch(batch);
      total += n;
      if (n < batch) return total;
    }
  }

  /**
   * {@link catchUp} in the background (start-up, `STORY_CATCH_UP`): small batches, each only once the
   * write queue has been quiet for `quietMs`, so editors' writes wait at most one batch; stops at
   * shutdown. Answers how many clippings it grouped.
   */
  async catchUpInBackground(batch = BACKGROUND_BATCH, quietMs = BACKGROUND_QUIET_MS): Promise<number> {
    return this.tx.inQuietBatches(() => this.catchUpBatch(batch), batch, quietMs);
  }

  /** Groups what writes left pending (the runner stops the background catch-up after its batch). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.grouping.settled();
  }

  private catchUpBatch(batch: number): Promise<number> {
    return this.tx.run(async (manager) => {
      const ids = await this.groups.uncheckedIds(batch, manager);
      await this.refresh(manager, ids);
      return ids.length;
    });
  }

  async list(
    status: StoryGroupStatus | undefined,
    page?: number,
    pageSize?: number,
  ): Promise<StoryGroupPage> {
    const w = pageWindow({ page, pageSize });
    await this.grouping.settled();
    const manager = this.dataSource.manager;
    const { ids, counts } = await this.groups.page(status, w.offset, w.pageSize, manager);
    const items = await this.views(ids, manager);
    const total = status ? counts[status] : counts.proposed + counts.confirmed;
    return { items, total, page: w.page, pageSize: w.pageSize, counts };
  }

  /**
   * Proposed groups waiting for review (the work queue's count). It does not group what grouping has
   * not seen yet (clippings filed before story groups existed): the navigation asks for it on every
   * page, and catching up a large archive there held the request for minutes (100,000 clippings);
   * the review queue's list catches up.
   */
  async proposedCount(): Promise<number> {
    await this.grouping.settled();
    return (await this.groups.counts()).proposed;
  }

  /**
   * The same-story mark of each of these clippings (one list page) that is a text of a group, in the
   * order asked (duplicates once): one statement, whatever the page size.
   */
  async marks(clippingIds: readonly number[]): Promise<StoryMark[]> {
    const ids = [...new Set(clippingIds)];
    await this.grouping.settled();
    const rows = await this.groups.marks(ids, this.dataSource.manager);
    const byId = new Map(rows.map((r) => [r.clippingId, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      return [
        {
          clippingId: id,
          groupId: r.groupId,
          status: r.status,
          texts: r.texts,
          main: r.mainClippingId === id,
        },
      ];
    });
  }

  async detail(id: number): Promise<StoryGroupDetail> {
    await this.grouping.settled();
    const manager = this.dataSource.manager;
    const group = await this.groups.group(id, manager);
    if (!group) throw new NotFoundException(`Story group ${id} not found`);
    const members = await this.groups.membersOfGroups([id], manager);
    const texts = await this.texts(
      members.map((m) => m.clippingId),
      manager,
    );
    return {
      ...this.view(group, members, texts),
      texts: texts.map((t) => ({ clippingId: t.lead, text: t.text })),
    };
  }

  confirm(id: number): Promise<StoryGroup> {
    return this.tx.run(async (manager) => {
      await this.existing(id, manager);
      await this.groups.update(id, { status: 'confirmed' }, manager);
      const members = await this.groups.membersOfGroups([id], manager);
      await this.groups.confirm(
        members.map((m) => m.textKey),
        manager,
      );
      return this.viewOf(id, manager);
    });
  }

  chooseMain(id: number, clippingId: number): Promise<StoryGroup> {
    return this.tx.run(async (manager) => {
      await this.existing(id, manager);
      const members = await this.groups.membersOfGroups([id], manager);
      if (!members.some((m) => m.clippingId === clippingId)) {
        throw new BadRequestException(`Clipping ${clippingId} is not a text of story group ${id}`);
      }
      await this.groups.update(id, { mainClippingId: clippingId, mainChosen: true }, manager);
      await this.recompute(id, manager);
      return this.viewOf(id, manager);
    });
  }

  /** Rejects the whole group, or these members: their pairs are never proposed again. */
  reject(
    id: number,
    clippingIds: readonly number[] | undefined,
    actor: Actor | null,
  ): Promise<StoryGroupChange> {
    return this.tx.run(async (manager) => {
      await this.existing(id, manager);
      const members = await this.groups.membersOfGroups([id], manager);
      const out = this.memberSet(id, members, clippingIds ?? members.map((m) => m.clippingId));
      const rest = members.filter((m) => !out.has(m.clippingId));
      const leaving = members.filter((m) => out.has(m.clippingId));
      const pairs =
        clippingIds === undefined
          ? pairsWithin(members.map((m) => m.textKey))
          : [
              ...pairsBetween(
                leaving.map((m) => m.textKey),
                rest.map((m) => m.textKey),
              ),
              ...pairsWithin(leaving.map((m) => m.textKey)),
            ];
      await this.groups.reject(pairs, actor?.username ?? null, manager);
      await this.groups.unconfirm(
        leaving.map((m) => m.textKey),
        manager,
      );
      await this.groups.removeMembers([...out], manager);
      await this.mend(manager, TouchedGroups.of([id]));
      return { group: await this.viewOrNull(id, manager), split: null };
    });
  }

  /** These members leave into a group of their own (one member alone is in no group); the pairs across are rejected. */
  split(id: number, clippingIds: readonly number[], actor: Actor | null): Promise<StoryGroupChange> {
    return this.tx.run(async (manager) => {
      const group = await this.existing(id, manager);
      const members = await this.groups.membersOfGroups([id], manager);
      const out = this.memberSet(id, members, clippingIds);
      if (out.size === members.length) {
        throw new BadRequestException('A split must leave at least one text in the group');
      }
      const leaving = members.filter((m) => out.has(m.clippingId));
      const rest = members.filter((m) => !out.has(m.clippingId));
      await this.groups.reject(
        pairsBetween(
          leaving.map((m) => m.textKey),
          rest.map((m) => m.textKey),
        ),
        actor?.username ?? null,
        manager,
      );
      // The texts split off are no longer confirmed with the rest (only among themselves, if at all).
      const leavingKeys = leaving.map((m) => m.textKey);
      await this.groups.unconfirm(leavingKeys, manager);
      let splitId: number | null = null;
      if (leaving.length >= 2) {
        if (group.status === 'confirmed') await this.groups.confirm(leavingKeys, manager);
        splitId = await this.groups.createGroup(group.status, manager);
        await this.groups.moveMembers([...out], splitId, manager);
      } else {
        await this.groups.removeMembers([...out], manager);
      }
      await this.mend(manager, TouchedGroups.of(splitId === null ? [id] : [id, splitId]));
      return {
        group: await this.viewOrNull(id, manager),
        split: splitId === null ? null : await this.viewOrNull(splitId, manager),
      };
    });
  }

  private memberSet(id: number, members: MemberRow[], clippingIds: readonly number[]): Set<number> {
    const known = new Set(members.map((m) => m.clippingId));
    const unknown = clippingIds.filter((c) => !known.has(c));
    if (unknown.length > 0) {
      throw new BadRequestException({
        message: `Not texts of story group ${id}: ${unknown.join(', ')}`,
        details: [
          { field: 'clippingIds', errors: [`not texts of story group ${id}: ${unknown.join(', ')}`] },
        ],
      });
    }
    return new Set(clippingIds);
  }

  private async existing(id: number, manager: EntityManager): Promise<GroupRow> {
    const group = await this.groups.group(id, manager);
    if (!group) throw new NotFoundException(`Story group ${id} not found`);
    return group;
  }

  private async regroup(
    manager: EntityManager,
    affected: CheckRow[],
    touchedGroups: TouchedGroups,
  ): Promise<void> {
    const texts = await this.clippings.bodies(
      affected.map((r) => r.id),
      manager,
    );
    const bodyOf = new Map(texts.map((t) => [t.id, t.body]));
    const changed = affected.filter(
      (r) =>
        r.checkVersion === null ||
        r.bodyKey !== bodyKey(bodyOf.get(r.id) ?? '') ||
        r.previousPartId !== r.checkPreviousPartId ||
        r.nextPartId !== r.checkNextPartId,
    );
    const checks = affected.map((r) => ({
      clippingId: r.id,
      version: r.version,
      bodyKey: bodyKey(bodyOf.get(r.id) ?? ''),
      previousPartId: r.previousPartId,
      nextPartId: r.nextPartId,
    }));
    if (changed.length === 0) {
      await this.groups.saveChecks(checks, manager);
      return;
    }
    const stale = changed.filter((r) => r.indexVersion !== r.version);
    const readNow = new Map(texts.map((t) => [t.id, t]));
    const indexRows = (fresh: boolean) =>
      stale
        .filter((r) => (r.indexVersion === null) === fresh)
        .map((r) => readNow.get(r.id))
        .filter((r) => r !== undefined);
    const cache = new Map<number, StoryText>();
    // The checks, the same-story index entries (tables of their own) and the changed texts' chains (read
    // from the clippings) at once: one wait for the busy event loop instead of four, while the write
    // queue waits behind this transaction.
    await atOnce(
      manager,
      () => this.groups.saveChecks(checks, manager),
      () => this.stories.indexTexts(manager, indexRows(true), true),
      () => this.stories.indexTexts(manager, indexRows(false), false),
      () =>
        this.load(
          changed.map((r) => r.id),
          manager,
          cache,
        ),
    );

    const units = new Map<number, StoryText>();
    for (const r of changed) {
      const unit = await this.textOf(r.id, manager, cache);
      if (unit) units.set(unit.lead, unit);
    }
    const ids = [...new Set([...changed.map((r) => r.id), ...units.keys()])];
    const current = new Map((await this.groups.members(ids, manager)).map((m) => [m.clippingId, m]));
    const leaving: number[] = [];
    for (const m of current.values()) {
      const unit = units.get(m.clippingId);
      if (unit && unit.key === m.textKey) {
        units.delete(m.clippingId);
        continue;
      }
      leaving.push(m.clippingId);
      touchedGroups.leave(m.groupId, m.clippingId);
    }
    await this.groups.removeMembers(leaving, manager);
    for (const unit of units.values()) await this.place(unit, manager, cache, touchedGroups);
  }

  /** Puts a text into the group of its best match, or a new proposed group with its ungrouped matches. */
  private async place(
    unit: StoryText,
    manager: EntityManager,
    cache: Map<number, StoryText>,
    touchedGroups: TouchedGroups,
  ): Promise<void> {
    if (unit.shingles.length < DEFAULT_MIN_SHINGLES) return;
    // Placed already by this write: an earlier text of the same write took it into its new group
    // (regroup took every text it places out of its group first, so no other membership can exist).
    if (touchedGroups.placed.has(unit.lead)) return;
    const own = new Set(unit.parts.map((p) => p.id));
    const candidateIds = new Set<number>();
    // Each part's candidates, and the pairs editors rejected with this text (read once: bounded by the
    // editors' rejections, not the group's size), at once.
    const [lists, rejected] = await atOnce(
      manager,
      () => atOnce(manager, ...unit.parts.map((part) => () => this.index.candidates(part.id, manager))),
      () => this.groups.rejectedWith(unit.key, manager),
    );
    for (const list of lists) {
      for (const c of list.slice(0, MAX_CANDIDATES)) {
        if (!own.has(c.id)) candidateIds.add(c.id);
      }
    }
    const matches = new Map<number, { text: StoryText; containment: number }>();
    await this.load([...candidateIds], manager, cache);
    for (const id of candidateIds) {
      const other = await this.textOf(id, manager, cache);
      if (!other || other.lead === unit.lead || matches.has(other.lead)) continue;
      const result = compareStories(unit.shingles, other.shingles);
      if (result.sameStory) matches.set(other.lead, { text: other, containment: result.containment });
    }
    if (matches.size === 0) return;
    const accepted = [...matches.values()]
      .filter((m) => m.text.key === unit.key || !rejected.has(m.text.key))
      .sort((a, b) => b.containment - a.containment || a.text.lead - b.text.lead);
    if (accepted.length === 0) return;
    // Whether the matches are grouped, and whether an editor ever confirmed this text with others
    // (most texts never were), at once.
    const [memberRows, ownAnchor] = await atOnce(
      manager,
      () =>
        this.groups.members(
          accepted.map((m) => m.text.lead),
          manager,
        ),
      () => this.groups.anchors([unit.key], manager),
    );
    const memberships = new Map(memberRows.map((m) => [m.clippingId, m]));
    const anchored = ownAnchor.has(unit.key);
    const grouped = accepted.find((m) => memberships.has(m.text.lead));
    if (grouped) {
      const groupId = memberships.get(grouped.text.lead)!.groupId;
      // The group's other texts matter only when editors rejected a pair with this text or confirmed it
      // with others: without either (most new texts) a wire story's group of hundreds is not read.
      const others =
        rejected.size > 0 || anchored ? await this.groups.membersOfGroups([groupId], manager) : [];
      if (others.some((o) => o.textKey !== unit.key && rejected.has(o.textKey))) return;
      const together =
        anchored && (await this.confirmedTogether([unit.key, ...others.map((o) => o.textKey)], manager));
      await atOnce(
        manager,
        () =>
          this.groups.addMember(
            { clippingId: unit.lead, groupId, textKey: unit.key, containment: 1 },
            manager,
          ),
        () => this.groups.update(groupId, { status: together ? 'confirmed' : 'proposed' }, manager),
      );
      touchedGroups.join(groupId, unit.lead);
      return;
    }
    const together =
      anchored && (await this.confirmedTogether([unit.key, ...accepted.map((m) => m.text.key)], manager));
    const groupId = await this.groups.createGroup(together ? 'confirmed' : 'proposed', manager);
    await atOnce(
      manager,
      ...[unit, ...accepted.map((m) => m.text)].map(
        (t) => () =>
          this.groups.addMember({ clippingId: t.lead, groupId, textKey: t.key, containment: 1 }, manager),
      ),
    );
    touchedGroups.formed(groupId, [unit.lead, ...accepted.map((m) => m.text.lead)]);
  }

  /**
   * Whether these texts were confirmed together by an editor (in a group since gone, e.g. the page
   * re-filed with replace): such a group is formed again as confirmed, not proposed.
   */
  private async confirmedTogether(keys: readonly string[], manager: EntityManager): Promise<boolean> {
    // The new text first: one never confirmed (most are) settles it without reading the others'.
    const [first] = keys;
    if (first !== undefined && !(await this.groups.anchors([first], manager)).has(first)) return false;
    const anchors = await this.groups.anchors(keys, manager);
    return keys.every((k) => anchors.has(k)) && new Set(anchors.values()).size === 1;
  }

  /** Removes groups of fewer than two texts; sets the main text and containments of the touched ones. */
  private async mend(manager: EntityManager, touched: TouchedGroups, anyGone = false): Promise<void> {
    const { small, mainless } = await this.groups.groupsToMend(
      manager,
      anyGone ? null : [...touched.full, ...touched.joined.keys(), ...touched.left.keys()],
    );
    await this.groups.deleteGroups(small, manager);
    const gone = new Set(small);
    const full = new Set([...touched.full, ...mainless]);
    for (const id of new Set([...touched.joined.keys(), ...touched.left.keys()])) {
      if (gone.has(id) || full.has(id)) continue;
      const joined = touched.joined.get(id) ?? new Set<number>();
      const left = touched.left.get(id) ?? new Set<number>();
      if (!(await this.mendFromMain(id, joined, left, manager))) full.add(id);
    }
    for (const id of full) {
      if (!gone.has(id)) await this.recompute(id, manager);
    }
  }

  /**
   * Mends a group that only gained or lost texts, from its main text and the new texts alone: the
   * others' containments (against the main text) stand. False when the main text itself left, changed
   * or is outranked by a newcomer: then the whole group is recomputed.
   */
  private async mendFromMain(
    id: number,
    joined: ReadonlySet<number>,
    left: ReadonlySet<number>,
    manager: EntityManager,
  ): Promise<boolean> {
    const group = await this.groups.group(id, manager);
    if (!group) return true;
    const main = group.mainClippingId;
    if (main === null || left.has(main) || joined.has(main)) return false;
    if (joined.size === 0) return true;
    const texts = await this.texts([main, ...joined], manager);
    const mainText = texts.find((t) => t.lead === main);
    if (!mainText) return false;
    const chosen = chooseMain(
      texts.map((t) => ({ clippingId: t.lead, issueDate: t.parts[0]!.issueDate, textLength: t.text.length })),
      group.mainChosen ? main : null,
    );
    if (chosen !== main) return false;
    await this.groups.setContainments(
      texts
        .filter((t) => t.lead !== main)
        .map((t) => ({
          clippingId: t.lead,
          containment: round(compareStories(t.shingles, mainText.shingles).containment),
        })),
      manager,
    );
    return true;
  }

  private async recompute(id: number, manager: EntityManager): Promise<void> {
    const group = await this.groups.group(id, manager);
    if (!group) return;
    const members = await this.groups.membersOfGroups([id], manager);
    if (members.length < 2) {
      await this.groups.deleteGroups([id], manager);
      return;
    }
    const texts = await this.texts(
      members.map((m) => m.clippingId),
      manager,
    );
    const main = chooseMain(
      texts.map((t) => ({ clippingId: t.lead, issueDate: t.parts[0]!.issueDate, textLength: t.text.length })),
      group.mainChosen ? group.mainClippingId : null,
    );
    const mainText = texts.find((t) => t.lead === main);
    if (!mainText) return;
    await atOnce(
      manager,
      () =>
        this.groups.setContainments(
          texts.map((t) => ({
            clippingId: t.lead,
            containment:
              t.lead === main ? 1 : round(compareStories(t.shingles, mainText.shingles).containment),
          })),
          manager,
        ),
      async () => {
        if (main !== group.mainClippingId)
          await this.groups.update(id, { mainClippingId: main, mainChosen: false }, manager);
      },
    );
  }

  /** The text a clipping belongs to (its chain's parts together), or null when it is gone. */
  private async textOf(
    id: number,
    manager: EntityManager,
    cache: Map<number, StoryText>,
  ): Promise<StoryText | null> {
    const hit = cache.get(id);
    if (hit) return hit;
    const parts = await this.chains.chainOf(id, manager);
    return parts.length === 0 ? null : remember(parts, cache);
  }

  /** Reads the texts of these clippings into `cache` (one read for those standing alone). */
  private async load(
    ids: readonly number[],
    manager: EntityManager,
    cache: Map<number, StoryText>,
  ): Promise<void> {
    const chains = await this.chains.chainsOf(
      ids.filter((id) => !cache.has(id)),
      manager,
    );
    for (const parts of chains.values()) {
      if (!cache.has(parts[0]!.id)) remember(parts, cache);
    }
  }

  private async texts(leads: readonly number[], manager: EntityManager): Promise<StoryText[]> {
    const cache = new Map<number, StoryText>();
    await this.load(leads, manager, cache);
    const out: StoryText[] = [];
    for (const id of leads) {
      const t = await this.textOf(id, manager, cache);
      if (t) out.push(t);
    }
    return out;
  }

  private async viewOf(id: number, manager: EntityManager): Promise<StoryGroup> {
    const view = await this.viewOrNull(id, manager);
    if (!view) throw new ConflictException(`Story group ${id} no longer exists`);
    return view;
  }

  private async viewOrNull(id: number, manager: EntityManager): Promise<StoryGroup | null> {
    return (await this.views([id], manager))[0] ?? null;
  }

  private async views(ids: readonly number[], manager: EntityManager): Promise<StoryGroup[]> {
    const groups = await this.groups.groups(ids, manager);
    const members = await this.groups.membersOfGroups(ids, manager);
    const texts = new Map(
      (
        await this.texts(
          members.map((m) => m.clippingId),
          manager,
        )
      ).map((t) => [t.lead, t]),
    );
    return groups.map((g) =>
      this.view(
        g,
        members.filter((m) => m.groupId === g.id),
        [...texts.values()],
      ),
    );
  }

  private view(group: GroupRow, members: MemberRow[], texts: StoryText[]): StoryGroup {
    const byLead = new Map(texts.map((t) => [t.lead, t]));
    const out: StoryMember[] = [];
    for (const m of members) {
      const t = byLead.get(m.clippingId);
      if (!t) continue;
      const first = t.parts[0]!;
      out.push({
        clippingId: t.lead,
        partIds: t.parts.map((p) => p.id),
        publicationId: first.publicationId,
        publicationName: first.publicationName,
        issueDate: first.issueDate,
        pageLabels: t.parts.map((p) => p.pageLabel),
        title: first.title,
        excerpt: t.text.slice(0, EXCERPT_LENGTH),
        textLength: t.text.length,
        containment: m.containment,
        main: m.clippingId === group.mainClippingId,
      });
    }
    out.sort(
      (a, b) =>
        Number(b.main) - Number(a.main) ||
        a.issueDate.localeCompare(b.issueDate) ||
        a.clippingId - b.clippingId,
    );
    return {
      id: group.id,
      status: group.status,
      mainClippingId: group.mainClippingId ?? out[0]?.clippingId ?? 0,
      mainChosen: group.mainChosen,
      members: out,
      createdAt: group.createdAt,
      updatedAt: group.updatedAt,
    };
  }
}

/**
 * The clippings whose body or chain changed since grouping last saw them, and those it never saw when
 * a write created them (all of them when `created` is not given: the catch-up).
 */
function affectedBy(rows: CheckRow[], created?: ReadonlySet<number>): CheckRow[] {
  return rows.filter((r) =>
    r.checkVersion === null
      ? created === undefined || created.has(r.id)
      : r.checkVersion !== r.version ||
        r.previousPartId !== r.checkPreviousPartId ||
        r.nextPartId !== r.checkNextPartId,
  );
}
