import type { Tag } from '@jianbao/contracts';

/** A tag placed in the tree: depth 0 for top-level tags, in display order (parents before children). */
export interface TagRow {
  tag: Tag;
  depth: number;
  /** Names from the root down to this tag, for labels like `经济 / 农业`. */
  path: string[];
}

/**
 * Flat tag list → depth-first rows, siblings sorted by name (Chinese collation). Tags whose parent
 * is missing are treated as top-level, and a parent cycle cannot loop (each tag is placed once).
 */
export function flattenTagTree(tags: readonly Tag[]): TagRow[] {
  const ids = new Set(tags.map((t) => t.id));
  const children = new Map<number | null, Tag[]>();
  for (const tag of tags) {
    const parent =
      tag.parentId !== null && ids.has(tag.parentId) && tag.parentId !== tag.id ? tag.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), tag]);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));

  const rows: TagRow[] = [];
  const placed = new Set<number>();
  const visit = (parent: number | null, depth: number, path: string[]): void => {
    for (const tag of children.get(parent) ?? []) {
      if (placed.has(tag.id)) continue;
      placed.add(tag.id);
      const tagPath = [...path, tag.name];
      rows.push({ tag, depth, path: tagPath });
      visit(tag.id, depth + 1, tagPath);
    }
  };
  visit(null, 0, []);
  // Members of a parent cycle are reachable from no root: show them at the top rather than lose them.
  for (const tag of tags) {
    if (!placed.has(tag.id)) {
      placed.add(tag.id);
      rows.push({ tag, depth: 0, path: [tag.name] });
      visit(tag.id, 1, [tag.name]);
    }
  }
  return rows;
}

/** Ids of `id` and all its descendants: a tag cannot be moved under any of them. */
export function descendantIds(tags: readonly Tag[], id: number): Set<number> {
  const out = new Set<number>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const tag of tags) {
      if (tag.parentId !== null && out.has(tag.parentId) && !out.has(tag.id)) {
        out.add(tag.id);
        grew = true;
      }
    }
  }
  return out;
}

/**
 * Whether `id` may be moved under `newParentId` (null = top level): never under itself or one of its
 * own descendants, which would cut the subtree off from the root. Unknown tags are refused.
 */
export function canMoveTo(tags: readonly Tag[], id: number, newParentId: number | null): boolean {
  if (!tags.some((t) => t.id === id)) return false;
  if (newParentId === null) return true;
  if (!tags.some((t) => t.id === newParentId)) return false;
  return !descendantIds(tags, id).has(newParentId);
}

/** Rows a tag may be moved under (its current parent included, so the choice can show it). */
export function moveTargets(tags: readonly Tag[], id: number): TagRow[] {
  const excluded = descendantIds(tags, id);
  return flattenTagTree(tags).filter((row) => !excluded.has(row.tag.id));
}

/**
 * Rows a tag may be merged into: any other tag except its own descendants (merging a parent into
 * its child would leave that child under a tag that no longer exists).
 */
export function mergeTargets(tags: readonly Tag[], id: number): TagRow[] {
  return moveTargets(tags, id);
}

/** The tag called `name` (trimmed, case-insensitive for Latin letters), if any. */
export function findTagByName(tags: readonly Tag[], name: string): Tag | undefined {
  const wanted = name.trim().toLocaleLowerCase();
  if (!wanted) return undefined;
  return tags.find((t) => t.name.trim().toLocaleLowerCase() === wanted);
}

/** Tags whose name contains `query` (for autocompletion), prefix matches first, at most `limit`. */
export function searchTags(tags: readonly Tag[], query: string, limit = 20): Tag[] {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return [];
  const hits = tags.filter((t) => t.name.toLocaleLowerCase().includes(q));
  const starts = (t: Tag) => (t.name.toLocaleLowerCase().startsWith(q) ? 0 : 1);
  return hits.sort((a, b) => starts(a) - starts(b) || a.name.localeCompare(b.name, 'zh-CN')).slice(0, limit);
}

/** The clipping count a tag carries when the server includes one (not part of the contract yet). */
export function clippingCountOf(tag: Tag): number | null {
  const count = (tag as Tag & { clippingCount?: unknown }).clippingCount;
  return typeof count === 'number' && Number.isFinite(count) ? count : null;
}
