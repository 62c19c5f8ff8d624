import type { RegionNode } from '@jianbao/contracts';

/**
 * A lazily loaded region tree: the children of each loaded node (key `null` = the provinces), which
 * nodes are open, and which are loading. Immutable; every change returns a new state.
 */
export interface RegionTreeState {
  readonly children: ReadonlyMap<number | null, readonly RegionNode[]>;
  readonly expanded: ReadonlySet<number>;
  readonly loading: ReadonlySet<number>;
}

export const EMPTY_REGION_TREE: RegionTreeState = {
  children: new Map(),
  expanded: new Set(),
  loading: new Set(),
};

export interface RegionRow {
  node: RegionNode;
  depth: number;
  expanded: boolean;
  loading: boolean;
  /** Has children to show (per the server's `childCount`). */
  expandable: boolean;
}

export function withChildren(
  state: RegionTreeState,
  parentId: number | null,
  nodes: readonly RegionNode[],
): RegionTreeState {
  const children = new Map(state.children);
  children.set(parentId, nodes);
  const loading = new Set(state.loading);
  if (parentId !== null) loading.delete(parentId);
  return { ...state, children, loading };
}

export function isLoaded(state: RegionTreeState, id: number | null): boolean {
  return state.children.has(id);
}

export function withLoading(state: RegionTreeState, id: number, on: boolean): RegionTreeState {
  const loading = new Set(state.loading);
  if (on) loading.add(id);
  else loading.delete(id);
  return { ...state, loading };
}

export function withExpanded(state: RegionTreeState, id: number, open: boolean): RegionTreeState {
  const expanded = new Set(state.expanded);
  if (open) expanded.add(id);
  else expanded.delete(id);
  return { ...state, expanded };
}

/** The rows to render: open nodes show their loaded children, depth-first, in server order. */
export function visibleRows(state: RegionTreeState): RegionRow[] {
  const rows: RegionRow[] = [];
  const seen = new Set<number>();
  const visit = (parentId: number | null, depth: number): void => {
    for (const node of state.children.get(parentId) ?? []) {
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      const expanded = state.expanded.has(node.id);
      rows.push({
        node,
        depth,
        expanded,
        loading: state.loading.has(node.id),
        expandable: node.childCount > 0,
      });
      if (expanded) visit(node.id, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}
