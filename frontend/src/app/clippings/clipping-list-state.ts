import { Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, type Params, Router } from '@angular/router';
import type {
  ApiError,
  Clipping,
  ClippingKind,
  ClippingStatus,
  ListClippingsQuery,
  Page,
} from '@jianbao/contracts';
import { Subject, catchError, map, merge, of, startWith, switchMap } from 'rxjs';
import { toApiError } from '../shared/api-error';
import { ClippingsApi } from './clippings-api';

export const CLIPPING_KINDS: readonly ClippingKind[] = ['article', 'photo', 'brief', 'ad', 'notice'];
export const CLIPPING_STATUSES: readonly ClippingStatus[] = ['draft', 'reviewed'];
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

/** Everything that decides which clippings the list shows: the URL's query string, parsed. */
export interface ClippingListParams {
  page: number;
  pageSize: number;
  sort: string;
  publicationId: number | null;
  from: string | null;
  to: string | null;
  pageLabel: string | null;
  kind: ClippingKind | null;
  status: ClippingStatus | null;
  tagId: number | null;
  regionId: number | null;
  q: string | null;
}

export type ClippingFilters = Omit<ClippingListParams, 'page' | 'pageSize' | 'sort'>;

export const DEFAULT_LIST_PARAMS: Readonly<ClippingListParams> = {
  page: 1,
  pageSize: 50,
  sort: '-issueDate,pageSort',
  publicationId: null,
  from: null,
  to: null,
  pageLabel: null,
  kind: null,
  status: null,
  tagId: null,
  regionId: null,
  q: null,
};

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

/** A `sort` value the API accepts: comma-separated known fields, each optionally prefixed `-`. */
export function isSort(value: string): boolean {
  return value
    .split(',')
    .every((key) => (SORT_FIELDS as readonly string[]).includes(key.startsWith('-') ? key.slice(1) : key));
}

/**
 * URL query params → list params. Anything missing or malformed falls back to the default, so a
 * hand-edited or stale URL still shows a sensible list instead of an error.
 */
export function queryParamsToState(params: Params): ClippingListParams {
  const sort = first(params['sort']);
  return {
    page: positiveInt(params['page']) ?? DEFAULT_LIST_PARAMS.page,
    pageSize: Math.min(positiveInt(params['pageSize']) ?? DEFAULT_LIST_PARAMS.pageSize, MAX_PAGE_SIZE),
    sort: sort !== null && isSort(sort) ? sort : DEFAULT_LIST_PARAMS.sort,
    publicationId: positiveInt(params['publicationId']),
    from: isoDate(params['from']),
    to: isoDate(params['to']),
    pageLabel: first(params['pageLabel']),
    kind: oneOf(params['kind'], CLIPPING_KINDS),
    status: oneOf(params['status'], CLIPPING_STATUSES),
    tagId: positiveInt(params['tagId']),
    regionId: positiveInt(params['regionId']),
    q: first(params['q']),
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

/** List params → the `GET /api/clippings` query (null filters omitted). */
export function stateToApiQuery(state: ClippingListParams): ListClippingsQuery {
  const query: ListClippingsQuery = { page: state.page, pageSize: state.pageSize, sort: state.sort };
  if (state.publicationId !== null) query.publicationId = state.publicationId;
  if (state.from !== null) query.from = state.from;
  if (state.to !== null) query.to = state.to;
  if (state.pageLabel !== null) query.pageLabel = state.pageLabel;
  if (state.kind !== null) query.kind = state.kind;
  if (state.status !== null) query.status = state.status;
  if (state.tagId !== null) query.tagId = state.tagId;
  if (state.regionId !== null) query.regionId = state.regionId;
  if (state.q !== null) query.q = state.q;
  return query;
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

export function hasFilters(state: ClippingListParams): boolean {
  return (Object.keys(state) as (keyof ClippingListParams)[]).some(
    (key) => key !== 'page' && key !== 'pageSize' && key !== 'sort' && state[key] !== null,
  );
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
  readonly result = signal<Page<Clipping> | null>(null);
  readonly loading = signal(false);
  readonly error = signal<ApiError | null>(null);

  constructor() {
    const changes = this.route.queryParams.pipe(map(queryParamsToState));
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
    this.go({ ...this.params(), sort: toggleSort(this.params().sort, field), page: 1 });
  }

  reload(): void {
    this.reloads.next();
  }

  private go(next: ClippingListParams): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: stateToQueryParams(next) });
  }
}
