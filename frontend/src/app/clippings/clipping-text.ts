import type { Clipping } from '@jianbao/contracts';

/** The title, or when there is none (photos, briefs) the first `max` characters of the body. */
export function clippingHeadline(c: Pick<Clipping, 'title' | 'body'>, max = 30): string {
  const title = c.title?.trim();
  if (title) return title;
  const body = c.body.replace(/\s+/g, ' ').trim();
  const chars = Array.from(body);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : body;
}

/** Textarea with one subhead per line ↔ the API's `string[]` (blank lines dropped). */
export function linesToList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
