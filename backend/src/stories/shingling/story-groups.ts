/** Story groups: which text is the main one, and how a rejected pair is remembered. Pure. */

/** What picks a group's main text. */
export interface MainCandidate {
  clippingId: number;
  issueDate: string;
  textLength: number;
}

/** The default main text: the earliest issue date, then the longest text, then the lowest id. */
export function defaultMain(members: readonly MainCandidate[]): number | null {
  let best: MainCandidate | null = null;
  for (const m of members) {
    if (
      best === null ||
      m.issueDate < best.issueDate ||
      (m.issueDate === best.issueDate &&
        (m.textLength > best.textLength ||
          (m.textLength === best.textLength && m.clippingId < best.clippingId)))
    ) {
      best = m;
    }
  }
  return best?.clippingId ?? null;
}

/** The main text: the editor's choice while it is still a member, else {@link defaultMain}. */
export function chooseMain(members: readonly MainCandidate[], chosen: number | null): number | null {
  if (chosen !== null && members.some((m) => m.clippingId === chosen)) return chosen;
  return defaultMain(members);
}

/** A pair of text keys in a fixed order, so that (a, b) and (b, a) are one rejection. */
export function orderedPair(a: string, b: string): [string, string] {
  return a <= b ? [a, b] : [b, a];
}

/** Every pair between `left` and `right` (distinct keys only), ordered and de-duplicated. */
export function pairsBetween(left: readonly string[], right: readonly string[]): [string, string][] {
  const out = new Map<string, [string, string]>();
  for (const a of left) {
    for (const b of right) {
      if (a === b) continue;
      const pair = orderedPair(a, b);
      out.set(`${pair[0]}|${pair[1]}`, pair);
    }
  }
  return [...out.values()];
}

/** Every pair within `keys`. */
export function pairsWithin(keys: readonly string[]): [string, string][] {
  return pairsBetween(keys, keys);
}
