import type { ClippingSnapshot, FieldChange } from '@jianbao/contracts';

/** Scalar (and JSON-valued) fields of a snapshot, compared by value, in the order a diff lists them. */
export const SNAPSHOT_FIELDS = [
  'publicationId',
  'issueDate',
  'pageLabel',
  'kind',
  'kicker',
  'title',
  'subtitle',
  'byline',
  'dateline',
  'body',
  'subheads',
  'status',
  'continuesFrom',
  'continuesTo',
  'previousPartId',
  'nextPartId',
] as const satisfies readonly (keyof ClippingSnapshot)[];

type SetItem = ClippingSnapshot['tags'][number] | ClippingSnapshot['regions'][number];

/**
 * What changed from `before` to `after` (null `before`: the clipping's first revision, every set
 * field is a change). Scalars give `{field, before, after}`; `tags` and `regions` are compared as
 * sets (by tag id / region code) and give `{field, before: removed[], after: added[]}`.
 */
export function diffSnapshots(before: ClippingSnapshot | null, after: ClippingSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of SNAPSHOT_FIELDS) {
    const a = before ? before[field] : emptyValue(after[field]);
    const b = after[field];
    if (!sameValue(a, b)) changes.push({ field, before: a, after: b });
  }
  const tags = diffSet(before?.tags ?? [], after.tags, (t) => String(t.id));
  if (tags) changes.push({ field: 'tags', ...tags });
  const regions = diffSet(before?.regions ?? [], after.regions, (r) => r.code);
  if (regions) changes.push({ field: 'regions', ...regions });
  const stories = diffSet(before?.stories ?? [], after.stories ?? [], (s) => `${s.otherId}:${s.decision}`);
  if (stories) changes.push({ field: 'stories', ...stories });
  return changes;
}

/**
 * The snapshot `changes` lead to from `before` (the inverse of {@link diffSnapshots}: for any `a`,
 * `b`, `applyChanges(a, diffSnapshots(a, b))` equals `b` normalised). Revisions that only add a tag
 * are stored as their changes and rebuilt with this.
 */
export function applyChanges(before: ClippingSnapshot, changes: FieldChange[]): ClippingSnapshot {
  const out: Record<string, unknown> = { ...before };
  for (const change of changes) {
    if (change.field === 'tags' || change.field === 'regions' || change.field === 'stories') {
      const key = (item: unknown): string => setKey(change.field, item);
      const removed = new Set(asArray(change.before).map(key));
      const added = asArray(change.after);
      const addedKeys = new Set(added.map(key));
      const kept = asArray(out[change.field]).filter((i) => !removed.has(key(i)) && !addedKeys.has(key(i)));
      out[change.field] = [...kept, ...added];
    } else {
      out[change.field] = change.after;
    }
  }
  return normaliseSnapshot(out as unknown as ClippingSnapshot);
}

function setKey(field: string, item: unknown): string {
  const o = (item ?? {}) as Record<string, unknown>;
  if (field === 'tags') return String(o['id']);
  if (field === 'regions') return String(o['code']);
  return `${String(o['otherId'])}:${String(o['decision'])}`;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** Sorts a snapshot's sets so that equal states serialise equally. */
export function normaliseSnapshot(snapshot: ClippingSnapshot): ClippingSnapshot {
  return {
    ...snapshot,
    tags: [...snapshot.tags].sort((x, y) => x.id - y.id),
    regions: [...snapshot.regions].sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0)),
  };
}

function emptyValue(value: unknown): unknown {
  return Array.isArray(value) ? [] : null;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function diffSet<T extends SetItem | { otherId: number; decision: string }>(
  before: T[],
  after: T[],
  key: (item: T) => string,
): { before: T[]; after: T[] } | null {
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  const removed = before.filter((item) => !has.has(key(item)));
  const added = after.filter((item) => !had.has(key(item)));
  return removed.length === 0 && added.length === 0 ? null : { before: removed, after: added };
}
