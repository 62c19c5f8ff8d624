import type { Page } from '@jianbao/contracts';

/** Items of a list endpoint, whether it answers a bare array or a `Page`. */
export function itemsOf<T>(body: T[] | Page<T>): T[] {
  return Array.isArray(body) ? body : body.items;
}

/** Drop empty strings, null and undefined so they are not sent as query parameters. */
export function compactParams(query: object): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(query) as [string, unknown][]) {
    if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
    else if (typeof value === 'string' && value !== '') out[key] = value;
  }
  return out;
}

/** `''` or whitespace → null, otherwise the trimmed text: optional text fields are sent as null when blank. */
export function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
