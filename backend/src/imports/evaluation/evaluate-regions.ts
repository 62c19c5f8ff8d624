/**
 * Region detection scored apart from the page parser (`npm run eval -- DIR --regions-only`): each
 * reference clipping is cut out of its page text (from its bodyStarts to its bodyEnds, compared without
 * whitespace), given its first title and its dateline, and the clippings of a page go through the
 * preview's region step (`withRegions`: home region from the publication's name, else inferred from the
 * page) as if the parser had segmented them perfectly. Scored as `npm run eval` scores regions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportPreview, PreviewClipping } from '@jianbao/contracts';
import { defaultRegionMatcher } from '../../regions/gazetteer';
import { homeFromPublicationName, withRegions } from '../preview-regions';
import { readGoldSet, selectedPage, type EvalOptions } from './evaluate';
import {
  addCounts,
  emptyCounts,
  scoreRegions,
  type GoldClipping,
  type GoldPage,
  type ScoreCounts,
} from './score-preview';

export interface RegionPageScore {
  file: string;
  counts: ScoreCounts;
  /** Wrong and missing places, and reference clippings that could not be cut out of the page. */
  misses: string[];
}

export interface RegionEvalReport {
  dir: string;
  pages: RegionPageScore[];
  total: ScoreCounts;
}

const strip = (s: string): string => s.replace(/\s+/g, '');

/** The reference clipping's body cut out of the whitespace-free page, or null when it cannot be found. */
export function cutBody(page: string, c: Pick<GoldClipping, 'bodyStarts' | 'bodyEnds'>): string | null {
  const start = page.indexOf(strip(c.bodyStarts));
  const endMarker = strip(c.bodyEnds);
  const end = start < 0 ? -1 : page.indexOf(endMarker, start);
  return end < 0 ? null : page.slice(start, end + endMarker.length);
}

function asPreviewClipping(c: GoldClipping, body: string): PreviewClipping {
  return {
    kind: 'article',
    kicker: null,
    title: c.titles.find((t): t is string => !!t) ?? null,
    subtitle: null,
    byline: null,
    dateline: c.dateline ? strip(c.dateline) : null,
    body,
    subheads: [],
    continuesFrom: null,
    continuesTo: null,
    regions: [],
    tags: [],
    lines: [],
    // reference clippings are sure by definition
    confidence: { boundary: 1, title: 1, byline: 1 },
  };
}

/** One page: its reference clippings through the preview's region step, scored. */
export function scorePageRegions(page: GoldPage, text: string, publication: string): RegionPageScore {
  const matcher = defaultRegionMatcher();
  const raw = strip(text);
  const counts = emptyCounts();
  const misses: string[] = [];
  const cut: Array<{ gc: GoldClipping; index: number }> = [];
  const preview: ImportPreview = { clippings: [], unassigned: [], unassignedLines: [] };
  for (const gc of page.clippings) {
    const body = cutBody(raw, gc);
    if (body === null) {
      misses.push(`${gc.ref}: cannot cut its body out of the page`);
      counts.regFN += gc.regions.length;
      continue;
    }
    cut.push({ gc, index: preview.clippings.length });
    preview.clippings.push(asPreviewClipping(gc, body));
  }
  const tagged = withRegions(preview, matcher, homeFromPublicationName(publication, matcher));
  for (const { gc, index } of cut) scoreRegions(gc, tagged.clippings[index]?.regions ?? [], counts, misses);
  return { file: page.file, counts, misses };
}

export function evaluateRegionsDir(dir: string, o: EvalOptions = {}): RegionEvalReport {
  const gold = readGoldSet(dir);
  const pages: RegionPageScore[] = [];
  let total = emptyCounts();
  for (const page of gold.pages.filter((p) => selectedPage(p, o))) {
    const text = readFileSync(join(dir, page.file), 'utf8');
    const s = scorePageRegions(page, text, page.publication ?? o.publication ?? '');
    pages.push(s);
    total = addCounts(total, s.counts);
  }
  return { dir, pages, total };
}
