/**
 * Three-way merge of a record, field by field, for saving over someone else's edit: `base` is what
 * the editor started from, `theirs` what is saved now, `mine` what the editor has. A field changed on
 * one side only takes that side; a field changed on both sides the same way takes it; a field changed
 * on both sides differently is a conflict for the editor to settle. Set-like fields (tags, regions)
 * never conflict: both sides' additions and removals are applied. Pure TypeScript.
 */

/** How one field came out of the merge. */
export type MergeOutcome = 'unchanged' | 'mine' | 'theirs' | 'same' | 'combined' | 'conflict';

export interface FieldMerge<T, K extends keyof T = keyof T> {
  field: K;
  base: T[K];
  theirs: T[K];
  mine: T[K];
  outcome: MergeOutcome;
  /** The value the merge takes; for a conflict, mine until the editor chooses. */
  merged: T[K];
}

/** The editor's choice for a field: one side, or a value typed by hand. */
export type MergeChoice<V> = { take: 'mine' } | { take: 'theirs' } | { take: 'edit'; value: V };

/** Identity of an item of a set-like field (a tag's id, a region's code). */
export type SetKey = (item: never) => string | number;

/** Structural equality for JSON-like values (what a form and the API exchange). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return false;
}

function sameSet(a: readonly unknown[], b: readonly unknown[], key: (x: unknown) => unknown): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map(key));
  return b.every((x) => keys.has(key(x)));
}

/**
 * Both sides' changes to a set: theirs as saved (in its order), minus what I removed from the base,
 * plus what I added that they do not have yet.
 */
export function mergeSet<I>(
  base: readonly I[],
  theirs: readonly I[],
  mine: readonly I[],
  key: (item: I) => unknown,
): I[] {
  const baseKeys = new Set(base.map(key));
  const mineKeys = new Set(mine.map(key));
  const theirKeys = new Set(theirs.map(key));
  const removedByMe = new Set([...baseKeys].filter((k) => !mineKeys.has(k)));
  const kept = theirs.filter((x) => !removedByMe.has(key(x)));
  const added = mine.filter((x) => !baseKeys.has(key(x)) && !theirKeys.has(key(x)));
  return [...kept, ...added];
}

/** Merge `fields` of three versions of a record; `sets` names the set-like fields and their item keys. */
export function mergeThreeWay<T extends object>(
  base: T,
  theirs: T,
  mine: T,
  fields: readonly (keyof T)[],
  sets: Partial<Record<keyof T, SetKey>> = {},
): FieldMerge<T>[] {
  return fields.map((field) => {
    const b = base[field];
    const t = theirs[field];
    const m = mine[field];
    const keyOf = sets[field] as ((x: unknown) => unknown) | undefined;
    const same = keyOf
      ? (x: unknown, y: unknown) => sameSet(x as unknown[], y as unknown[], keyOf)
      : sameValue;
    const mineChanged = !same(m, b);
    const theirsChanged = !same(t, b);
    const result = (outcome: MergeOutcome, merged: T[keyof T]): FieldMerge<T> => ({
      field,
      base: b,
      theirs: t,
      mine: m,
      outcome,
      merged,
    });
    if (!mineChanged && !theirsChanged) return result('unchanged', t);
    if (!mineChanged) return result('theirs', t);
    if (!theirsChanged) return result('mine', m);
    if (same(m, t)) return result('same', t);
    if (keyOf) {
      const merged = mergeSet(b as unknown[], t as unknown[], m as unknown[], keyOf);
      return result('combined', merged as T[keyof T]);
    }
    return result('conflict', m);
  });
}

/** Fields still waiting for the editor's choice. */
export function unresolved<T>(
  merges: readonly FieldMerge<T>[],
  choices: Partial<{ [K in keyof T]: MergeChoice<T[K]> }>,
): (keyof T)[] {
  return merges.filter((m) => m.outcome === 'conflict' && !choices[m.field]).map((m) => m.field);
}

/**
 * The merged record: each field's automatic result, or the editor's choice where there is one.
 * Null while a conflict has no choice yet.
 */
export function resolveMerge<T extends object>(
  theirs: T,
  merges: readonly FieldMerge<T>[],
  choices: Partial<{ [K in keyof T]: MergeChoice<T[K]> }>,
): T | null {
  if (unresolved(merges, choices).length) return null;
  const out = { ...theirs };
  for (const m of merges) {
    const choice = choices[m.field] as MergeChoice<T[keyof T]> | undefined;
    if (!choice) out[m.field] = m.merged;
    else if (choice.take === 'mine') out[m.field] = m.mine;
    else if (choice.take === 'theirs') out[m.field] = m.theirs;
    else out[m.field] = choice.value;
  }
  return out;
}
