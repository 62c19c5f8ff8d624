import type { ClippingRevision } from '@jianbao/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { ClippingReader } from '../clippings/read/clipping-reader';
import { RevisionReader } from '../clippings/read/revision-reader';
import type { RevisionRow } from '../clippings/revisions/revisions.repository';

/** A clipping's history as the API shows it (the clipping store records it). */
@Injectable()
export class HistoryService {
  constructor(
    private readonly revisions: RevisionReader,
    private readonly reader: ClippingReader,
  ) {}

  /** A clipping's history, newest first; a trashed clipping's history only with `trashedToo` (admins), else 404. */
  async list(clippingId: number, trashedToo: boolean): Promise<ClippingRevision[]> {
    const live = (await this.reader.existingIds([clippingId])).size > 0;
    const rows = live || trashedToo ? await this.revisions.list(clippingId) : [];
    if (!live && rows.length === 0) throw new NotFoundException(`Clipping ${clippingId} not found`);
    return rows.map(mapRevision);
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
