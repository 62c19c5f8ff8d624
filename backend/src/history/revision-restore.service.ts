import type { Clipping, ClippingSnapshot } from '@jianbao/contracts';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { References } from '../catalog/references';
import type { ClippingEntity } from '../clippings/clipping.entity';
import { ClippingReader } from '../clippings/read/clipping-reader';
import { ClippingViewLoader } from '../clippings/read/clipping-view.loader';
import { RevisionReader } from '../clippings/read/revision-reader';
import { staleVersion } from '../clippings/stale-version';
import { ClippingStore } from '../clippings/store/clipping-store';
import type { ClippingWriter } from '../clippings/store/clipping-writer';
import type { Actor } from '../common/access';
import { authorOf } from '../common/author';
import { ChainEditor } from '../continuations/chain-editor';
import { ContinuationsService } from '../continuations/continuations.service';
import type { RestoreRevisionDto } from './dto/restore-revision.dto';

/**
 * Brings back an earlier revision of a clipping as a new version: its fields, tags and regions, and
 * its continuation links where the other part still exists and both slots are free (what could not
 * be put back is listed in the new revision's `detail.notRestored`).
 */
@Injectable()
export class RevisionRestoreService {
  constructor(
    private readonly revisions: RevisionReader,
    private readonly store: ClippingStore,
    private readonly reader: ClippingReader,
    private readonly references: References,
    private readonly continuations: ContinuationsService,
    private readonly chains: ChainEditor,
    private readonly views: ClippingViewLoader,
  ) {}

  restore(id: number, body: RestoreRevisionDto, actor: Actor | null): Promise<Clipping> {
    return this.store.write(authorOf(actor), 'restored', async (w) => {
      const current = await this.reader.find(id, w.manager);
      if (!current) throw new NotFoundException(`Clipping ${id} not found`);
      if (body.currentVersion !== current.version) throw staleVersion(await this.view(id, w.manager));
      const revision = await this.revisions.findByVersion(id, body.version, w.manager);
      if (!revision)
        throw new NotFoundException(`Clipping ${id} has no version ${body.version} in its history`);
      const snap = revision.snapshot;
      if (!(await this.references.publicationExists(snap.publicationId, w.manager))) {
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: `Cannot restore version ${body.version}: its publication ${snap.publicationId} no longer exists`,
          details: { publicationId: snap.publicationId },
        });
      }
      const notRestored = await w.restoreSnapshot(id, snap);
      const touched = await this.restoreLinks(current, snap, w, notRestored);
      await w.record([id], 'restored', {
        force: true,
        detail: { restoredVersion: body.version, ...(notRestored.length > 0 ? { notRestored } : {}) },
      });
      await w.record(touched.linked, 'linked', { detail: { restoredOn: id } });
      await w.record(touched.unlinked, 'unlinked', { detail: { restoredOn: id } });
      return this.view(id, w.manager);
    });
  }

  /**
   * Puts the snapshot's neighbours back: a link it did not have is cut; a link it had is made again
   * only where the other part exists and both slots are free. Answers the other parts linked and unlinked.
   */
  private async restoreLinks(
    before: ClippingEntity,
    snap: ClippingSnapshot,
    w: ClippingWriter,
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
        if (side === 'previous') await this.chains.unlink(w, have, before.id);
        else await this.chains.unlink(w, before.id, have);
        touched.unlinked.push(have);
        continue;
      }
      if (want === null) continue;
      const [headId, tailId] = side === 'previous' ? [want, before.id] : [before.id, want];
      const refused = await this.continuations.tryLink(w, headId, tailId, 'manual', {
        score: 1,
        reasons: ['restored from the history'],
      });
      if (refused) notes.push(`${side} part ${want} not re-linked: ${refused}`);
      else touched.linked.push(want);
    }
    return touched;
  }

  private async view(id: number, manager: EntityManager): Promise<Clipping> {
    const clipping = await this.views.loadOne(id, manager);
    if (!clipping) throw new NotFoundException(`Clipping ${id} not found`);
    return clipping;
  }
}
