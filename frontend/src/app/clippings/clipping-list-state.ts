import { Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, type Params, Router } from '@angular/router';
import {
  type ApiError,
  CLIPPING_FILTER_NAMES,
  CLIPPING_FILTERS,
  type ClippingFilterName,
  type ClippingFilterSpec,
  type ClippingFacets,
  type ClippingFilterValues,
  type ClippingListPage,
  type FilterValueSpec,
  type ListClippingsQuery,
} from '@jianbao/contracts';
import { Subject, catchError, distinctUntilChanged, map, merge, of, startWith, switchMap } from 'rxjs';
import { toApiError } from '../shared/api-error';
import type { MessageKey } from '../shared/i18n/messages';
import { ClippingsApi } from './clippings-api';

export const PAGE_SIZES: readonly number[] = [20, 50, 100, 200];
export const MAX_PAGE_SIZE = 200;
/** Columns the API can sort by; `-field` sorts descending. */
export const SORT_FIELDS = [
  'issueDate',
  'pageSort',
  'title',
  'kind',
  'status',
  'createdAt',
  'updatedAt',
] as const;
export type SortField = (typeof SORT_FIELDS)[number];

/** The list filters of `CLIPPING_FILTERS`, each set or null. */
export type ClippingFilters = { [K in ClippingFilterName]: NonNullable<ClippingFilterValues[K]> | null };

/** Everything that decides which clippings the list shows: the URL's query string, parsed. */
export type ClippingListParams = { page: number; pageSize: number; sort: string } & ClippingFilters;

/** Every filter unset. */
const NO_FILTERS = Object.fromEntries(CLIPPING_FILTER_NAMES.map((name) => [name, null])) as ClippingFilters;

export const DEFAULT_LIST_PARAMS: Readonly<ClippingListParams> = {
  page: 1,
  pageSize: 50,
  sort: '-issueDate,pageSort',
  ...NO_FILTERS,
};

/** The label of a filter in the UI: `clippings.filter.<name>` (a filter without one fails to compile). */
export function filterLabel(name: ClippingFilterName): MessageKey {
  return `clippings.filter.${name}`;
}

/** The filters whose values are a fixed list. */
type EnumFilter = {
  [K in ClippingFilterName]: (typeof CLIPPING_FILTERS)[K]['value'] extends { type: 'enum' } ? K : never;
}[ClippingFilterName];

/** `kind.article`, `status.draft`, …: the label of every value of every enum filter. */
type OptionLabel = { [K in EnumFilter]: `${K}.${NonNullable<ClippingFilterValues[K]>}` }[EnumFilter];

type Assert<T extends true> = T;
/** Compiles only when every value of every enum filter has a label in the messages. */
export type EveryOptionHasALabel = Assert<OptionLabel extends MessageKey ? true : false>;

/** The label of one value of an enum filter (`kind` + `brief` → `kind.brief`; see EveryOptionHasALabel). */
export function optionLabel(name: ClippingFilterName, value: string): MessageKey {
  return `${name}.${value}` as MessageKey;
}

/**
 * How the filter bar edits a filter: a picker of its own for the publication, tag and region (their
 * options come from the API), a select of its values for an enum, else an input of its value's type
 * (a substring search gets the wide search box).
 */
export type FilterControl = 'publication' | 'tag' | 'region' | 'enum' | 'date' | 'text' | 'search' | 'number';

export interface FilterField {
  name: ClippingFilterName;
  control: FilterControl;
  /** The values of an enum filter. */
  options: readonly string[];
}

function controlOf(spec: ClippingFilterSpec): FilterControl {
  const { value, match } = spec;
  if ('link' in match) return match.link;
  if ('column' in match && match.column === 'publication_id') return 'publication';
  if ('fullText' in match) return 'search';
  switch (value.type) {
    case 'id':
      return 'number';
    case 'date':
      return 'date';
    case 'text':
      return 'text';
    case 'enum':
      return 'enum';
  }
}

/** The filter bar's fields, in the table's order. */
export const FILTER_FIELDS: readonly FilterField[] = CLIPPING_FILTER_NAMES.map((name) => {
  const spec: ClippingFilterSpec = CLIPPING_FILTERS[name];
  return { name, control: controlOf(spec), options: spec.value.type === 'enum' ? spec.value.values : [] };
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function first(value: unknown): string | null {
  const v: unknown = Array.isArray(value) ? value[0] : value;
  if (typeof v !== 'string') return null;
  const trimmed = v.trim();
  return trimmed === '' ? null : trimmed;
}

function positiveInt(value: unknown): number | null {
  const s = first(value);
  if (s === null || !/^\d+$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) && n >= 1 ? n : null;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  const s = first(value);
  return s !== null && (allowed as readonly string[]).includes(s) ? (s as T) : null;
}

function isoDate(value: unknown): string | null {
  const s = first(value);
  return s !== null && DATE.test(s) && !Number.isNaN(Date.parse(s)) ? s : null;
}

/** Headline hits of `q` first, then newest: what the API sorts by when `q` is set and no sort is asked for. */
export const RELEVANCE = 'relevance';

/** A `sort` value the API accepts: comma-separated known fields, each optionally prefixed `-`, or `relevance`. */
export function isSort(value: string): boolean {
  if (value === RELEVANCE) return true;
  return value
    .split(',')
    .every((key) => (SORT_FIELDS as readonly string[]).includes(key.startsWith('-') ? key.slice(1) : key));
}

/** A filter's value (from the URL or a control) as its entry in `CLIPPING_FILTERS` says it is written, else null. */
export function filterValue(spec: FilterValueSpec, value: unknown): string | number | null {
  switch (spec.type) {
    case 'id':
      return positiveInt(value);
    case 'date':
      return isoDate(value);
    case 'text':
      return first(value);
    case 'enum':
      return oneOf(value, spec.values);
  }
}

/**
 * URL query params → list params. Anything missing or malformed falls back to the default, so a
 * hand-edited or stale URL still shows a sensible list instead of an error.
 */
export function queryParamsToState(params: Params): ClippingListParams {
  const sort = first(params['sort']);
  const filters = Object.fromEntries(
    CLIPPING_FILTER_NAMES.map((name) => [name, filterValue(CLIPPING_FILTERS[name].value, params[name])]),
  ) as ClippingFilters;
  return {
    page: positiveInt(params['page']) ?? DEFAULT_LIST_PARAMS.page,
    pageSize: Math.min(positiveInt(params['pageSize']) ?? DEFAULT_LIST_PARAMS.pageSize, MAX_PAGE_SIZE),
    sort: sort !== null && isSort(sort) ? sort : DEFAULT_LIST_PARAMS.sort,
    ...filters,
  };
}

/** List params → URL query params, leaving out defaults and empty filters so URLs stay short and shareable. */
export function stateToQueryParams(state: ClippingListParams): Params {
  const out: Params = {};
  for (const key of Object.keys(DEFAULT_LIST_PARAMS) as (keyof ClippingListParams)[]) {
    const value = state[key];
    if (value === null || value === '' || value === DEFAULT_LIST_PARAMS[key]) continue;
    out[key] = String(value);
  }
  return out;
}

/** The filters that are set, as the API takes them (bulk editing's `filter`, the list's query). */
export function activeFilters(state: ClippingFilters): ClippingFilterValues {
  const out: Record<string, string | number> = {};
  for (const name of CLIPPING_FILTER_NAMES) {
    const value = state[name];
    if (value !== null) out[name] = value;
  }
  return out as ClippingFilterValues;
}

/**
 * The order the list is in: with a search and the default sort, by relevance (the API's default then);
 * `relevance` without a search is the default order.
 */
export function effectiveSort(state: ClippingListParams): string {
  if (state.q !== null && state.sort === DEFAULT_LIST_PARAMS.sort) return RELEVANCE;
  if (state.q === null && state.sort === RELEVANCE) return DEFAULT_LIST_PARAMS.sort;
  return state.sort;
}

/** List params → the `GET /api/clippings` query (null filters omitted). */
export function stateToApiQuery(state: ClippingListParams): ListClippingsQuery {
  return { page: state.page, pageSize: state.pageSize, sort: effectiveSort(state), ...activeFilters(state) };
}

/** A filter change always goes back to page 1: page 7 of the old result means nothing for the new one. */
export function withFilters(state: ClippingListParams, patch: Partial<ClippingFilters>): ClippingListParams {
  return { ...state, ...patch, page: 1 };
}

/** The first (primary) key of a sort value: `-issueDate,pageSort` → `-issueDate`. */
function primary(sort: string): string {
  return sort.split(',', 1)[0] ?? sort;
}

/**
 * Clicking a column header: sort by it, or flip the direction when it already is the primary sort
 * (keeping any secondary keys, e.g. `pageSort` under `issueDate`). Dates start newest first.
 */
export function toggleSort(current: string, field: SortField): string {
  if (current === RELEVANCE) return toggleSort(DEFAULT_LIST_PARAMS.sort, field);
  const [head, ...rest] = current.split(',');
  if (head === field) return [`-${field}`, ...rest].join(',');
  if (head === `-${field}`) return [field, ...rest].join(',');
  return field === 'issueDate' || field === 'updatedAt' || field === 'createdAt' ? `-${field}` : field;
}

/** Direction of a column for its header's `aria-sort`, when it is the primary sort. */
export function sortDirection(current: string, field: SortField): 'ascending' | 'descending' | null {
  const head = primary(current);
  if (head === field) return 'ascending';
  if (head === `-${field}`) return 'descending';
  return null;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * How many clippings the list can page through: all that match, or — when the server stopped counting
 * (`totalExact` false: more than `total - 1` match) — the `total - 1` it pages through (its depth).
 */
export function listedCount(page: { total: number; totalExact?: boolean }): number {
  return page.totalExact === false ? page.total - 1 : page.total;
}

/** The total as the list shows it: `37`, or `10,000+` when counting stopped at the list's depth. */
export function totalText(page: { total: number; totalExact?: boolean }): string {
  return page.totalExact === false ? `${listedCount(page).toLocaleString('en-US')}+` : String(page.total);
}

export function hasFilters(state: ClippingListParams): boolean {
  return CLIPPING_FILTER_NAMES.some((name) => state[name] !== null);
}

/**
 * The clippings list's one source of truth: the URL. Params are parsed from the query string, every
 * change is a navigation, and each new set of params (or a `reload()`) fetches one page.
 * Provided by the list component, so it lives exactly as long as the page.
 */
@Injectable()
export class ClippingListState {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly api = inject(ClippingsApi);
  private readonly reloads = new Subject<void>();

  readonly params = toSignal(this.route.queryParams.pipe(map(queryParamsToState)), {
    initialValue: DEFAULT_LIST_PARAMS,
  });
  readonly result = signal<ClippingListPage | null>(null);
  readonly loading = signal(false);
  readonly error = signal<ApiError | null>(null);
  /** Facet counts over the current result set (null while loading or when they could not be had). */
  readonly facets = signal<ClippingFacets | null>(null);

  constructor() {
    const changes = this.route.queryParams.pipe(map(queryParamsToState));
    // Facets follow the filters only (not the page or the sort); a newer filter cancels the older request.
    changes
      .pipe(
        map((params) => activeFilters(params)),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        switchMap((filters) => {
          this.facets.set(null);
          return this.api.facets(filters).pipe(catchError(() => of(null)));
        }),
        takeUntilDestroyed(),
      )
      .subscribe((facets) => this.facets.set(facets));
    merge(changes, this.reloads.pipe(map(() => this.params())))
      .pipe(
        switchMap((params) => {
          this.loading.set(true);
          return this.api.list(stateToApiQuery(params)).pipe(
            map((page) => ({ page, error: null })),
            catchError((err: unknown) => of({ page: null, error: toApiError(err) })),
            startWith(null),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((outcome) => {
        if (outcome === null) return;
        this.loading.set(false);
        this.error.set(outcome.error);
        if (outcome.page) this.result.set(outcome.page);
      });
  }

  setFilters(patch: Partial<ClippingFilters>): void {
    this.go(withFilters(this.params(), patch));
  }

  clearFilters(): void {
    const { pageSize, sort } = this.params();
    this.go({ ...DEFAULT_LIST_PARAMS, pageSize, sort });
  }

  setPage(page: number): void {
    this.go({ ...this.params(), page });
  }

  setPageSize(pageSize: number): void {
    this.go({ ...this.params(), pageSize, page: 1 });
  }

  sortBy(field: SortField): void {
    this.go({ ...this.params(), sort: toggleSort(effectiveSort(this.params()), field), page: 1 });
  }

  /** Back to the order of the search: relevance with `q`, else the default. */
  sortByRelevance(): void {
    this.go({ ...this.params(), sort: DEFAULT_LIST_PARAMS.sort, page: 1 });
  }

  reload(): void {
    this.reloads.next();
  }

  private go(next: ClippingListParams): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: stateToQueryParams(next) });
  }
}
