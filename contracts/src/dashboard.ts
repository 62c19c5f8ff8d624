/** One bar of a dashboard chart: what it counts and how many. */
export interface DashboardBucket {
  /** The value the list filters on: an issue date or week start (`YYYY-MM-DD`), a publication, region or tag id. */
  key: string;
  label: string;
  count: number;
}

/** A region bar: `drillable` when regions inside it have clippings (ask again with `regionId`). */
export interface DashboardRegionBucket extends DashboardBucket {
  drillable: boolean;
}

/** The work queues: what waits for an editor, each a count. */
export interface WorkQueues {
  /** Clippings still in `draft`. */
  drafts: number;
  /** Clippings without any region. */
  withoutRegion: number;
  /** Clippings without any tag (topic). */
  withoutTopic: number;
  /** Parts of continued articles whose other half is not linked. */
  waitingParts: number;
  /** Continuation links proposed and not yet accepted or rejected. */
  proposedLinks: number;
  /** A clipping with a proposed link (opened to review it), null when none. */
  firstProposedClippingId: number | null;
  /** Story groups proposed and not yet reviewed (confirmed, split or rejected on `/stories`). */
  sameStory: number;
  /**
   * Filed pages whose "unassigned" bin holds lines (page furniture aside) not yet marked reviewed
   * (`/imports/unassigned`).
   */
  unassignedImports: number;
}

/** One line of a filed page's "unassigned" bin: held by no clipping. */
export interface ImportBinLine {
  /** 0-based line number in the page text. */
  line: number;
  text: string;
  /** Page furniture (running header, page number, 责任编辑 line…): kept, but no reason to wait in the queue. */
  furniture: boolean;
}

/** `GET /api/imports/unassigned`: a filed page waiting with its unassigned lines. */
export interface ImportBin {
  importId: number;
  publicationId: number;
  publicationName: string;
  issueDate: string;
  pageLabel: string;
  /** When the page was filed (ISO). */
  filedAt: string;
  /** Its clippings now. */
  clippingCount: number;
  /** Lines that are not page furniture. */
  lineCount: number;
  lines: ImportBinLine[];
  reviewedAt: string | null;
  reviewedBy: string | null;
}

/** `GET /api/dashboard`: the landing page's counts. */
export interface Dashboard {
  total: number;
  /** The latest issue date filed (the per-day window ends there), null on an empty archive. */
  lastIssueDate: string | null;
  /** Per issue day over the `days` days up to `lastIssueDate` (days without clippings left out). */
  perDay: DashboardBucket[];
  /** Per week (Monday first) over the same window; `key` is the Monday. */
  perWeek: DashboardBucket[];
  days: number;
  perPublication: DashboardBucket[];
  /** The regions directly inside `regionId` (provinces when none), each counting its whole subtree. */
  perRegion: DashboardRegionBucket[];
  /** The region the per-region counts are inside, with its path from the top (empty at the top). */
  regionPath: { id: number; name: string }[];
  /** Top-level tags (topics), each counting its whole subtree. */
  perTopic: DashboardBucket[];
  queues: WorkQueues;
}

/** Query of `GET /api/dashboard`. */
export interface DashboardQuery {
  /** Per-region counts inside this region (drilling down). */
  regionId?: number;
  /** Length of the per-day window, 7–366 (default 90). */
  days?: number;
}
