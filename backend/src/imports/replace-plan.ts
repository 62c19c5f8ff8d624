/**
 * What replacing an earlier filing of a page does with each of its clippings, decided without a
 * database. A clipping nobody touched since filing goes to the trash. One carrying work: with
 * `carry-over`, its work moves onto the new clipping it matches (and it goes to the trash), or it is
 * kept when nothing matches; with `keep`, it is kept, and the new clipping it matches is not filed
 * (that would be the silent duplicate). Pure.
 */
import type { ReplaceMode } from '@jianbao/contracts';
import { type MatchSide, matchOneToOne, type MatchedBy } from '../clippings/clipping-match';

/** An earlier clipping as the plan needs it. */
export interface PlanClipping extends MatchSide {
  id: number;
  worked: boolean;
}

export interface ReplaceDecision {
  /** Earlier clippings to the trash. */
  trash: number[];
  /** Work to carry: from the earlier clipping onto the new one at `index` of the drafts. */
  carry: { fromId: number; index: number }[];
  kept: { clippingId: number; reason: 'keep' | 'no-match' }[];
  /** Indexes of drafts not to file (they match a kept clipping). */
  skip: Set<number>;
  /** Every earlier clipping's match among the drafts, if any. */
  matches: Map<number, { index: number; by: MatchedBy }>;
}

export function decideReplace(
  earlier: readonly PlanClipping[],
  drafts: readonly MatchSide[],
  mode: ReplaceMode,
): ReplaceDecision {
  const byPosition = matchOneToOne(earlier, drafts);
  const matches = new Map([...byPosition].map(([i, m]) => [earlier[i]?.id ?? -1, m]));
  const out: ReplaceDecision = { trash: [], carry: [], kept: [], skip: new Set(), matches };
  for (const e of earlier) {
    const match = matches.get(e.id);
    if (!e.worked) out.trash.push(e.id);
    else if (mode === 'keep') {
      out.kept.push({ clippingId: e.id, reason: 'keep' });
      if (match) out.skip.add(match.index);
    } else if (match) {
      out.carry.push({ fromId: e.id, index: match.index });
      out.trash.push(e.id);
    } else out.kept.push({ clippingId: e.id, reason: 'no-match' });
  }
  return out;
}
