import { CLIPPING_FILTER_NAMES } from '@jianbao/contracts';
import { validateAs } from '../common/validation';
import { ListClippingsQueryDto } from '../clippings/dto/list-clippings.query';

/** List parameters a view does not keep: it opens on the first page, at the reader's page size. */
const NOT_KEPT = new Set(['page', 'pageSize']);

/** Order of the canonical query: the filter table's, then anything else as given (`sort`). */
const ORDER: readonly string[] = [...CLIPPING_FILTER_NAMES];

/** A stored view query: the list's query values, validated, and the canonical string stored. */
export interface ViewQuery {
  dto: ListClippingsQueryDto;
  canonical: string;
}

/**
 * A list query string (`?` optional, as in the list's URL) → the list's query, validated by the list's
 * own DTO (a bad one is a 400 naming `query.<field>`), and its canonical form: the page and page size
 * dropped, the filters in the table's order, a repeated key left as the list would see it (an array,
 * which the DTO refuses).
 */
export async function parseViewQuery(text: string): Promise<ViewQuery> {
  const params = new URLSearchParams(text.startsWith('?') ? text.slice(1) : text);
  const plain: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    // defineProperty: a `__proto__` key stays a key (and is refused) instead of setting the prototype.
    Object.defineProperty(plain, key, {
      value: values.length === 1 ? (values[0] ?? '') : values,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const dto = await validateAs(ListClippingsQueryDto, plain, 'query');
  const rank = (key: string): number => {
    const i = ORDER.indexOf(key);
    return i < 0 ? ORDER.length : i;
  };
  const kept = Object.keys(plain)
    .filter((key) => !NOT_KEPT.has(key))
    .sort((a, b) => rank(a) - rank(b));
  const canonical = new URLSearchParams();
  for (const key of kept) canonical.append(key, String(plain[key]));
  delete dto.page;
  delete dto.pageSize;
  return { dto, canonical: canonical.toString() };
}
