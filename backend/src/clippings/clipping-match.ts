/**
 * When two clippings are "the same clipping" of a page: the same body, or else the same title, compared
 * without whitespace and with full/half-width forms folded (NFKC). Re-filing a page and restoring a
 * replaced clipping both use this one rule. Pure.
 */

/** The text as compared: NFKC-folded, every whitespace character (full-width space included) removed. */
export function compactText(text: string | null | undefined): string {
  return (text ?? '').normalize('NFKC').replace(/\s+/gu, '');
}

/** What a clipping is recognised by: its body and title, possibly in several versions (as filed, as now). */
export interface MatchSide {
  bodies: readonly string[];
  titles: readonly (string | null)[];
}

export type MatchedBy = 'body' | 'title';

/** How `a` and `b` are the same clipping: by body first, else by a non-empty title; null when they are not. */
export function sameClipping(a: MatchSide, b: MatchSide): MatchedBy | null {
  if (overlaps(a.bodies, b.bodies)) return 'body';
  if (overlaps(a.titles, b.titles)) return 'title';
  return null;
}

/**
 * Pairs earlier clippings with new ones one to one: first every pair with the same body (earlier ones
 * in order, each taking the first free new one), then pairs with the same title where that title
 * names exactly one free clipping on each side (two briefs both titled `简讯` are left unpaired rather
 * than guessed). Answers, per index of `earlier`, the index in `fresh` and how they matched.
 */
export function matchOneToOne(
  earlier: readonly MatchSide[],
  fresh: readonly MatchSide[],
): Map<number, { index: number; by: MatchedBy }> {
  const out = new Map<number, { index: number; by: MatchedBy }>();
  const taken = new Set<number>();
  const freshBodies = fresh.map((f) => keys(f.bodies));
  earlier.forEach((e, i) => {
    const mine = keys(e.bodies);
    const j = freshBodies.findIndex((b, k) => !taken.has(k) && intersects(mine, b));
    if (j === -1) return;
    out.set(i, { index: j, by: 'body' });
    taken.add(j);
  });
  const titleCount = (sides: readonly MatchSide[], free: (i: number) => boolean): Map<string, number[]> => {
    const by = new Map<string, number[]>();
    sides.forEach((s, i) => {
      if (!free(i)) return;
      for (const k of keys(s.titles)) by.set(k, [...(by.get(k) ?? []), i]);
    });
    return by;
  };
  const earlierTitles = titleCount(earlier, (i) => !out.has(i));
  const freshTitles = titleCount(fresh, (j) => !taken.has(j));
  earlier.forEach((e, i) => {
    if (out.has(i)) return;
    for (const k of keys(e.titles)) {
      const mine = earlierTitles.get(k) ?? [];
      const theirs = freshTitles.get(k) ?? [];
      const j = theirs[0];
      if (mine.length !== 1 || theirs.length !== 1 || j === undefined || taken.has(j)) continue;
      out.set(i, { index: j, by: 'title' });
      taken.add(j);
      return;
    }
  });
  return out;
}

function keys(texts: readonly (string | null)[]): Set<string> {
  return new Set(texts.map(compactText).filter((t) => t.length > 0));
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

function overlaps(a: readonly (string | null)[], b: readonly (string | null)[]): boolean {
  return intersects(keys(a), keys(b));
}
