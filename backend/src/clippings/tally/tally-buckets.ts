/**
 * The buckets a clipping is counted in (pure): the dashboard's and the region tree's counts are the
 * sizes of these buckets, kept by the clipping store (`clipping_tally`). A clipping is counted once per
 * bucket, so a region or topic bucket counts distinct clippings in its whole subtree.
 */

/** What a clipping is counted by, as read from its row and links. */
export interface TallyState {
  issueDate: string;
  publicationId: number;
  status: string;
  /** Waiting for its head: `continues_from` set, no previous part linked. */
  waitingForHead: boolean;
  /** Waiting for its tail: `continues_to` set, no next part linked. */
  waitingForTail: boolean;
  /** Its regions and every region above them. */
  regionIds: readonly number[];
  /** The top-level tags (topics) above its tags, or its tags themselves when top-level. */
  topicIds: readonly number[];
  /** Whether it has any tag link (a tag whose tree is broken still counts as tagged). */
  tagged: boolean;
}

/** Bucket names (the keys of `clipping_tally`); at most 40 characters. */
export const BUCKET = {
  all: 'all',
  draft: 'draft',
  noRegion: 'noRegion',
  noTag: 'noTag',
  waitFrom: 'waitFrom',
  waitTo: 'waitTo',
  day: (date: string): string => `day:${date}`,
  publication: (id: number): string => `pub:${id}`,
  region: (id: number): string => `region:${id}`,
  topic: (id: number): string => `topic:${id}`,
} as const;

/** Every bucket of one clipping, each once, sorted. */
export function bucketsOf(s: TallyState): string[] {
  const out = new Set<string>([BUCKET.all, BUCKET.day(s.issueDate), BUCKET.publication(s.publicationId)]);
  if (s.status === 'draft') out.add(BUCKET.draft);
  if (s.waitingForHead) out.add(BUCKET.waitFrom);
  if (s.waitingForTail) out.add(BUCKET.waitTo);
  if (s.regionIds.length === 0) out.add(BUCKET.noRegion);
  for (const id of s.regionIds) out.add(BUCKET.region(id));
  if (!s.tagged) out.add(BUCKET.noTag);
  for (const id of s.topicIds) out.add(BUCKET.topic(id));
  return [...out].sort();
}

/**
 * How each bucket's count moves when clippings go from `before` to `after` (a clipping missing from
 * `after` is gone, one missing from `before` is new); buckets that do not move are left out.
 */
export function tallyDelta(
  before: ReadonlyMap<number, readonly string[]>,
  after: ReadonlyMap<number, readonly string[]>,
): Map<string, number> {
  const delta = new Map<string, number>();
  const add = (bucket: string, by: number): void => {
    delta.set(bucket, (delta.get(bucket) ?? 0) + by);
  };
  for (const buckets of before.values()) for (const b of buckets) add(b, -1);
  for (const buckets of after.values()) for (const b of buckets) add(b, 1);
  for (const [bucket, n] of delta) if (n === 0) delta.delete(bucket);
  return delta;
}
