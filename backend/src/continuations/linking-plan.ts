import type { ClippingKind, JumpRef } from '@jianbao/contracts';
import { type ChainLink, type ContinuationDecision, type PartSummary, canAddLink } from './matching';
import { normalizePageLabel } from '@jianbao/contracts';

/** One clipping of an issue as the linking rule sees it (no Nest or TypeORM types). */
export interface IssuePart {
  id: number;
  publicationId: number;
  issueDate: string;
  pageLabel: string;
  kind: ClippingKind;
  title: string | null;
  kicker: string | null;
  body: string;
  continuesFrom: JumpRef | null;
  continuesTo: JumpRef | null;
  previousPartId: number | null;
  nextPartId: number | null;
}

/** A part without its texts: enough to pick the candidates and see the links already made. */
export type IssuePartLinks = Omit<IssuePart, 'title' | 'kicker' | 'body'>;

/** What the rule will do in one issue. */
export interface LinkPlan {
  links: ContinuationDecision[];
  proposals: ContinuationDecision[];
}

/** `head→tail`, the key of a pair. */
export const pairKey = (headId: number | string, tailId: number | string): string =>
  `${String(headId)}→${String(tailId)}`;

/** The matcher's view of a part: its page label normalised like a JumpRef page (`第二版` → `2`). */
export function toPartSummary(part: IssuePart): PartSummary {
  return {
    id: part.id,
    publicationId: part.publicationId,
    issueDate: part.issueDate,
    pageLabel: normalizePageLabel(part.pageLabel) ?? part.pageLabel,
    title: part.title,
    kicker: part.kicker,
    body: part.body,
    continuesFrom: part.continuesFrom,
    continuesTo: part.continuesTo,
  };
}

/**
 * The parts of one issue the rule may still pair. Heads: no next part yet, and either a `下转` marker
 * or (an article with) no marker at all, which can only ever be proposed. Tails: no previous part yet
 * and an `上接` marker. A middle part of a three-page article can be both.
 */
export function linkCandidates<P extends IssuePartLinks>(parts: readonly P[]): { heads: P[]; tails: P[] } {
  const heads = parts.filter(
    (p) =>
      p.nextPartId === null && (p.continuesTo !== null || (p.continuesFrom === null && p.kind === 'article')),
  );
  const tails = parts.filter((p) => p.previousPartId === null && p.continuesFrom !== null);
  return { heads, tails };
}

/** The links already made in an issue, from the parts' next pointers. */
export function existingLinks(parts: readonly Pick<IssuePart, 'id' | 'nextPartId'>[]): ChainLink[] {
  return parts
    .filter((p) => p.nextPartId !== null)
    .map((p) => ({ headId: p.id, tailId: p.nextPartId as number }));
}

/**
 * Which of the matcher's decisions the rule applies. A rejected pair is dropped. A `link` is made only
 * when both parts are still free and the chain stays valid (else it is only proposed); the best first
 * when two compete. Proposals are kept only between parts no link of this plan took.
 */
export function planLinks(
  decisions: readonly ContinuationDecision[],
  rejected: ReadonlySet<string>,
  existing: readonly ChainLink[],
): LinkPlan {
  const open = decisions.filter((d) => !rejected.has(pairKey(d.headId, d.tailId)));
  const chain: ChainLink[] = [...existing];
  const links: ContinuationDecision[] = [];
  const downgraded: ContinuationDecision[] = [];
  const candidates = open
    .filter((d) => d.decision === 'link')
    .sort((a, b) => b.score - a.score || String(a.tailId).localeCompare(String(b.tailId)));
  for (const d of candidates) {
    const issue = canAddLink(chain, { headId: d.headId, tailId: d.tailId });
    if (issue) {
      downgraded.push({
        ...d,
        decision: 'propose',
        reasons: [...d.reasons, `proposed only: ${issue.message}`],
      });
      continue;
    }
    chain.push({ headId: d.headId, tailId: d.tailId });
    links.push(d);
  }
  const linkedHeads = new Set(links.map((d) => String(d.headId)));
  const linkedTails = new Set(links.map((d) => String(d.tailId)));
  const proposals = [...open.filter((d) => d.decision === 'propose'), ...downgraded].filter(
    (d) => !linkedHeads.has(String(d.headId)) && !linkedTails.has(String(d.tailId)),
  );
  return { links, proposals };
}
