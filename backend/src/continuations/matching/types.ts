import type { JumpRef } from '@jianbao/contracts';

/** Identifier of a clipping part (database id or any stable key). */
export type PartId = string | number;

/** What the matcher needs to know about one clipping part (a head, a middle or a tail). */
export interface PartSummary {
  id: PartId;
  publicationId: string | number;
  /** ISO date `YYYY-MM-DD`. */
  issueDate: string;
  /** Page the part is printed on, normalised like JumpRef.page: `1`, `2`, `A3`. */
  pageLabel: string;
  title: string | null;
  kicker: string | null;
  /** Body text; a leading `（上接…）` or trailing `（下转…）` marker may or may not still be in it. */
  body: string;
  /** Marker at the start of the part (`（上接第一版）`), else null. */
  continuesFrom: JumpRef | null;
  /** Marker at the end of the part (`（下转第二版）`), else null. */
  continuesTo: JumpRef | null;
}

/** How the two jump markers of a candidate pair relate. */
export type MarkerAgreement =
  /** Both printed and consistent: head's 下转 names the tail's page and the tail's 上接 the head's page. */
  | 'agree'
  /** Only one side printed a marker, and it is consistent with the other side's page. Never auto-linked. */
  | 'one-sided';

export interface ContinuationDecision {
  headId: PartId;
  tailId: PartId;
  /** Confidence that the tail continues the head, 0..1 (logistic of the evidence sum). */
  score: number;
  /** Human-readable evidence, strongest first. */
  reasons: string[];
  decision: 'link' | 'propose';
  /** 1 for the candidate chosen for this tail by the one-to-one assignment, then 2, 3… by score. */
  rank: number;
  /**
   * How much worse (in evidence units, log-odds) the best one-to-one assignment becomes when this
   * pair is forbidden. Small margins mean a close alternative exists; 0 for pairs not assigned.
   */
  margin: number;
  markers: MarkerAgreement;
}

export interface MatchOptions {
  /** Minimum score for an automatic link (default 0.75). */
  linkMinScore?: number;
  /** Minimum assignment margin in log-odds for an automatic link (default 1.5). */
  linkMinMargin?: number;
  /** Candidates below this score are dropped altogether (default 0.05). */
  proposeMinScore?: number;
  /** At most this many decisions per tail, best first (default 3). */
  maxCandidatesPerTail?: number;
}

/** A decided link between consecutive parts, as stored. */
export interface ChainLink {
  headId: PartId;
  tailId: PartId;
  /** Optional: when links conflict, buildChains keeps the higher-scored one. */
  score?: number;
}
