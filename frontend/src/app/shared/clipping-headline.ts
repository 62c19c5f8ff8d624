import type { Clipping } from '@jianbao/contracts';

/** The title, or when there is none (photos, briefs) the first `max` characters of the body. */
export function clippingHeadline(c: Pick<Clipping, 'title' | 'body'>, max = 30): string {
  const title = c.title?.trim();
  if (title) return title;
  const body = c.body.replace(/\s+/g, ' ').trim();
  const chars = Array.from(body);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : body;
}
