import { assignmentMargins, maxWeightAssignment } from './assignment';
import { GroupCorpus, WEIGHTS, pairEvidence, profile, type PartProfile } from './evidence';
import { markerCompatibility } from './page-refs';
import type { ContinuationDecision, MarkerAgreement, MatchOptions, PartId, PartSummary } from './types';

/**
 * Default thresholds. A link needs both markers to agree, a score ≥ 0.75 (log-odds ≥ 1.1: markers
 * agreeing and no contrary evidence) and a margin ≥ 1.5 log-odds over the best alternative assignment
 * (the alternative is at least e^1.5 ≈ 4.5 times less likely). Everything else is only proposed.
 */
export const DEFAULT_MATCH_OPTIONS: Required<MatchOptions> = {
  linkMinScore: 0.75,
  linkMinMargin: 1.5,
  proposeMinScore: 0.05,
  maxCandidatesPerTail: 3,
};

/** Shift applied to log-odds to make assignment weights positive ("any pair beats no pair"). */
const WEIGHT_SHIFT = 8;

interface Candidate {
  head: PartProfile;
  tail: PartProfile;
  logit: number;
  reasons: string[];
  markers: MarkerAgreement;
}

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * Pairs continued heads with their tails. `heads` are parts that may be continued elsewhere (normally
 * those with a `continuesTo` marker), `tails` parts that may continue another (normally those with
 * `continuesFrom`); a middle part of a 3-page article belongs in both lists.
 *
 * Hard rules (never overridden): same publication and issue date; a printed marker must name the other
 * part's page; letters printed on both markers must be equal; at least one marker. Within those, the
 * pairs are scored by evidence (repeated headline, the seam of the sentence, shared rare n-grams),
 * assigned one-to-one (Hungarian), and only an assigned pair with both markers, a high score and a
 * clear margin over the next best assignment is `link`; the others are `propose`.
 *
 * Deterministic: the result depends only on the inputs (ties are broken by input order).
 */
export function matchContinuations(
  heads: readonly PartSummary[],
  tails: readonly PartSummary[],
  opts: MatchOptions = {},
): ContinuationDecision[] {
  const o = { ...DEFAULT_MATCH_OPTIONS, ...opts };
  const groups = new Map<string, { heads: PartSummary[]; tails: PartSummary[] }>();
  const keyOf = (p: PartSummary) => `${String(p.publicationId)}\u0000${p.issueDate}`;
  for (const h of dedupe(heads)) {
    const g = groups.get(keyOf(h)) ?? { heads: [], tails: [] };
    g.heads.push(h);
    groups.set(keyOf(h), g);
  }
  for (const t of dedupe(tails)) {
    const g = groups.get(keyOf(t));
    if (g) g.tails.push(t); // tails without any head in their issue have nothing to match
  }
  const out: ContinuationDecision[] = [];
  const keys = [...groups.keys()].sort();
  for (const k of keys) {
    const g = groups.get(k)!;
    // Canonical order, so that the result does not depend on the order the pages were filed in.
    if (g.tails.length > 0) out.push(...matchGroup(g.heads.sort(byId), g.tails.sort(byId), o));
  }
  return out;
}

function idKey(id: PartId): string {
  return typeof id === 'number' ? `n:${String(id).padStart(20, '0')}` : `s:${id}`;
}

function byId(a: PartSummary, b: PartSummary): number {
  const x = idKey(a.id);
  const y = idKey(b.id);
  return x < y ? -1 : x > y ? 1 : 0;
}

function dedupe(parts: readonly PartSummary[]): PartSummary[] {
  const seen = new Set<string>();
  const out: PartSummary[] = [];
  for (const p of parts) {
    const k = `${typeof p.id}:${String(p.id)}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(p);
    }
  }
  return out;
}

function matchGroup(
  heads: PartSummary[],
  tails: PartSummary[],
  o: Required<MatchOptions>,
): ContinuationDecision[] {
  const profiles = new Map<PartId, PartProfile>();
  for (const p of [...heads, ...tails]) if (!profiles.has(p.id)) profiles.set(p.id, profile(p));
  const corpus = new GroupCorpus([...profiles.values()]);

  // Candidate matrix: rows = tails, columns = heads.
  const cands: (Candidate | null)[][] = tails.map((t) =>
    heads.map((h) => {
      const compat = markerCompatibility(h, t);
      if (!compat.ok) return null;
      const hp = profiles.get(h.id)!;
      const tp = profiles.get(t.id)!;
      const ev = pairEvidence(hp, tp, corpus);
      let logit = ev.logit + (compat.markers === 'agree' ? WEIGHTS.markersAgree : WEIGHTS.markersOneSided);
      if (compat.labelsAgree) logit += WEIGHTS.labelsAgree;
      if (logistic(logit) < o.proposeMinScore) return null;
      return {
        head: hp,
        tail: tp,
        logit,
        reasons: [...compat.reasons, ...ev.reasons],
        markers: compat.markers,
      };
    }),
  );

  // A tail whose 上接 agrees with a head's printed 下转 is that head's (or another agreeing head's): a head
  // that printed no marker stays a proposal for it, and weighs less in the assignment (a photo caption of
  // the same story shares its words with the tail, but did not say 下转).
  for (const row of cands) {
    if (!row.some((c) => c?.markers === 'agree')) continue;
    for (const c of row) {
      if (c?.markers !== 'one-sided') continue;
      c.logit += WEIGHTS.oneSidedBesideAgreeing;
      c.reasons.push('a head whose marker agrees is on that page');
    }
  }
  const weights = cands.map((row) => row.map((c) => (c ? Math.max(0.01, c.logit + WEIGHT_SHIFT) : 0)));
  const assignment = maxWeightAssignment(weights);
  const margins = assignmentMargins(weights, assignment);

  const out: ContinuationDecision[] = [];
  tails.forEach((_, ti) => {
    const row = cands[ti]!;
    const chosen = assignment[ti]!;
    const order = row
      .map((c, hi) => ({ c, hi }))
      .filter((x): x is { c: Candidate; hi: number } => x.c !== null)
      .sort(
        (a, b) => Number(b.hi === chosen) - Number(a.hi === chosen) || b.c.logit - a.c.logit || a.hi - b.hi,
      )
      .slice(0, o.maxCandidatesPerTail);
    order.forEach(({ c, hi }, idx) => {
      const assigned = hi === chosen;
      const score = logistic(c.logit);
      const margin = assigned ? margins[ti]! : 0;
      const link = assigned && c.markers === 'agree' && score >= o.linkMinScore && margin >= o.linkMinMargin;
      const reasons = [...c.reasons];
      if (assigned && !link) {
        if (c.markers !== 'agree') reasons.push('proposed only: a marker is missing');
        if (score < o.linkMinScore) reasons.push('proposed only: weak evidence');
        if (margin < o.linkMinMargin)
          reasons.push(`proposed only: a close alternative exists (margin ${margin.toFixed(2)})`);
      }
      if (!assigned) reasons.push('alternative: another pairing was preferred');
      out.push({
        headId: c.head.part.id,
        tailId: c.tail.part.id,
        score: round4(score),
        reasons,
        decision: link ? 'link' : 'propose',
        rank: idx + 1,
        margin: round4(margin),
        markers: c.markers,
      });
    });
  });
  return out;
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
