/**
 * What filing a page writes, decided without a database: one draft per clipping with its raw source
 * lines and the region codes to link (and who linked them). Pure, so the API, the CLI and the bench
 * file exactly the same thing.
 */
import type {
  ClippingKind,
  EditedClipping,
  ImportPreview,
  JumpRef,
  LinkSource,
  PreviewClipping,
} from '@jianbao/contracts';
import type { RegionMatcher } from '../regions/gazetteer';
import { rawTextOf } from './page-text';
import { withRegions } from './preview-regions';

/** One clipping about to be filed. */
export interface ClippingDraft {
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
  rawText: string | null;
  regionCodes: string[];
  /** `rule` for detected regions, `manual` for the editor's own. */
  regionSource: LinkSource;
  tagIds: number[];
}

/** An edited clipping, optionally naming the page lines it was made from (for its raw text). */
export type EditedClippingInput = EditedClipping & { lines?: number[] };

/** Drafts of the automatic preview (its regions already detected). */
export function draftsFromPreview(preview: ImportPreview, lines: readonly string[]): ClippingDraft[] {
  return preview.clippings.map((c) => ({
    kind: c.kind,
    kicker: c.kicker,
    title: c.title,
    subtitle: c.subtitle,
    byline: c.byline,
    dateline: c.dateline,
    body: c.body,
    subheads: [...c.subheads],
    continuesFrom: c.continuesFrom,
    continuesTo: c.continuesTo,
    rawText: rawTextOf(
      c.lines.map((l) => l.line),
      lines,
    ),
    regionCodes: [...new Set(c.regions.map((r) => r.code))],
    regionSource: 'rule',
    tagIds: [],
  }));
}

function asPreviewClipping(c: EditedClippingInput): PreviewClipping {
  return {
    kind: c.kind,
    kicker: c.kicker ?? null,
    title: c.title ?? null,
    subtitle: c.subtitle ?? null,
    byline: c.byline ?? null,
    dateline: c.dateline ?? null,
    body: c.body,
    subheads: c.subheads ?? [],
    continuesFrom: c.continuesFrom ?? null,
    continuesTo: c.continuesTo ?? null,
    regions: [],
    tags: [],
    lines: [],
    // the editor has decided: nothing left to doubt
    confidence: { boundary: 1, title: 1, byline: 1 },
  };
}

/**
 * Drafts of the editor's clippings, filed as given. Regions: the editor's `regionCodes` when present
 * (manual), else detection over the edited text with the same home region rules as the preview.
 */
export function draftsFromEdited(
  edited: readonly EditedClippingInput[],
  lines: readonly string[],
  matcher: RegionMatcher,
  homeRegionCode: string | null,
): ClippingDraft[] {
  const base = edited.map(asPreviewClipping);
  const needsDetection = edited.some((c) => c.regionCodes === undefined);
  const detected = needsDetection
    ? withRegions({ clippings: base, unassigned: [], unassignedLines: [] }, matcher, homeRegionCode).clippings
    : base;
  return edited.map((c, i) => {
    const b = base[i] ?? asPreviewClipping(c);
    const manual = c.regionCodes !== undefined;
    return {
      ...b,
      subheads: [...b.subheads],
      rawText: c.lines ? rawTextOf(c.lines, lines) : null,
      regionCodes: manual
        ? [...new Set(c.regionCodes)]
        : [...new Set((detected[i]?.regions ?? []).map((r) => r.code))],
      regionSource: manual ? 'manual' : 'rule',
      tagIds: [...new Set(c.tagIds ?? [])],
    };
  });
}
