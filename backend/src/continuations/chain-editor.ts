import type { LinkSource } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import type { ClippingWriter } from '../clippings/store/clipping-writer';
import { ContinuationsRepository } from './continuations.repository';

/** Evidence stored with a link. */
export interface LinkEvidence {
  score: number;
  reasons: string[];
}

/**
 * Links and cuts continued parts: the chain itself (neighbours, article id) through the clipping
 * writer, and the pair's suggestion row, which records whether it is linked or was cut by a person.
 */
@Injectable()
export class ChainEditor {
  constructor(private readonly repo: ContinuationsRepository) {}

  /** Links `headId → tailId` (both must be free on that side: callers check) and records the pair as linked. */
  async link(
    w: ClippingWriter,
    headId: number,
    tailId: number,
    source: LinkSource,
    evidence: LinkEvidence,
  ): Promise<number> {
    await w.linkParts(headId, tailId);
    return this.repo.upsertPair({ headId, tailId, ...evidence, status: 'linked', source }, w.manager);
  }

  /** Cuts `headId → tailId` (if linked) and records the pair as rejected by a person, so the rule leaves it. */
  async unlink(w: ClippingWriter, headId: number, tailId: number): Promise<void> {
    await w.unlinkParts(headId, tailId);
    const pair = await this.repo.findPair(headId, tailId, w.manager);
    if (pair) await this.repo.setStatus(pair.id, 'rejected', 'manual', w.manager);
    else {
      await this.repo.upsertPair(
        { headId, tailId, score: 0, reasons: ['unlinked by hand'], status: 'rejected', source: 'manual' },
        w.manager,
      );
    }
  }
}
