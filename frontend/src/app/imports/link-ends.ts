import type { Clipping, ContinuationSuggestion } from '@jianbao/contracts';
import { clippingHeadline } from '../shared/clipping-headline';

/** One end of a continuation link as the filing result names it: its headline and its page. */
export interface LinkEnd {
  id: number;
  headline: string;
  pageLabel: string;
}

export function linkEnd(c: Pick<Clipping, 'id' | 'title' | 'body' | 'pageLabel'>): LinkEnd {
  return { id: c.id, headline: clippingHeadline(c, 30), pageLabel: c.pageLabel };
}

/** The ends of the links that are not among `known` (parts filed earlier, on other pages), each once. */
export function missingEnds(
  links: readonly Pick<ContinuationSuggestion, 'headId' | 'tailId'>[],
  known: ReadonlyMap<number, LinkEnd>,
): number[] {
  const ids = new Set<number>();
  for (const l of links) for (const id of [l.headId, l.tailId]) if (!known.has(id)) ids.add(id);
  return [...ids].sort((a, b) => a - b);
}
