import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type CurrentState, type RevisionRow, RevisionsRepository } from '../revisions/revisions.repository';

/** The history of clippings as other features read it (the clipping store alone writes it). */
@Injectable()
export class RevisionReader {
  constructor(private readonly repo: RevisionsRepository) {}

  /** A clipping's revisions, newest first. */
  list(clippingId: number, manager?: EntityManager): Promise<RevisionRow[]> {
    return this.repo.list(clippingId, manager);
  }

  /** The revisions of each of these clippings, oldest first; clippings without any are absent. */
  listFor(ids: number[], manager: EntityManager): Promise<Map<number, RevisionRow[]>> {
    return this.repo.listFor(ids, manager);
  }

  /** The revision of a clipping at `version`. */
  findByVersion(clippingId: number, version: number, manager: EntityManager): Promise<RevisionRow | null> {
    return this.repo.findByVersion(clippingId, version, manager);
  }

  /** Each clipping's recordable state now (its snapshot) and version. */
  currentStates(ids: number[], manager: EntityManager): Promise<Map<number, CurrentState>> {
    return this.repo.currentStates(ids, manager);
  }
}
