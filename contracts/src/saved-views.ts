/**
 * Saved views: a named list search (its URL query string) and the issue map (版次) of one
 * publication's issue. Types only.
 */
import type { ClippingKind, JumpRef } from './index';

/** The longest name a saved view may have, in characters. */
export const SAVED_VIEW_NAME_MAX = 80;
/** The longest stored list query string. */
export const SAVED_VIEW_QUERY_MAX = 2000;

/** `GET /api/saved-views`: a named list search, personal (its owner's) or shared (everyone's). */
export interface SavedView {
  id: number;
  name: string;
  /**
   * The list's query string without `?` (q, every filter, sort; never the page): the view opens
   * `/clippings?<query>`, and the list's `GET /api/clippings?<query>` counts it.
   */
  query: string;
  /** Shared views are seen by every user; only admins share, edit or delete them. */
  shared: boolean;
  ownerId: number;
  ownerName: string;
  /** Whether the caller may rename, re-save or delete it. */
  editable: boolean;
  /**
   * How many clippings the query matches now, counted by the list's own query; null when the stored
   * query is no longer one the list accepts.
   */
  count: number | null;
  /** False when the count stopped at a cap (then more than `count - 1` match), as the list's total does. */
  countExact: boolean;
  createdAt: string;
  updatedAt: string;
}

/** `POST /api/saved-views`. */
export interface CreateSavedViewBody {
  /** 1–80 characters, unique among the owner's views. */
  name: string;
  /** The list's query string (as in the list's URL, `?` optional); validated as the list's query. */
  query: string;
  /** Admins only. */
  shared?: boolean;
}

/** `PATCH /api/saved-views/:id`: rename, re-save the query, share or unshare (admins). */
export type UpdateSavedViewBody = Partial<CreateSavedViewBody>;

/** One clipping on the issue map. */
export interface IssueMapClipping {
  id: number;
  kind: ClippingKind;
  kicker: string | null;
  title: string | null;
  /** First ~40 characters of the body, for untitled clippings. */
  excerpt: string;
  continuesFrom: JumpRef | null;
  continuesTo: JumpRef | null;
  previousPartId: number | null;
  nextPartId: number | null;
  articleId: number | null;
  /**
   * What it still waits for (the waiting list's rule): `head` — it continues from another page
   * (`上接…`) and no previous part is linked; `tail` — it continues elsewhere (`下转…`) and no next part
   * is linked. Empty when nothing is missing.
   */
  waitingFor: ('head' | 'tail')[];
}

/** One page of an issue: filed (it has clippings), or known to exist and not filed yet. */
export interface IssueMapPage {
  /** As filed (the first clipping's label), or the normalised label (`3`, `A2`) of a page not filed. */
  label: string;
  /** `pageSortKey(label)`: pages are in this order. */
  sortKey: string;
  filed: boolean;
  clippings: IssueMapClipping[];
  /** Clippings of this issue whose jump markers point at this page (`下转第三版`). */
  referencedBy: number[];
  /** A page not filed between or before filed pages of the same edition (1 … the last filed number). */
  gap: boolean;
}

/** `GET /api/issues/:publicationId/:date`: the pages of one issue in order. */
export interface IssueMap {
  publicationId: number;
  publicationName: string;
  issueDate: string;
  pages: IssueMapPage[];
  /** The nearest earlier and later issue dates of this publication with clippings. */
  previousDate: string | null;
  nextDate: string | null;
}
