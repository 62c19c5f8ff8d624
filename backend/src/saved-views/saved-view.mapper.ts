import type { SavedView } from '@jianbao/contracts';
import type { SavedViewRow } from './saved-views.repository';

/** Entity → API shape, with what the caller may do and the count the service made. */
export function mapSavedView(
  row: SavedViewRow,
  editable: boolean,
  count: { total: number; exact: boolean } | null,
): SavedView {
  const { view } = row;
  return {
    id: view.id,
    name: view.name,
    query: view.query,
    shared: view.shared,
    ownerId: view.ownerId,
    ownerName: row.ownerName,
    editable,
    count: count?.total ?? null,
    countExact: count?.exact ?? true,
    createdAt: view.createdAt.toISOString(),
    updatedAt: view.updatedAt.toISOString(),
  };
}
