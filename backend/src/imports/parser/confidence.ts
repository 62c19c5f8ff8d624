/**
 * How sure the parser is of each proposed clipping: its boundaries (by the evidence that put them
 * there), its title (the headline model's probability) and its byline (by the kind of credit). The
 * boundary figures are measured: the share of clippings opened by each kind of evidence that came out
 * exactly right on the development and synthetic pages (`npm run eval`, see docs/importer.md).
 */
import type { PreviewConfidence } from '@jianbao/contracts';
import type { BoundaryCause, HeadingAtom, SignalAtom } from './atoms';
import { isBareNameLine } from './names';
import { isBylineText } from './text-rules';

/**
 * Share of clippings whose weaker boundary came from each kind of evidence that were segmented right,
 * measured on the development pages (all dates), the synthetic and the sample pages: printed signals
 * 233/244, headlines 47/52, structure (ads, notices, banners) 36/36, two blank lines 4/4, a change of
 * column width 3/4 (rounded down where the counts are small).
 */
export const BOUNDARY_CONFIDENCE: Readonly<Record<BoundaryCause, number>> = {
  page: 0.95,
  signal: 0.95,
  headline: 0.9,
  structure: 0.95,
  gap: 0.9,
  column: 0.7,
};

/** A title the model did not vouch for (the hand rules found it) still gets at least this. */
const RULE_TITLE_FLOOR = 0.4;
/** No title found: right for continuation tails (they print none; 37/37), less so otherwise (24/28). */
const NO_TITLE_TAIL = 0.95;
const NO_TITLE = 0.85;

/** Byline confidence by the kind of credit printed. */
const BYLINE_ROLE_AND_NAMES = 0.95;
const BYLINE_BARE_NAMES = 0.85;
const BYLINE_OTHER = 0.7;
/** No byline found: many articles carry none, but one may have been missed. */
const NO_BYLINE = 0.9;

const round = (x: number): number => Math.round(x * 100) / 100;

export function previewConfidence(
  open: BoundaryCause,
  close: BoundaryCause,
  title: HeadingAtom | null,
  isTail: boolean,
  bylines: readonly SignalAtom[],
): PreviewConfidence {
  return {
    boundary: round(Math.min(BOUNDARY_CONFIDENCE[open], BOUNDARY_CONFIDENCE[close])),
    title: round(
      title === null
        ? isTail
          ? NO_TITLE_TAIL
          : NO_TITLE
        : Math.max(RULE_TITLE_FLOOR, Math.min(0.99, title.titleScore)),
    ),
    byline: round(
      bylines.length === 0
        ? NO_BYLINE
        : Math.min(
            ...bylines.map((b) =>
              isBylineText(b.value)
                ? BYLINE_ROLE_AND_NAMES
                : isBareNameLine(b.value)
                  ? BYLINE_BARE_NAMES
                  : BYLINE_OTHER,
            ),
          ),
    ),
  };
}
