/**
 * What was done by hand to a filed clipping since filing, from its history: the state it was filed in
 * (its first revision) against its state now, counting only what hand actions changed — an edit, a
 * bulk edit, a restored version — so tags a rule added later, a tag merge or an automatic link are not
 * "work". Links made or cut by hand come from the continuation suggestions (source `manual`). Pure.
 */
import type {
  ClippingSnapshot,
  ClippingWork,
  FieldChange,
  HandLink,
  TagRef,
  WorkField,
} from '@jianbao/contracts';

/** Fields whose change since filing is work, in the order they are listed. */
export const WORK_FIELDS = [
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
] as const satisfies readonly WorkField[];

/** Revision actions that are a person editing the clipping itself. */
const HAND_ACTIONS: ReadonlySet<string> = new Set(['edited', 'bulk', 'restored']);

/** The part of a stored revision the work is read from. */
export interface WorkRevision {
  action: string;
  actorName: string | null;
  at: string;
  changes: FieldChange[];
  snapshot: ClippingSnapshot;
}

/** A continuation suggestion row touching the clipping. */
export interface WorkPair {
  headId: number;
  tailId: number;
  status: string;
  source: string;
}

/**
 * The work on clipping `id`: `revisions` oldest first (the first one is the state it was filed in, or
 * where its history starts), `now` its current state, `pairs` the suggestions involving it.
 */
export function clippingWork(
  id: number,
  revisions: readonly WorkRevision[],
  now: ClippingSnapshot,
  pairs: readonly WorkPair[],
): ClippingWork {
  const links = handLinks(id, pairs);
  const [filed, ...later] = revisions;
  if (!filed) return { ...emptyWork(), links };
  const ref = filed.snapshot;
  const fields = WORK_FIELDS.filter((f) => !sameValue(ref[f], now[f]));
  const status = ref.status === now.status ? null : now.status;
  // Who last added or removed each tag / region, so a tag merge or deletion is not taken for an editor's.
  const lastTag = lastTouch(later, 'tags', (item) => String((item as { id?: unknown }).id));
  const lastRegion = lastTouch(later, 'regions', (item) => String((item as { code?: unknown }).code));
  const byHand = (touch: WorkRevision | undefined): boolean => !!touch && HAND_ACTIONS.has(touch.action);
  const refTags = new Set(ref.tags.map((t) => t.id));
  const nowTags = new Set(now.tags.map((t) => t.id));
  const tagsAdded = now.tags.filter(
    (t) => t.source === 'manual' && !refTags.has(t.id) && byHand(lastTag.get(String(t.id))),
  );
  const tagsRemoved = ref.tags.filter((t) => !nowTags.has(t.id) && byHand(lastTag.get(String(t.id))));
  const refRegions = new Set(ref.regions.map((r) => r.code));
  const nowRegions = new Set(now.regions.map((r) => r.code));
  const regionsAdded = now.regions.filter((r) => !refRegions.has(r.code) && byHand(lastRegion.get(r.code)));
  const regionsRemoved = ref.regions.filter((r) => !nowRegions.has(r.code) && byHand(lastRegion.get(r.code)));
  const touched = new Set<string>([
    ...fields,
    ...(status ? ['status'] : []),
    ...(tagsAdded.length + tagsRemoved.length > 0 ? ['tags'] : []),
    ...(regionsAdded.length + regionsRemoved.length > 0 ? ['regions'] : []),
  ]);
  const contributing = later.filter(
    (r) => HAND_ACTIONS.has(r.action) && r.changes.some((c) => touched.has(c.field)),
  );
  const editors = [...new Set(contributing.map((r) => r.actorName).filter((n): n is string => n !== null))];
  const changedAt = contributing.reduce<string | null>(
    (at, r) => (at === null || r.at > at ? r.at : at),
    null,
  );
  return {
    fields,
    status,
    tagsAdded: tagsAdded.map(tagRef),
    tagsRemoved: tagsRemoved.map(tagRef),
    regionsAdded: regionsAdded.map(regionRef),
    regionsRemoved: regionsRemoved.map(regionRef),
    links,
    editors,
    changedAt,
  };
}

/** Whether there is anything to carry over or keep. */
export function hasWork(work: ClippingWork): boolean {
  return (
    work.fields.length > 0 ||
    work.status !== null ||
    work.tagsAdded.length + work.tagsRemoved.length > 0 ||
    work.regionsAdded.length + work.regionsRemoved.length > 0 ||
    work.links.length > 0
  );
}

export function emptyWork(): ClippingWork {
  return {
    fields: [],
    status: null,
    tagsAdded: [],
    tagsRemoved: [],
    regionsAdded: [],
    regionsRemoved: [],
    links: [],
    editors: [],
    changedAt: null,
  };
}

/** Links made or cut by hand: `manual` suggestions that are linked or rejected. */
function handLinks(id: number, pairs: readonly WorkPair[]): HandLink[] {
  return pairs
    .filter((p) => p.source === 'manual' && (p.status === 'linked' || p.status === 'rejected'))
    .filter((p) => p.headId === id || p.tailId === id)
    .map((p) => ({
      state: p.status === 'linked' ? ('linked' as const) : ('rejected' as const),
      side: p.headId === id ? ('next' as const) : ('previous' as const),
      otherId: p.headId === id ? p.tailId : p.headId,
    }));
}

/** The last revision that added or removed each item of a set field, by item key. */
function lastTouch(
  revisions: readonly WorkRevision[],
  field: 'tags' | 'regions',
  key: (item: unknown) => string,
): Map<string, WorkRevision> {
  const out = new Map<string, WorkRevision>();
  for (const r of revisions) {
    for (const c of r.changes) {
      if (c.field !== field) continue;
      for (const item of [...asArray(c.before), ...asArray(c.after)]) out.set(key(item), r);
    }
  }
  return out;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

function tagRef(t: { id: number; name: string }): TagRef {
  return { id: t.id, name: t.name };
}

function regionRef(r: { code: string; name: string }): { code: string; name: string } {
  return { code: r.code, name: r.name };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
