import type { Clipping, ClippingSnapshot } from '@jianbao/contracts';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access';
import { ClippingViewLoader } from '../clippings/clipping-view.loader';
import { ClippingEntity } from '../clippings/clipping.entity';
import { staleVersion } from '../clippings/stale-version';
import { ChainEditor } from '../continuations/chain-editor';
import { ContinuationsService } from '../continuations/continuations.service';
import { TransactionRunner } from '../database/transaction-runner';
import { inList } from '../database/sql-values';
import type { RestoreRevisionDto } from './dto/restore-revision.dto';
import { HistoryRepository } from './history.repository';
import { HistoryService } from './history.service';
import { authorOf } from '../common/author';
import { pageSortKey } from '@jianbao/contracts';

/**
 * Brings back an earlier revision of a clipping as a new version: its fields, tags and regions, and
 * its continuation links where the other part still exists and both slots are free (what could not
 * be put back is listed in the new revision's `detail.notRestored`).
 */
@Injectable()
export class RevisionRestoreService {
  constructor(
    private readonly revisions: HistoryRepository,
    private readonly history: HistoryService,
    private readonly continuations: ContinuationsService,
    private readonly chains: ChainEditor,
    private readonly views: ClippingViewLoader,
    private readonly tx: TransactionRunner,
  ) {}

  restore(id: number, body: RestoreRevisionDto, actor: Actor | null): Promise<Clipping> {
    return this.tx.run(async (manager) => {
      const current = await manager.findOneBy(ClippingEntity, { id });
      if (!current) throw new NotFoundException(`Clipping ${id} not found`);
      if (body.currentVersion !== current.version) throw staleVersion(await this.view(id, manager));
      const revision = await this.revisions.findByVersion(id, body.version, manager);
      if (!revision)
        throw new NotFoundException(`Clipping ${id} has no version ${body.version} in its history`);
      const snap = revision.snapshot;
      const publication = (await manager.query(
        `SELECT id FROM publication WHERE id = ${inList(manager, 1)}`,
        [snap.publicationId],
      )) as unknown[];
      if (publication.length === 0) {
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: `Cannot restore version ${body.version}: its publication ${snap.publicationId} no longer exists`,
          details: { publicationId: snap.publicationId },
        });
      }
      const notRestored: string[] = [];
      await manager
        .createQueryBuilder()
        .update(ClippingEntity)
        .set({
          publicationId: snap.publicationId,
          issueDate: snap.issueDate,
          pageLabel: snap.pageLabel,
          pageSort: pageSortKey(snap.pageLabel),
          kind: snap.kind,
          kicker: snap.kicker,
          title: snap.title,
          subtitle: snap.subtitle,
          byline: snap.byline,
          dateline: snap.dateline,
          body: snap.body,
          subheads: snap.subheads,
          status: snap.status,
          continuesFrom: snap.continuesFrom,
          continuesTo: snap.continuesTo,
          version: () => 'version + 1',
        })
        .where('id = :id', { id })
        .execute();
      await this.restoreTags(id, snap, manager, notRestored);
      await this.restoreRegions(id, snap, manager, notRestored);
      const touched = await this.restoreLinks(current, snap, manager, notRestored);
      const author = authorOf(actor);
      await this.history.record(manager, [id], author, 'restored', {
        force: true,
        detail: { restoredVersion: body.version, ...(notRestored.length > 0 ? { notRestored } : {}) },
      });
      await this.history.record(manager, touched.linked, author, 'linked', { detail: { restoredOn: id } });
      await this.history.record(manager, touched.unlinked, author, 'unlinked', {
        detail: { restoredOn: id },
      });
      return this.view(id, manager);
    });
  }

  /** The tag set of the snapshot (with its sources), without tags deleted since. */
  private async restoreTags(
    id: number,
    snap: ClippingSnapshot,
    manager: EntityManager,
    notes: string[],
  ): Promise<void> {
    await manager.query(`DELETE FROM clipping_tag WHERE clipping_id = ${inList(manager, 1)}`, [id]);
    const ids = snap.tags.map((t) => t.id);
    const alive = await this.existingIds('tag', 'id', ids, manager);
    for (const tag of snap.tags) {
      if (!alive.has(String(tag.id))) {
        notes.push(`tag ${tag.name} no longer exists`);
        continue;
      }
      await manager.query(
        `INSERT INTO clipping_tag (clipping_id, tag_id, source) VALUES (${inList(manager, 3)})`,
        [id, tag.id, tag.source],
      );
    }
  }

  /** The region set of the snapshot (with its sources). */
  private async restoreRegions(
    id: number,
    snap: ClippingSnapshot,
    manager: EntityManager,
    notes: string[],
  ): Promise<void> {
    await manager.query(`DELETE FROM clipping_region WHERE clipping_id = ${inList(manager, 1)}`, [id]);
    const codes = snap.regions.map((r) => r.code);
    const rows =
      codes.length === 0
        ? []
        : ((await manager.query(
            `SELECT id, code FROM region WHERE code IN (${inList(manager, codes.length)})`,
            codes,
          )) as {
            id: number;
            code: string;
          }[]);
    const byCode = new Map(rows.map((r) => [r.code, Number(r.id)]));
    for (const region of snap.regions) {
      const regionId = byCode.get(region.code);
      if (regionId === undefined) {
        notes.push(`region ${region.name} no longer exists`);
        continue;
      }
      await manager.query(
        `INSERT INTO clipping_region (clipping_id, region_id, source) VALUES (${inList(manager, 3)})`,
        [id, regionId, region.source],
      );
    }
  }

  /**
   * Puts the snapshot's neighbours back: a link it did not have is cut; a link it had is made again
   * only where the other part exists and both slots are free. Answers the other parts linked and unlinked.
   */
  private async restoreLinks(
    before: ClippingEntity,
    snap: ClippingSnapshot,
    manager: EntityManager,
    notes: string[],
  ): Promise<{ linked: number[]; unlinked: number[] }> {
    const touched = { linked: [] as number[], unlinked: [] as number[] };
    const sides = [
      { have: before.previousPartId, want: snap.previousPartId, side: 'previous' as const },
      { have: before.nextPartId, want: snap.nextPartId, side: 'next' as const },
    ];
    for (const { have, want, side } of sides) {
      if (have === want) continue;
      if (have !== null) {
        if (want !== null) {
          notes.push(`${side} part: now ${have}, was ${want}; left as it is`);
          continue;
        }
        if (side === 'previous') await this.chains.unlink(have, before.id, manager);
        else await this.chains.unlink(before.id, have, manager);
        touched.unlinked.push(have);
        continue;
      }
      if (want === null) continue;
      const [headId, tailId] = side === 'previous' ? [want, before.id] : [before.id, want];
      const refused = await this.continuations.tryLink(manager, headId, tailId, 'manual', {
        score: 1,
        reasons: ['restored from the history'],
      });
      if (refused) notes.push(`${side} part ${want} not re-linked: ${refused}`);
      else touched.linked.push(want);
    }
    return touched;
  }

  private async existingIds(
    table: string,
    column: string,
    ids: unknown[],
    manager: EntityManager,
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = (await manager.query(
      `SELECT ${column} AS k FROM ${table} WHERE ${column} IN (${inList(manager, ids.length)})`,
      ids,
    )) as { k: unknown }[];
    return new Set(rows.map((r) => String(r.k)));
  }

  private async view(id: number, manager: EntityManager): Promise<Clipping> {
    const clipping = await this.views.loadOne(id, manager);
    if (!clipping) throw new NotFoundException(`Clipping ${id} not found`);
    return clipping;
  }
}
