import { markerCompatibility, normalisePageLabel, resolveMarkerPage } from './page-refs';
import type { ChainLink, PartId, PartSummary } from './types';

export type ChainIssueKind =
  'self-link' | 'two-next' | 'two-previous' | 'cycle' | 'duplicate-part' | 'marker-mismatch' | 'too-short';

export interface ChainIssue {
  kind: ChainIssueKind;
  message: string;
  /** The link or part the issue is about. */
  headId?: PartId;
  tailId?: PartId;
  partId?: PartId;
}

export interface ChainsResult {
  /** Each chain from its first part (the head on the earliest page) to its last, length ≥ 2. */
  chains: PartId[][];
  /** Links left out because they would break a rule (with the reason). */
  rejected: { link: ChainLink; issue: ChainIssue }[];
}

const key = (id: PartId): string => `${typeof id}:${String(id)}`;

/**
 * Orders links into chains (head → middle → … → tail). A part has at most one next and one previous
 * part, so it lies in at most one chain, and chains never loop. Links are taken by descending score
 * (input order for equal or missing scores); a link that would give a part a second next/previous part
 * or close a cycle is rejected and reported, never silently merged.
 */
export function buildChains(links: readonly ChainLink[]): ChainsResult {
  const order = links
    .map((l, i) => ({ l, i }))
    .sort((a, b) => (b.l.score ?? 0) - (a.l.score ?? 0) || a.i - b.i);
  const next = new Map<string, PartId>();
  const prev = new Map<string, PartId>();
  const ids = new Map<string, PartId>();
  const rejected: ChainsResult['rejected'] = [];
  for (const { l } of order) {
    const h = key(l.headId);
    const t = key(l.tailId);
    const issue = linkIssue(l, next, prev);
    if (issue) {
      rejected.push({ link: l, issue });
      continue;
    }
    next.set(h, l.tailId);
    prev.set(t, l.headId);
    ids.set(h, l.headId);
    ids.set(t, l.tailId);
  }
  const chains: PartId[][] = [];
  const starts = [...ids.keys()].filter((k) => !prev.has(k));
  // Order chains by the input position of their first link, for determinism.
  const firstSeen = new Map<string, number>();
  links.forEach((l, i) => {
    for (const k of [key(l.headId), key(l.tailId)]) if (!firstSeen.has(k)) firstSeen.set(k, i);
  });
  starts.sort((a, b) => firstSeen.get(a)! - firstSeen.get(b)!);
  for (const s of starts) {
    const chain: PartId[] = [ids.get(s)!];
    let cur = s;
    while (next.has(cur)) {
      const n = next.get(cur)!;
      chain.push(n);
      cur = key(n);
    }
    chains.push(chain);
  }
  return { chains, rejected };
}

function linkIssue(l: ChainLink, next: Map<string, PartId>, prev: Map<string, PartId>): ChainIssue | null {
  const h = key(l.headId);
  const t = key(l.tailId);
  if (h === t)
    return {
      kind: 'self-link',
      message: `part ${String(l.headId)} cannot continue itself`,
      headId: l.headId,
      tailId: l.tailId,
    };
  if (next.has(h)) {
    return {
      kind: 'two-next',
      message: `part ${String(l.headId)} already continues in ${String(next.get(h))}`,
      headId: l.headId,
      tailId: l.tailId,
    };
  }
  if (prev.has(t)) {
    return {
      kind: 'two-previous',
      message: `part ${String(l.tailId)} already continues ${String(prev.get(t))}`,
      headId: l.headId,
      tailId: l.tailId,
    };
  }
  // A cycle would appear if walking forward from the tail reaches the head.
  let cur: string | undefined = t;
  const guard = new Set<string>();
  while (cur !== undefined && !guard.has(cur)) {
    if (cur === h)
      return {
        kind: 'cycle',
        message: `linking ${String(l.headId)} → ${String(l.tailId)} would close a cycle`,
        headId: l.headId,
        tailId: l.tailId,
      };
    guard.add(cur);
    const n = next.get(cur);
    cur = n === undefined ? undefined : key(n);
  }
  return null;
}

/** Problems of a whole set of links (empty when buildChains would accept all of them). */
export function validateLinks(links: readonly ChainLink[]): ChainIssue[] {
  const next = new Map<string, PartId>();
  const prev = new Map<string, PartId>();
  const issues: ChainIssue[] = [];
  for (const l of links) {
    const issue = linkIssue(l, next, prev);
    if (issue) {
      issues.push(issue);
      continue;
    }
    next.set(key(l.headId), l.tailId);
    prev.set(key(l.tailId), l.headId);
  }
  return issues;
}

/** Whether `link` can be added to `existing` without breaking a chain rule (for manual linking). */
export function canAddLink(existing: readonly ChainLink[], link: ChainLink): ChainIssue | null {
  const next = new Map<string, PartId>();
  const prev = new Map<string, PartId>();
  for (const l of existing) {
    next.set(key(l.headId), l.tailId);
    prev.set(key(l.tailId), l.headId);
  }
  return linkIssue(link, next, prev);
}

/**
 * Checks one ordered chain of parts: at least two parts, no part twice, and every consecutive pair
 * allowed by the markers (same publication and date, printed pages and letters consistent).
 * Editors may link parts without markers by hand, so a missing marker is not an issue; a printed
 * marker that names another page is.
 */
export function validateChain(parts: readonly PartSummary[]): ChainIssue[] {
  const issues: ChainIssue[] = [];
  if (parts.length < 2) issues.push({ kind: 'too-short', message: 'a chain needs at least two parts' });
  const seen = new Set<string>();
  for (const p of parts) {
    if (seen.has(key(p.id)))
      issues.push({ kind: 'duplicate-part', message: `part ${String(p.id)} appears twice`, partId: p.id });
    seen.add(key(p.id));
  }
  for (let i = 0; i + 1 < parts.length; i++) {
    const h = parts[i]!;
    const t = parts[i + 1]!;
    if (h.id === t.id) continue;
    const c = markerCompatibility(h, t);
    if (!c.ok && c.why !== 'no jump marker on either part') {
      issues.push({
        kind: 'marker-mismatch',
        message: `${String(h.id)} → ${String(t.id)}: ${c.why}`,
        headId: h.id,
        tailId: t.id,
      });
    }
  }
  return issues;
}

/** The page a part's `continuesTo` marker points at (normalised), or null. */
export function nextPageOf(part: PartSummary): string | null {
  return part.continuesTo
    ? resolveMarkerPage(part.continuesTo.page, normalisePageLabel(part.pageLabel))
    : null;
}
