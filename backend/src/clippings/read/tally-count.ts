import type { ClippingFilter } from '../clipping-filter';
import { BUCKET } from '../tally/tally-buckets';

/** The kept counts (`clipping_tally`) that answer a list filter: one bucket, or a range of day buckets. */
export type TallyCount = { bucket: string } | { from: string; to: string };

/** The day buckets sort after `day:` and before `day;` (the next character), whatever the date. */
const DAYS_FROM = 'day:';
const DAYS_TO = 'day;';

/**
 * Which kept counts answer the filter exactly (pure), or null when none does: no filter (`all`), a
 * publication, the drafts, an issue-date range (its days), the clippings without any region or tag, a
 * region with everything below it, or a top-level tag (topic) with everything below it.
 * The counts are the clipping store's, written in the same transaction as every clipping (the
 * dashboard's bars are the same buckets), so they agree with the rows; combinations of filters, a kind,
 * a page, a tag below the top level are counted on the rows.
 */
export function tallyCountFor(filter: ClippingFilter): TallyCount | null {
  if (filter.length === 0) return { bucket: BUCKET.all };
  const [only] = filter;
  if (filter.length === 1 && only && !(only.kind === 'column' && only.column === 'c.issue_date'))
    return single(only);
  let from: string | null = null;
  let to: string | null = null;
  for (const f of filter) {
    if (f.kind !== 'column' || f.column !== 'c.issue_date' || typeof f.value !== 'string') return null;
    if (f.op === '>=') from = f.value;
    else if (f.op === '<=') to = f.value;
    else return null;
  }
  return { from: from === null ? DAYS_FROM : BUCKET.day(from), to: to === null ? DAYS_TO : BUCKET.day(to) };
}

function single(f: ClippingFilter[number]): TallyCount | null {
  if (f.kind === 'without') return { bucket: f.table === 'clipping_region' ? BUCKET.noRegion : BUCKET.noTag };
  if (f.kind === 'link') return f.bucket === undefined ? null : { bucket: f.bucket };
  if (f.kind !== 'column' || f.op !== '=') return null;
  if (f.column === 'c.publication_id') {
    const id = typeof f.value === 'number' ? f.value : Number(f.value);
    return Number.isSafeInteger(id) && id > 0 ? { bucket: BUCKET.publication(id) } : null;
  }
  if (f.column === 'c.status' && f.value === 'draft') return { bucket: BUCKET.draft };
  return null;
}
