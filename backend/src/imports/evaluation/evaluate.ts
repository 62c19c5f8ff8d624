/**
 * Runs the importer's preview over a folder of page texts with a `gold.json` and scores it: per page,
 * in total, and the continuation links the linking rule would make between the pages of each issue.
 * Used by `npm run eval -- DIR` and by the floor test that `npm test` runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportPreview } from '@jianbao/contracts';
import { linkCandidates, planLinks, toPartSummary, type IssuePart } from '../../continuations/linking-plan';
import { matchContinuations } from '../../continuations/matching';
import { defaultRegionMatcher } from '../../regions/gazetteer';
import { type ParseOptions, parsePage } from '../parser/page-parser';
import { homeFromPublicationName, withRegions } from '../preview-regions';
import {
  addCounts,
  emptyCounts,
  ratios,
  scorePage,
  type GoldClipping,
  type GoldPage,
  type GoldSet,
  type PageScore,
  type Ratios,
  type ScoreCounts,
} from './score-preview';

export interface EvalOptions {
  /** Publication name used for pages whose gold entry names none (it can give the home region). */
  publication?: string;
  /** Only pages whose issue date is listed (`YYYY-MM-DD`). */
  onlyDates?: readonly string[];
  /** Pages whose issue date is listed are left out. */
  exceptDates?: readonly string[];
  /** Parser options (other headline-model weights, for cross-validation). */
  parse?: ParseOptions;
}

export interface LinkScore {
  /** Links the rule would make automatically. */
  made: number;
  /** Of those, the ones joining a reference head to its own tail. */
  right: number;
  /** Reference head–tail pairs whose both halves are among the evaluated pages. */
  pairs: number;
  /** Human-readable wrong or missing links. */
  misses: string[];
}

export interface EvalReport {
  dir: string;
  pages: PageScore[];
  total: ScoreCounts;
  ratios: Ratios;
  links: LinkScore;
}

/** Reads `DIR/gold.json`; throws with a plain message when it is missing or malformed. */
export function readGoldSet(dir: string): GoldSet {
  const file = join(dir, 'gold.json');
  if (!existsSync(file)) throw new Error(`${file} not found`);
  const gold = JSON.parse(readFileSync(file, 'utf8')) as GoldSet;
  if (!Array.isArray(gold.pages)) throw new Error(`${file} has no "pages" array`);
  return gold;
}

/** The preview exactly as `import-page --dry-run --json` prints it. */
export function previewPage(text: string, publication: string, options: ParseOptions = {}): ImportPreview {
  const matcher = defaultRegionMatcher();
  return withRegions(parsePage(text, options), matcher, homeFromPublicationName(publication, matcher));
}

/** Whether a reference page is in the evaluated selection (`--only-dates`, `--except-dates`). */
export function selectedPage(page: GoldPage, o: EvalOptions): boolean {
  const date = page.issueDate ?? '';
  if (o.onlyDates && !o.onlyDates.includes(date)) return false;
  if (o.exceptDates && o.exceptDates.includes(date)) return false;
  return true;
}

export function evaluateDir(dir: string, o: EvalOptions = {}): EvalReport {
  const gold = readGoldSet(dir);
  const pages = gold.pages.filter((p) => selectedPage(p, o));
  const previews = new Map<string, ImportPreview>();
  const scores: PageScore[] = [];
  let total = emptyCounts();
  for (const page of pages) {
    const text = readFileSync(join(dir, page.file), 'utf8');
    const preview = previewPage(text, page.publication ?? o.publication ?? '', o.parse);
    previews.set(page.file, preview);
    const s = scorePage(page, preview, text);
    scores.push(s);
    total = addCounts(total, s.counts);
  }
  return { dir, pages: scores, total, ratios: ratios(total), links: scoreLinks(pages, previews, scores) };
}

/**
 * Files each issue's previews in the linking rule's eyes (heads, tails, one-to-one matching, the
 * automatic-link thresholds) and compares the links with the reference pairs: a tail whose ref is its
 * head's ref plus a suffix (`20260601-1-04` → `20260601-1-04-tail`).
 */
function scoreLinks(pages: GoldPage[], previews: Map<string, ImportPreview>, scores: PageScore[]): LinkScore {
  const parts: IssuePart[] = [];
  // pages of different papers are never one issue, even on the same date
  const publicationIds = new Map<string, number>();
  const refOf = new Map<number, string>();
  const pageOfRef = new Map<string, string>();
  pages.forEach((page, pi) => {
    const preview = previews.get(page.file);
    const score = scores[pi];
    if (!preview || !score) return;
    const refByIndex = new Map(Object.entries(score.matchedTo).map(([ref, idx]) => [idx, ref]));
    const paper = page.publication ?? '';
    const publicationId = publicationIds.get(paper) ?? publicationIds.size + 1;
    publicationIds.set(paper, publicationId);
    preview.clippings.forEach((c, ci) => {
      const id = parts.length + 1;
      const ref = refByIndex.get(ci);
      if (ref !== undefined) refOf.set(id, ref);
      parts.push({
        id,
        publicationId,
        issueDate: page.issueDate ?? '',
        pageLabel: page.page ?? '1',
        kind: c.kind,
        title: c.title,
        kicker: c.kicker,
        body: c.body,
        continuesFrom: c.continuesFrom,
        continuesTo: c.continuesTo,
        previousPartId: null,
        nextPartId: null,
      });
    });
    for (const gc of page.clippings) pageOfRef.set(gc.ref, page.file);
  });
  const { heads, tails } = linkCandidates(parts);
  const decisions = matchContinuations(heads.map(toPartSummary), tails.map(toPartSummary));
  const plan = planLinks(decisions, new Set(), []);
  const goldPairs = new Set<string>();
  for (const page of pages) {
    for (const head of page.clippings) {
      if (!head.continuesTo) continue;
      for (const p2 of pages)
        for (const tail of p2.clippings)
          if (tail.continuesFrom && tail.ref !== head.ref && samePair(head, tail))
            goldPairs.add(`${head.ref}→${tail.ref}`);
    }
  }
  const misses: string[] = [];
  let right = 0;
  const madePairs = new Set<string>();
  for (const d of plan.links) {
    const h = refOf.get(Number(d.headId)) ?? `?${String(d.headId)}`;
    const t = refOf.get(Number(d.tailId)) ?? `?${String(d.tailId)}`;
    const key = `${h}→${t}`;
    madePairs.add(key);
    if (goldPairs.has(key)) right++;
    else misses.push(`wrong link ${key}`);
  }
  for (const g of goldPairs) if (!madePairs.has(g)) misses.push(`missing link ${g}`);
  return { made: plan.links.length, right, pairs: goldPairs.size, misses };
}

/** A head and a tail of one article: named so (`…-04` → `…-04-tail`) or said so (`sameStoryAs`). */
function samePair(head: GoldClipping, tail: GoldClipping): boolean {
  return (
    tail.ref.startsWith(`${head.ref}-`) ||
    (head.sameStoryAs ?? []).includes(tail.ref) ||
    (tail.sameStoryAs ?? []).includes(head.ref)
  );
}
