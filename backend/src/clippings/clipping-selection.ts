import type { ClippingFilterValues } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import { validationFailed } from '../common/validation';
import { chunk } from '../database/sql-values';
import { ClippingFilterResolver } from './clipping-filter';
import { parseClippingSort, RELEVANCE_SORT } from './clipping-sort';
import { ClippingListRepository } from './read/clipping-list.repository';
import { ClippingReader } from './read/clipping-reader';

/**
 * Which clippings a feature above works on, chosen as the list chooses them: every clipping the list's
 * filter selects in the list's order (the same resolver and SQL as `GET /api/clippings` and bulk
 * editing's "all matching"), or an explicit selection of ids. Exports read through it.
 */
@Injectable()
export class ClippingSelection {
  constructor(
    private readonly filters: ClippingFilterResolver,
    private readonly lists: ClippingListRepository,
    private readonly reader: ClippingReader,
  ) {}

  /**
   * Every id the filter selects, in the order `sort` gives (the list's default when absent, and for
   * `relevance`: a file has no ranks, so a ranked search is written in the list's default order).
   */
  async matching(values: ClippingFilterValues, sort?: string): Promise<number[]> {
    const filter = await this.filters.resolve(values);
    return this.lists.orderedIds(filter, parseClippingSort(sort === RELEVANCE_SORT ? undefined : sort));
  }

  /** The selected ids in the given order, duplicates dropped; a 400 naming `field` when some do not exist. */
  async selected(ids: readonly number[], field = 'ids'): Promise<number[]> {
    const unique = [...new Set(ids)];
    const found = new Set<number>();
    for (const batch of chunk(unique, 5000)) {
      for (const id of await this.reader.existingIds(batch)) found.add(id);
    }
    const missing = unique.filter((id) => !found.has(id));
    if (missing.length > 0) {
      const shown = missing.slice(0, 20).join(', ') + (missing.length > 20 ? ', …' : '');
      throw validationFailed([{ field, errors: [`unknown clipping id(s): ${shown}`] }]);
    }
    return unique;
  }
}
