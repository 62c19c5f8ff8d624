/**
 * Request/response shapes shared by the API and the Angular UI.
 * Type-only on purpose: both sides import it with `import type`, so nothing here exists at run time
 * and the backend DTO classes `implements` these interfaces so that drift fails to compile.
 */

/** What a clipping is. */
export type ClippingKind = 'article' | 'photo' | 'brief' | 'ad' | 'notice';
/** Editorial state of a clipping. */
export type ClippingStatus = 'draft' | 'reviewed';
/** Who made a tag/region link. */
export type LinkSource = 'manual' | 'rule';

/** A jump marker such as `（上接1版A）` or `（下转第三版）`, normalised. */
export interface JumpRef {
  /** Page normalised to Arabic numerals plus any edition letter: `1`, `A3`, `3`. */
  page: string;
  /** Article letter printed after the page (`1版A` → `A`), else null. */
  label: string | null;
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
}

export interface UnassignedLine {
  line: number;
  text: string;
}

/** Output of `import-page --dry-run --json` and `POST /api/imports/preview`. */
export interface ImportPreview {
  clippings: PreviewClipping[];
  /** Non-blank input lines that belong to no clipping (page furniture, banners, unreadable bits). */
  unassigned: string[];
  /** The same lines with their line numbers. */
  unassignedLines: UnassignedLine[];
}

/** Every error the API returns has this shape. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
