/**
 * Request/response shapes shared by the API and the Angular UI.
 * Type-only on purpose: both sides import it with `import type`, so nothing here exists at run time
 * and the backend DTO classes `implements` these interfaces so that drift fails to compile.
 */

import type { CLIPPING_KINDS, CLIPPING_STATUSES, ClippingFilterValues } from './clipping-filters';

/** What a clipping is. */
export type ClippingKind = (typeof CLIPPING_KINDS)[number];
/** Editorial state of a clipping. */
export type ClippingStatus = (typeof CLIPPING_STATUSES)[number];
/** Who made a tag/region link. */
export type LinkSource = 'manual' | 'rule';

/** A jump marker such as `（上接1版A）` or `（下转第三版）`, normalised. */
export interface JumpRef {
  /**
   * The page number in Arabic numerals without leading zeros: `第三版` → `3`, `（下转03版）` → `3`,
   * `（下转A03版）` → `3` with `edition` `A`. A letter printed right after the number inside the label
   * (`3A版`) stays on it (`3A`).
   */
  page: string;
  /** Article letter printed after the page (`1版A` → `A`), else null. */
  label: string | null;
  /**
   * Edition (section) letters printed before the number (`A3版` → `A`); absent or null when the marker
   * names none, in which case the page is in the edition of the page the marker is printed on.
   */
  edition?: string | null;
  /** The marker exactly as printed. */
  marker: string;
}

/** Role of one input line inside a proposed clipping (for the import wizard's highlighting). */
export type LineRole =
  | 'kicker'
  | 'title'
  | 'subtitle'
  | 'byline'
  | 'dateline'
  | 'body'
  | 'subhead'
  | 'caption'
  | 'jump'
  | 'unassigned';

/** One input line and what the parser made of it. `line` is the 0-based index in the page text split on `\n`. */
export interface LineAssignment {
  line: number;
  role: LineRole;
}

export interface RegionRef {
  code: string;
  name: string;
  /** Ancestor names from the province down, excluding the region itself. */
  path: string[];
}

export interface TagRef {
  id: number;
  name: string;
}

/**
 * How sure the parser is of a proposed clipping, each 0..1: its boundaries (the weaker of where it starts
 * and where it ends), its title and its byline. The wizard puts the least sure first.
 */
export interface PreviewConfidence {
  boundary: number;
  title: number;
  byline: number;
}

/** A clipping proposed by the page parser (the import preview contract). */
export interface PreviewClipping {
  kind: ClippingKind;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  dateline: string | null;
  body: string;
  subheads: string[];
  continuesFrom: JumpRef | null;
  continuesTo: JumpRef | null;
  regions: RegionRef[];
  tags: TagRef[];
  /** Input lines this clipping was made from, with their roles. */
  lines: LineAssignment[];
  confidence: PreviewConfidence;
}

export interface UnassignedLine {
  line: number;
  text: string;
}

/** Output of `import-page --dry-run --json` and `POST /api/imports/preview`. */
export interface ImportPreview {
  clippings: PreviewClipping[];
  /**
   * Verbatim input lines not kept whole in any clipping field: lines that belong to no clipping (page
   * furniture, banners) and, after them, lines the parser cut across fields (a jump marker or credit
   * glued to body text), so that every input line can be found whole somewhere in the preview.
   */
  unassigned: string[];
  /** Only the lines that belong to no clipping, with their line numbers: the wizard's unassigned bin. */
  unassignedLines: UnassignedLine[];
  /**
   * `POST /api/imports/preview` only: the earlier filing of the same page text for this publication,
   * with the work done on its clippings since (`null` when the page is new). The CLI leaves it out.
   */
  duplicate?: DuplicatePage | null;
}

/** Every error the API returns has this shape. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

/**
 * One rule a field broke, machine-readable so the UI can say it in its own language: the constraint's
 * name (class-validator's, e.g. `maxLength`, `minLength`, `isIsoDate`, `matches`, `isIn`,
 * `whitelistValidation`, or the API's own: `exists`, `notBefore`, `issueDateRange`, …) and its parameters.
 */
export interface FieldConstraint {
  constraint: string;
  /** Lower bound: a length, a number or (`issueDateRange`) a `YYYY-MM-DD` date. */
  min?: number | string;
  /** Upper bound, as `min`. */
  max?: number | string;
  /** The values allowed (`isIn`). */
  values?: (string | number)[];
  /** `notBefore`: the field this one must not come before. */
  other?: string;
}

/**
 * One invalid field of a 400 (`details` of a validation failure): its path (`title`, `clippings.2.title`),
 * the server's English messages and, in the same order where known, the constraints behind them.
 */
export interface FieldErrorDetail {
  field: string;
  errors: string[];
  constraints?: FieldConstraint[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * A page of a list whose count stops (docs/architecture.md, "Counts"): when `totalExact` is false,
 * counting stopped at `total` and more than `total - 1` match (the UI shows "10,000+").
 */
export interface CountedPage<T> extends Page<T> {
  totalExact: boolean;
}

/**
 * How deep the clipping list reaches: it counts matches up to this many (`total` is then this plus one,
 * `totalExact` false) and serves pages that start within them (`(page - 1) × pageSize` below it; a page
 * past it is refused with a 400 that says to narrow the filter or reverse the sort).
 */
export const CLIPPING_LIST_DEPTH = 10_000;

// ---------------------------------------------------------------------------------------------
// Resources (responses) and their write bodies (requests).
// ---------------------------------------------------------------------------------------------

export interface Publication {
  id: number;
  name: string;
  shortName: string | null;
  /** GB/T 2260 code of the publication's home region (resolves ambiguous place names). */
  homeRegionCode: string | null;
  language: string;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreatePublicationBody {
  name: string;
  shortName?: string | null;
  homeRegionCode?: string | null;
  language?: string;
  notes?: string | null;
}
export type UpdatePublicationBody = Partial<CreatePublicationBody>;

export interface ClippingTagLink {
  id: number;
  name: string;
  color: string | null;
  source: LinkSource;
}

export interface ClippingRegionLink {
  code: string;
  name: string;
  level: RegionLevel;
  path: string[];
  source: LinkSource;
}

export interface Clipping {
  id: number;
  publicationId: number;
  publicationName: string;
  /** `YYYY-MM-DD` */
  issueDate: string;
  /** The page label as printed: `1`, `A2`, `第三版`. */
  pageLabel: string;
  /** Normalised sort key of the page label (e.g. `A0002`, `0003`). */
  pageSort: string;
  kind: ClippingKind;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  dateline: string | null;
  body: string;
  subheads: string[];
  rawText: string | null;
  status: ClippingStatus;
  continuesFrom: JumpRef | null;
  continuesTo: JumpRef | null;
  importId: number | null;
  /** Continuation chain (null when the clipping stands alone). */
  articleId: number | null;
  previousPartId: number | null;
  nextPartId: number | null;
  tags: ClippingTagLink[];
  regions: ClippingRegionLink[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateClippingBody {
  publicationId: number;
  issueDate: string;
  pageLabel: string;
  kind?: ClippingKind;
  kicker?: string | null;
  title?: string | null;
  subtitle?: string | null;
  byline?: string | null;
  dateline?: string | null;
  body: string;
  subheads?: string[];
  rawText?: string | null;
  status?: ClippingStatus;
  tagIds?: number[];
  regionCodes?: string[];
}

export interface UpdateClippingBody extends Partial<CreateClippingBody> {
  /** The version this edit was based on (optimistic locking): a stale one is refused with 409. */
  version?: number;
}

/** Query of `GET /api/clippings`. */
/** `GET /api/clippings`: paging, sorting and the filters of `CLIPPING_FILTERS`. */
export interface ListClippingsQuery extends ClippingFilterValues {
  page?: number;
  pageSize?: number;
  /**
   * e.g. `issueDate`, `-issueDate`, `pageSort`, `title`, `createdAt`, `-updatedAt`, or `relevance`
   * (headline hits of `q` first, then newest issue; the default when `q` is set).
   */
  sort?: string;
}

// ---------------------------------------------------------------------------------------------
// Full-text search (docs/search.md).
// ---------------------------------------------------------------------------------------------

/**
 * A list row's hits of `q`, as HTML: every character of the text is escaped and `<mark>…</mark>` is
 * the only markup (render it as HTML, nothing else). Headline fields null when the clipping has none.
 */
export interface SearchHighlight {
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  /** About 100 characters around the first hits (body, or the first other field with a hit), `…` where cut. */
  snippet: string;
}

/**
 * A row of `GET /api/clippings`: the clipping with an excerpt instead of its body and without `rawText`
 * (the page lines it was cut from) — `GET /api/clippings/:id` has both — and with `q` its highlighted
 * hits.
 */
export interface ClippingListItem extends Omit<Clipping, 'rawText' | 'body'> {
  /** The body's first 80 characters, whitespace folded, `…` where cut. */
  excerpt: string;
  highlight?: SearchHighlight;
}

/**
 * `GET /api/clippings`. Matches are counted up to {@link CLIPPING_LIST_DEPTH} (10,000), with `q` up to
 * the search's 1,000: past the limit `total` is the limit plus one and `totalExact` false (the UI shows
 * "10,000+" or "1,000+").
 */
export type ClippingListPage = CountedPage<ClippingListItem>;

export interface FacetCount<V> {
  value: V;
  count: number;
}

export interface NamedFacetCount extends FacetCount<number> {
  name: string;
}

export interface RegionFacetCount extends NamedFacetCount {
  level: RegionLevel;
  parentId: number | null;
}

/**
 * `GET /api/search/facets` (the list's query string, paging and sort ignored): counts over the list's
 * current result set, most frequent first. Past 1,000 matches the newest 1,000 are counted
 * (`approximate`, `counted`), as the list's total stops at 1,000.
 */
export interface ClippingFacets {
  counted: number;
  approximate: boolean;
  publication: NamedFacetCount[];
  kind: FacetCount<ClippingKind>[];
  status: FacetCount<ClippingStatus>[];
  /** Issue years, `2024`. */
  year: FacetCount<string>[];
  tag: NamedFacetCount[];
  /** Province, prefecture and county levels: each matching clipping counted once per region. */
  region: RegionFacetCount[];
}

/** `GET /api/search/suggest?q=`: a few of each, for the search box as one types. */
export interface SearchSuggestions {
  /** Clippings with a hit of `q` in their headline, newest first (plain text). */
  titles: Array<{ id: number; title: string; issueDate: string }>;
  tags: Array<{ id: number; name: string }>;
  regions: Array<{ id: number; name: string; path: string }>;
  publications: Array<{ id: number; name: string }>;
}

export interface Tag {
  id: number;
  name: string;
  parentId: number | null;
  color: string | null;
  description: string | null;
  /** Auto-tagging rule, if any. */
  rule?: TagRule | null;
  createdAt: string;
  updatedAt: string;
}
export interface CreateTagBody {
  name: string;
  parentId?: number | null;
  color?: string | null;
  description?: string | null;
  rule?: TagRule | null;
}
export type UpdateTagBody = Partial<CreateTagBody>;

export type RegionLevel = 'province' | 'prefecture' | 'county';

export interface Region {
  id: number;
  /** GB/T 2260 six-digit code. */
  code: string;
  name: string;
  level: RegionLevel;
  parentId: number | null;
}
export interface CreateRegionBody {
  code: string;
  name: string;
  level: RegionLevel;
  parentId?: number | null;
}
export type UpdateRegionBody = Partial<CreateRegionBody>;

export interface Health {
  status: 'ok';
  database: 'ok';
  version: string;
  /** True on a fresh install until the first admin exists (the UI then shows the one-time setup screen). */
  setupRequired: boolean;
}

// ---------------------------------------------------------------------------------------------
// Filing pages (imports)
// ---------------------------------------------------------------------------------------------

/** Body of `POST /api/imports/preview`. */
export interface ImportPreviewBody {
  text: string;
  publicationId: number;
  issueDate: string;
  pageLabel: string;
}

/** A clipping as the editor fixed it in the import wizard (fields of PreviewClipping that are filed). */
export interface EditedClipping {
  kind: ClippingKind;
  kicker?: string | null;
  title?: string | null;
  subtitle?: string | null;
  byline?: string | null;
  dateline?: string | null;
  body: string;
  subheads?: string[];
  continuesFrom?: JumpRef | null;
  continuesTo?: JumpRef | null;
  /** Region codes to link (manual); when absent, detection runs on filing. */
  regionCodes?: string[];
  tagIds?: number[];
}

/** Body of `POST /api/imports/replace-plan`: the page as it would be filed. */
export interface ReplacePlanBody extends ImportPreviewBody {
  /** The editor's clippings; when absent the automatic preview is filed. */
  clippings?: EditedClipping[];
}

/**
 * With `replace`, what happens to the earlier clippings that carry work done after filing:
 * `carry-over` moves that work onto the matching new clipping (one without a match is kept as it is);
 * `keep` keeps them all as they are and does not file the new clippings that match them.
 */
export type ReplaceMode = 'carry-over' | 'keep';

/** Body of `POST /api/imports`. */
export interface CreateImportBody extends ReplacePlanBody {
  /** Re-file a page already imported (its earlier clippings are replaced). */
  replace?: boolean;
  /** With `replace`: see {@link ReplaceMode}; default `carry-over`. */
  replaceMode?: ReplaceMode;
}

export interface PageImport {
  id: number;
  publicationId: number;
  issueDate: string;
  pageLabel: string;
  sha256: string;
  clippingCount: number;
  createdAt: string;
}

/** Answer of `POST /api/imports`: what was created. */
export interface ImportResult {
  import: PageImport;
  clippings: Clipping[];
  /** Continuation links made or proposed while filing. */
  links: ContinuationSuggestion[];
  /** Present when an earlier filing of the page was replaced: what happened to its clippings. */
  replaced?: ReplaceReport;
}

/** Clipping fields an editor may change after filing; re-filing the page carries these over. */
export type WorkField =
  | 'publicationId'
  | 'issueDate'
  | 'pageLabel'
  | 'kind'
  | 'kicker'
  | 'title'
  | 'subtitle'
  | 'byline'
  | 'dateline'
  | 'body'
  | 'subheads';

/** A continuation link made, or a link cut, by hand on a filed clipping. */
export interface HandLink {
  /** `linked`: joined by hand (or a proposal accepted); `rejected`: cut or refused by hand. */
  state: 'linked' | 'rejected';
  /** Where the other part is: before this clipping (`previous`) or after it (`next`). */
  side: 'previous' | 'next';
  otherId: number;
}

/**
 * What was done by hand to a filed clipping since it was filed, read from its history (the state
 * filed against the state now) and its continuation links. Rule tags and automatic links are not work.
 */
export interface ClippingWork {
  /** Fields changed since filing. */
  fields: WorkField[];
  /** The status set since filing (e.g. `reviewed`); null when unchanged. */
  status: ClippingStatus | null;
  /** Tags added by hand since filing. */
  tagsAdded: TagRef[];
  /** Tags removed since filing (a removed rule tag stays excluded from its rule). */
  tagsRemoved: TagRef[];
  regionsAdded: { code: string; name: string }[];
  regionsRemoved: { code: string; name: string }[];
  links: HandLink[];
  /** Who made these changes (user names; `cli` for the command line), in the order they first did. */
  editors: string[];
  /** When the latest of them was made (ISO 8601); null when only links were made. */
  changedAt: string | null;
}

/** A clipping of an earlier filing of the page that carries work done after filing. */
export interface WorkedClipping {
  clipping: ClippingSummary;
  work: ClippingWork;
  /**
   * The new clipping it matches: 0-based index into the clippings being filed (the preview's
   * proposal, or the body's `clippings`); null when none matches.
   */
  match: number | null;
  /** Matched by the same body, or else the same title (whitespace and full/half width ignored). */
  matchedBy: 'body' | 'title' | null;
}

/** The earlier filing of the same page text for a publication, and what replacing it would touch. */
export interface DuplicatePage {
  import: PageImport;
  /** Its clippings that carry work done after filing (empty: replacing loses nothing done by hand). */
  worked: WorkedClipping[];
}

/** Answer of `POST /api/imports/replace-plan` (`duplicate` null: nothing filed before, nothing to replace). */
export interface ReplacePlan {
  duplicate: DuplicatePage | null;
}

/** Why a hand-made link could not be made again on the new clipping. */
export type LinkNotRemadeReason = 'other-gone' | 'slot-taken' | 'refused';

/** What replacing an earlier filing did (`ImportResult.replaced`). */
export interface ReplaceReport {
  /** The replaced import (deleted). */
  importId: number;
  mode: ReplaceMode;
  /** Earlier clippings moved to the trash (reason `import-replaced`). */
  trashed: number;
  /** Work carried from an earlier clipping (now in the trash) onto a new one. */
  carried: { fromId: number; toId: number; work: ClippingWork }[];
  /** Earlier clippings left live (moved to the new import): by choice (`keep`) or for want of a match. */
  kept: { clippingId: number; reason: 'keep' | 'no-match' }[];
  /** Hand-made links that could not be made again. */
  linksNotRemade: { clippingId: number; otherId: number; reason: LinkNotRemadeReason }[];
}

// ---------------------------------------------------------------------------------------------
// Continued articles
// ---------------------------------------------------------------------------------------------

export interface ClippingSummary {
  id: number;
  publicationId: number;
  publicationName: string;
  issueDate: string;
  pageLabel: string;
  kind: ClippingKind;
  title: string | null;
  /** First ~80 characters of the body. */
  excerpt: string;
}

/** `GET /api/continuations/waiting`: a part whose other half is not filed (or not found) yet. */
export interface WaitingPart {
  clipping: ClippingSummary;
  /** `tail`: waits for its head (it has continuesFrom); `head`: waits for its tail (continuesTo). */
  waitingFor: 'head' | 'tail';
  /** Page and label it expects the other part on. */
  expects: JumpRef;
}

export type SuggestionStatus = 'linked' | 'proposed' | 'rejected';

/** A link between a head and its continuation, made automatically or proposed with its evidence. */
export interface ContinuationSuggestion {
  id: number;
  headId: number;
  tailId: number;
  score: number;
  reasons: string[];
  status: SuggestionStatus;
  /** `rule` when the matcher made it; `manual` when a person linked it. */
  source: LinkSource;
}

export interface ChainPart {
  clippingId: number;
  pageLabel: string;
  title: string | null;
  excerpt: string;
}

/** `GET /api/clippings/:id/continuation`. */
export interface ContinuationView {
  articleId: number | null;
  chain: ChainPart[];
  /** Open proposals involving this clipping, best first. */
  suggestions: Array<ContinuationSuggestion & { other: ClippingSummary }>;
}

/** `PUT /api/clippings/:id/continuation`: set or clear this clipping's neighbours. */
export interface SetContinuationBody {
  /** The part before this one (its head side); null unlinks; absent leaves as is. */
  previousPartId?: number | null;
  /** The part after this one; null unlinks; absent leaves as is. */
  nextPartId?: number | null;
}

export interface ArticlePageBoundary {
  clippingId: number;
  pageLabel: string;
  /** Character offsets into `body`. */
  start: number;
  end: number;
}

/** `GET /api/articles/:id`: the article reassembled from its parts. */
export interface Article {
  id: number;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  /** The first part's byline (the head carries it). */
  byline: string | null;
  publicationId: number;
  publicationName: string;
  issueDate: string;
  parts: ChainPart[];
  body: string;
  boundaries: ArticlePageBoundary[];
}

// ---------------------------------------------------------------------------------------------
// Topics, regions, bulk editing, same story
// ---------------------------------------------------------------------------------------------

export type TagRuleMode = 'any' | 'all' | 'phrase' | 'regex' | 'fuzzy';

export interface TagRule {
  mode: TagRuleMode;
  terms: string[];
  pattern?: string;
  caseSensitive?: boolean;
}

/** `POST /api/tags/:id/apply` body and answer; `POST /api/tags/rules/preview` answers the same counts. */
export interface ApplyRuleBody {
  dryRun?: boolean;
}
export interface ApplyRuleResult {
  matched: number;
  /** Links added (0 on a dry run). */
  added: number;
  sample: ClippingSummary[];
}

/** `POST /api/tags/:id/merge`. */
export interface MergeTagBody {
  intoId: number;
}
/** `DELETE /api/tags/:id?clippings=…`: what happens to its clippings' links. */
export type TagDeleteMode = 'detach' | 'moveToParent';

/** `GET /api/regions/tree?parentId=`: one level of the tree with counts (descendants included). */
export interface RegionNode {
  id: number;
  code: string;
  name: string;
  level: RegionLevel;
  childCount: number;
  clippingCount: number;
}

/** `POST /api/clippings/bulk`. */
export interface BulkEditBody {
  /** Either explicit ids or everything matching a list filter. */
  ids?: number[];
  filter?: ClippingFilterValues;
  addTagIds?: number[];
  removeTagIds?: number[];
  addRegionCodes?: string[];
  removeRegionCodes?: string[];
  kind?: ClippingKind;
  status?: ClippingStatus;
  publicationId?: number;
  /** Count only: answers `matched` without changing anything. */
  dryRun?: boolean;
}
export interface BulkEditResult {
  matched: number;
  updated: number;
}

/** `GET /api/clippings/:id/keywords`: topic keyword suggestions (jieba TF-IDF). */
export interface KeywordSuggestion {
  keyword: string;
  weight: number;
}

/** `GET /api/clippings/:id/stories`: the same wire story elsewhere. */
export interface SameStory {
  clipping: ClippingSummary;
  containment: number;
}

/** A story group's review state: proposed by detection, or confirmed by an editor. */
export type StoryGroupStatus = 'proposed' | 'confirmed';
export const STORY_GROUP_STATUSES: readonly StoryGroupStatus[] = ['proposed', 'confirmed'];

/**
 * One text of a story group: a clipping standing alone, or a continued article (its parts together),
 * named by its first part.
 */
export interface StoryMember {
  /** The text's first part (the clipping itself when it stands alone). */
  clippingId: number;
  /** Every part of the text, first part first. */
  partIds: number[];
  publicationId: number;
  publicationName: string;
  issueDate: string;
  /** The page of each part, in order. */
  pageLabels: string[];
  title: string | null;
  excerpt: string;
  /** Characters of the text (its parts together). */
  textLength: number;
  /** Containment of the smaller text in the larger, against the group's main text (1 for the main). */
  containment: number;
  main: boolean;
}

/** `GET /api/stories`: texts carrying the same story, with the main one first. */
export interface StoryGroup {
  id: number;
  status: StoryGroupStatus;
  mainClippingId: number;
  /** The main text was chosen by an editor (else: earliest issue date, then the longest text). */
  mainChosen: boolean;
  members: StoryMember[];
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/stories/:id`: a group with its members' full texts (parts joined), for the side-by-side view. */
export interface StoryGroupDetail extends StoryGroup {
  texts: { clippingId: number; text: string }[];
}

/** A page of story groups (proposed first) with the queue's counts. */
export interface StoryGroupPage extends Page<StoryGroup> {
  counts: Record<StoryGroupStatus, number>;
}

/**
 * `GET /api/stories/marks?ids=`: the story group of each of these clippings (one list page), for the
 * list rows' same-story mark. Only clippings that are a text of a group have one (a continued article
 * is a text named by its first part).
 */
export interface StoryMark {
  clippingId: number;
  groupId: number;
  status: StoryGroupStatus;
  /** Texts in the group, this one included. */
  texts: number;
  /** This clipping is the group's main text. */
  main: boolean;
}

/** `POST /api/stories/:id/reject`: without `clippingIds` the whole group is rejected. */
export interface RejectStoryBody {
  clippingIds?: number[];
}

/** `POST /api/stories/:id/split`: these members leave into a group of their own. */
export interface SplitStoryBody {
  clippingIds: number[];
}

/** `PUT /api/stories/:id/main`. */
export interface ChooseStoryMainBody {
  clippingId: number;
}

/** What a reject or a split leaves: the group (null once fewer than two texts remain) and the new one. */
export interface StoryGroupChange {
  group: StoryGroup | null;
  split: StoryGroup | null;
}

// ---------------------------------------------------------------------------------------------
// Accounts, sessions and roles
// ---------------------------------------------------------------------------------------------

/** viewer < editor < admin: each role can do everything the ones below it can. */
export type Role = 'viewer' | 'editor' | 'admin';

export interface User {
  id: number;
  username: string;
  role: Role;
  /** Disabled accounts cannot log in; their sessions are ended. */
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

/** Body of `POST /api/auth/login` and `POST /api/auth/setup`. */
export interface LoginBody {
  username: string;
  password: string;
}

/**
 * Answer of `POST /api/auth/login` (and `/setup`): the session cookie is set as well; `token` is
 * for API clients (`Authorization: Bearer …`), `csrfToken` must be sent as `X-CSRF-Token` on every
 * state-changing request made with the cookie.
 */
export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: User;
}

/** `GET /api/auth/me`: who is logged in (401 when nobody). */
export interface SessionInfo {
  user: User;
  csrfToken: string;
  expiresAt: string;
}

export interface CreateUserBody {
  username: string;
  password: string;
  role: Role;
}

export interface UpdateUserBody {
  role?: Role;
  disabled?: boolean;
  /** A new password (admin reset); the user's sessions are ended. */
  password?: string;
}

export interface ChangePasswordBody {
  currentPassword: string;
  newPassword: string;
}

/** One row of the admin audit log (`GET /api/audit`). */
export interface AuditEvent {
  id: number;
  at: string;
  /** e.g. `login`, `login-failed`, `logout`, `user-created`, `user-updated`, `clipping-trashed`, … */
  action: string;
  actorId: number | null;
  actorName: string | null;
  targetType: string | null;
  targetId: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
}

// ---------------------------------------------------------------------------------------------
// History, restore and trash
// ---------------------------------------------------------------------------------------------

/** Everything about a clipping a revision records (and a restore puts back). */
export type ClippingSnapshot = Pick<
  Clipping,
  | 'publicationId'
  | 'issueDate'
  | 'pageLabel'
  | 'kind'
  | 'kicker'
  | 'title'
  | 'subtitle'
  | 'byline'
  | 'dateline'
  | 'body'
  | 'subheads'
  | 'status'
  | 'continuesFrom'
  | 'continuesTo'
  | 'previousPartId'
  | 'nextPartId'
> & {
  /** Tag ids with how they were attached. */
  tags: { id: number; name: string; source: LinkSource }[];
  regions: { code: string; name: string; source: LinkSource }[];
  /** Same-story decisions (confirmed / rejected pairs) touching this clipping, when recorded. */
  stories?: { otherId: number; decision: string }[];
};

/** One changed field between two revisions. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** One entry of `GET /api/clippings/:id/history`, newest first. */
export interface ClippingRevision {
  id: number;
  clippingId: number;
  /** The clipping's `version` after this change. */
  version: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  /** `created`, `edited`, `tags`, `regions`, `linked`, `unlinked`, `story`, `restored`, `trashed`, `untrashed`, `bulk`, `rule`, … */
  action: string;
  changes: FieldChange[];
  snapshot: ClippingSnapshot;
  /** Extra facts, when any: `restoredVersion` and `notRestored` of a restore, `reason` of a trashing, … */
  detail?: Record<string, unknown>;
}

/** Body of `POST /api/clippings/:id/restore`. */
export interface RestoreRevisionBody {
  /** The revision (its `version`) to bring back. */
  version: number;
  /** The clipping's current version (optimistic locking, as in PATCH). */
  currentVersion: number;
}

/** One item in the trash (`GET /api/trash`). */
export interface TrashItem {
  id: number;
  /** What was deleted: `clipping` (imports put each of their clippings here too). */
  entityType: string;
  entityId: number;
  /** A readable label: the clipping's title or first characters of its body. */
  label: string;
  deletedAt: string;
  deletedById: number | null;
  deletedByName: string | null;
  /** Why: `deleted`, `import-deleted`, `import-replaced`, … */
  reason: string;
  /** Where the clipping was printed (from its stored row; the name as the publication is called now, null when it is gone). */
  publicationId: number | null;
  publicationName: string | null;
  issueDate: string | null;
  pageLabel: string | null;
  /** The first characters of its body (whitespace folded). */
  excerpt: string;
  /**
   * Live clippings restoring it would duplicate: same publication, the same page (or the page text
   * filed again) and the same body or title (whitespace ignored). Empty when none.
   */
  duplicates: ClippingSummary[];
}

/** Body of `POST /api/trash/restore`: trash items to restore together (all or none). */
export interface BulkRestoreBody {
  ids: number[];
}

/** Why a trash item cannot be restored: gone from the trash, its clipping id taken again, its publication deleted. */
export type TrashRestoreProblem = 'not-found' | 'id-taken' | 'publication-gone';

/** One item of a bulk restore: restored (with the live clippings it duplicates), or the problem that stopped it. */
export interface TrashRestoreOutcome {
  trashItemId: number;
  clippingId: number | null;
  label: string | null;
  restored: boolean;
  problem: TrashRestoreProblem | null;
  duplicates: ClippingSummary[];
}

/**
 * Answer of `POST /api/trash/restore` (200): every item restored. When one cannot be, nothing is
 * (one transaction) and the 409's `details` is `{ items: TrashRestoreOutcome[] }`, naming each problem.
 */
export interface BulkRestoreResult {
  restored: number;
  items: TrashRestoreOutcome[];
}

/** Answer of `POST /api/trash/:id/restore`: the restored clipping, and the live ones it duplicates. */
export interface RestoredClipping extends Clipping {
  duplicates: ClippingSummary[];
}

// ---------------------------------------------------------------------------------------------
// Articles index, exports and the archive file
// ---------------------------------------------------------------------------------------------

/** Where one part of a continued article was printed. */
export interface ArticlePartPage {
  clippingId: number;
  publicationName: string;
  issueDate: string;
  pageLabel: string;
}

/** `GET /api/articles`: one reassembled continued article with its parts' pages, in reading order. */
export interface ArticleSummary {
  id: number;
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  publicationId: number;
  publicationName: string;
  issueDate: string;
  parts: ArticlePartPage[];
}

/** `GET /api/articles?publicationId&from&to&page&pageSize`. */
export interface ListArticlesQuery {
  publicationId?: number;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/** Formats of `GET /api/exports/clippings` (the list or a selection). */
export type ListExportFormat = 'csv' | 'json';
/** Formats of one clipping or article (`GET /api/clippings/:id/export`, `GET /api/articles/:id/export`). */
export type TextExportFormat = 'md' | 'txt';

/** A publication in the archive file. */
export interface ArchivePublication {
  id: number;
  name: string;
  shortName: string | null;
  homeRegionCode: string | null;
  language: string;
  notes: string | null;
}

/** A tag in the archive file; `parentId` names another tag of the file (the tree). */
export interface ArchiveTag {
  id: number;
  parentId: number | null;
  name: string;
  color: string | null;
  description: string | null;
  rule: TagRule | null;
}

/**
 * A clipping in the archive file: every field, its tag links (ids of the file's tags) and region links
 * (GB/T 2260 codes) with who made them, and its continuation neighbours (ids of the file's clippings).
 */
export interface ArchiveClipping {
  id: number;
  publicationId: number;
  issueDate: string;
  pageLabel: string;
  kind: ClippingKind;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  dateline: string | null;
  body: string;
  subheads: string[];
  rawText: string | null;
  status: ClippingStatus;
  continuesFrom: JumpRef | null;
  continuesTo: JumpRef | null;
  /** The article the part belongs to (informative: the chain is rebuilt from the neighbours). */
  articleId: number | null;
  previousPartId: number | null;
  nextPartId: number | null;
  tags: Array<{ id: number; source: LinkSource }>;
  regions: Array<{ code: string; source: LinkSource }>;
  createdAt: string;
  updatedAt: string;
}

/**
 * The JSON export (`GET /api/exports/clippings?format=json`), which `POST /api/exports/import` and
 * `npm run cli -- import-json FILE` read back: every publication and tag, and the exported clippings.
 */
export interface ArchiveFile {
  format: 'jianbao-archive';
  version: 1;
  exportedAt: string;
  publications: ArchivePublication[];
  tags: ArchiveTag[];
  clippings: ArchiveClipping[];
}

/** Answer of `POST /api/exports/import`: how many of each were created (or matched, for publications and tags). */
export interface ArchiveImportResult {
  publications: number;
  tags: number;
  clippings: number;
  tagLinks: number;
  regionLinks: number;
  /** Continuation links made again. */
  links: number;
  /** Articles (chains of two or more parts) made again. */
  articles: number;
}

// The shared text rules (runtime code: see contracts/src/text/index.ts).
export * from './text';
// The list filters, declared once (runtime data: see contracts/src/clipping-filters.ts).
export * from './clipping-filters';
// Saved views and the issue map (types and two limits: see contracts/src/saved-views.ts).
export * from './saved-views';
export * from './input-rules';
// The dashboard's counts and work queues.
export * from './dashboard';
