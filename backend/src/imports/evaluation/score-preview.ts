/**
 * Scores import previews against a reference segmentation (`gold.json`): the same measures as the
 * workplace's `score-import.mjs` — segmentation P/R/F1 (a proposed clipping holds exactly one reference
 * body), titles, continuation markers, bylines, datelines, regions, input lines lost — per page and in
 * total, plus continuation links made between the pages of one issue. Pure: no file or framework access.
 */
import type { ImportPreview, PreviewClipping, RegionRef } from '@jianbao/contracts';

/** A reference jump marker: the page it names, and the article letter if printed. */
export interface GoldJump {
  page: string;
  label: string | null;
}

/** One reference clipping (the schema of `gold.json`). */
export interface GoldClipping {
  ref: string;
  kind?: string;
  /** Every accepted title; `null` means the clipping has none (a continuation tail). */
  titles: Array<string | null>;
  bodyStarts: string;
  bodyEnds: string;
  dateline?: string | null;
  byline?: string | null;
  bylineNames?: string[];
  continuesFrom?: GoldJump | null;
  continuesTo?: GoldJump | null;
  regions: string[];
  /** Places that may be tagged without counting against precision; null: none is judged. */
  regionsAlso?: string[] | null;
  /** Refs of the same story elsewhere (on a head, its continued tail; on a tail, its head). */
  sameStoryAs?: string[];
}

export interface GoldPage {
  file: string;
  publication?: string;
  issueDate?: string;
  page?: string;
  clippings: GoldClipping[];
}

export interface GoldSet {
  about?: string;
  pages: GoldPage[];
}

/** Counts that add up over pages. */
export interface ScoreCounts {
  gold: number;
  pred: number;
  matched: number;
  title: number;
  cont: number;
  contGold: number;
  byline: number;
  bylineGold: number;
  dateline: number;
  datelineGold: number;
  regTP: number;
  regFN: number;
  regFP: number;
  /** Places not counted as wrong only because the clipping's `regionsAlso` is null (nothing judged). */
  regUnjudged: number;
  linesLost: number;
  lines: number;
}

export interface PageScore {
  file: string;
  counts: ScoreCounts;
  /** Human-readable misses, one per wrong field or missing clipping. */
  misses: string[];
  lostLines: string[];
  /** Index of the proposed clipping matched to each reference clipping (by ref), for link scoring. */
  matchedTo: Record<string, number>;
}

export interface Ratios {
  precision: number;
  recall: number;
  f1: number;
  regionsPrecision: number;
  regionsRecall: number;
}

export function emptyCounts(): ScoreCounts {
  return {
    gold: 0,
    pred: 0,
    matched: 0,
    title: 0,
    cont: 0,
    contGold: 0,
    byline: 0,
    bylineGold: 0,
    dateline: 0,
    datelineGold: 0,
    regTP: 0,
    regFN: 0,
    regFP: 0,
    regUnjudged: 0,
    linesLost: 0,
    lines: 0,
  };
}

export function addCounts(a: ScoreCounts, b: ScoreCounts): ScoreCounts {
  const out = emptyCounts();
  for (const k of Object.keys(out) as Array<keyof ScoreCounts>) out[k] = a[k] + b[k];
  return out;
}

const compact = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, '').replace(/■/g, '');

/** Compared without whitespace or bullets, with brackets and quotes folded to one form. */
export const fold = (s: string | null | undefined): string =>
  compact(s).replace(/（/g, '(').replace(/）/g, ')').replace(/[“”]/g, '"').replace(/[‘’]/g, "'");

const PLACE_SUFFIX_RE =
  /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|地区|省|市|县|区|盟|旗)$/;
const placeKey = (s: string): string => compact(s).replace(PLACE_SUFFIX_RE, '');
const CN_NUM: Record<string, string> = {
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  十: '10',
};
const pageKey = (p: string | null | undefined): string => {
  const s = compact(String(p ?? ''))
    .replace(/^第/, '')
    .replace(/版$/, '');
  return s.replace(/^[一二三四五六七八九十]+$/, (m) => (m.length === 1 ? (CN_NUM[m] ?? m) : m));
};
const NEUTRAL_PLACES = new Set(['全国', '中国', '中华人民共和国'].map(placeKey));

/** Scores one page's preview; `input` (the page text) enables the nothing-lost check. */
export function scorePage(page: GoldPage, preview: ImportPreview, input: string | null): PageScore {
  const counts = emptyCounts();
  const clips = preview.clippings;
  const gold = page.clippings;
  const used = new Set<number>();
  const misses: string[] = [];
  const matchedTo: Record<string, number> = {};
  const folded = clips.map((c) => fold(c.body));
  for (const gc of gold) {
    const others = gold.filter((o) => o !== gc).map((o) => fold(o.bodyStarts));
    const starts = fold(gc.bodyStarts);
    const ends = fold(gc.bodyEnds);
    const idx = folded.findIndex(
      (b, i) => !used.has(i) && b.includes(starts) && b.includes(ends) && !others.some((o) => b.includes(o)),
    );
    counts.gold++;
    if (gc.continuesFrom) counts.contGold++;
    if (gc.byline) counts.bylineGold++;
    if (gc.dateline) counts.datelineGold++;
    const pc = idx >= 0 ? clips[idx] : undefined;
    if (pc === undefined) {
      misses.push(`${gc.ref}: no clipping holds exactly its body`);
      counts.regFN += gc.regions.length;
      continue;
    }
    used.add(idx);
    matchedTo[gc.ref] = idx;
    counts.matched++;
    scoreFields(gc, pc, counts, misses);
  }
  counts.pred = clips.length;
  const lostLines = input === null ? [] : lostInputLines(input, preview);
  if (input !== null) {
    counts.lines = input.split('\n').filter((l) => fold(l).length > 0).length;
    counts.linesLost = lostLines.length;
  }
  return { file: page.file, counts, misses, lostLines, matchedTo };
}

function scoreFields(gc: GoldClipping, pc: PreviewClipping, counts: ScoreCounts, misses: string[]): void {
  const [k, t, s] = [pc.kicker, pc.title, pc.subtitle].map(fold) as [string, string, string];
  const cands = new Set([t, k + t, t + s, k + t + s]);
  if (gc.titles.some((gt) => (gt === null ? t === '' : cands.has(fold(gt))))) counts.title++;
  else
    misses.push(
      `${gc.ref}: title ${JSON.stringify(pc.title ?? null)} (want ${gc.titles.map((x) => JSON.stringify(x)).join(' or ')})`,
    );
  if (gc.continuesFrom) {
    const pf = pc.continuesFrom;
    const ok =
      pf !== null &&
      pageKey(pf.page) === pageKey(gc.continuesFrom.page) &&
      (pf.label ?? null) === gc.continuesFrom.label;
    if (ok) counts.cont++;
    else
      misses.push(
        `${gc.ref}: continuesFrom ${JSON.stringify(pf ?? null)} (want ${JSON.stringify(gc.continuesFrom)})`,
      );
  } else if (pc.continuesFrom) {
    misses.push(`${gc.ref}: continuesFrom ${JSON.stringify(pc.continuesFrom)} where none`);
  }
  if (gc.continuesTo) {
    counts.contGold++;
    const pt = pc.continuesTo;
    if (pt && pageKey(pt.page) === pageKey(gc.continuesTo.page)) counts.cont++;
    else
      misses.push(
        `${gc.ref}: continuesTo ${JSON.stringify(pt ?? null)} (want ${JSON.stringify(gc.continuesTo)})`,
      );
  } else if (pc.continuesTo) {
    misses.push(`${gc.ref}: continuesTo ${JSON.stringify(pc.continuesTo)} where none`);
  }
  const pb = fold(pc.byline);
  if (gc.bylineNames?.length) {
    counts.bylineGold++;
    if (gc.bylineNames.every((n) => pb.includes(fold(n)))) counts.byline++;
    else
      misses.push(
        `${gc.ref}: byline ${JSON.stringify(pc.byline ?? null)} (want names ${gc.bylineNames.join(' ')})`,
      );
  }
  if (gc.byline) {
    const gb = fold(gc.byline);
    if (pb.includes(gb) || (gb.includes(pb) && pb.length >= gb.length - 2)) counts.byline++;
    else misses.push(`${gc.ref}: byline ${JSON.stringify(pc.byline ?? null)} (want ${gc.byline})`);
  }
  if (gc.dateline) {
    if (fold(pc.dateline).includes(fold(gc.dateline))) counts.dateline++;
    else misses.push(`${gc.ref}: dateline ${JSON.stringify(pc.dateline ?? null)} (want ${gc.dateline})`);
  }
  scoreRegions(gc, pc.regions ?? [], counts, misses);
}

/**
 * Regions proposed for one reference clipping against its `regions`: a wanted place found (by name,
 * administrative suffix folded) is a hit; a place neither wanted, in `regionsAlso`, neutral (全国, 中国)
 * nor an ancestor of a wanted place found is wrong — or, where `regionsAlso` is null (nothing is
 * judged), counted apart as unjudged so that a strict precision can still be read.
 */
export function scoreRegions(
  gc: GoldClipping,
  predicted: readonly RegionRef[],
  counts: ScoreCounts,
  misses: string[],
): void {
  const want = new Set(gc.regions.map(placeKey));
  const neutral = new Set([...(gc.regionsAlso ?? []).map(placeKey), ...NEUTRAL_PLACES]);
  for (const r of predicted) {
    const key = placeKey(r.name);
    if (want.has(key) || neutral.has(key)) continue;
    // an ancestor of a wanted place is not wrong
    const isAncestor = predicted.some(
      (o) => o.path.map(placeKey).includes(key) && want.has(placeKey(o.name)),
    );
    if (isAncestor) continue;
    if (gc.regionsAlso === null) {
      counts.regUnjudged++;
      misses.push(`${gc.ref}: region ${r.name} not judged (regionsAlso null), not among its regions`);
      continue;
    }
    counts.regFP++;
    misses.push(`${gc.ref}: region ${r.name} is not what it is about`);
  }
  for (const w of want) {
    if (predicted.some((r) => placeKey(r.name) === w)) counts.regTP++;
    else {
      counts.regFN++;
      misses.push(`${gc.ref}: region ${w} missing`);
    }
  }
}

/** Non-blank input lines found whole nowhere in the preview (fields, markers, subheads, unassigned). */
export function lostInputLines(input: string, preview: ImportPreview): string[] {
  const everything = fold(
    JSON.stringify(
      preview.clippings.map((c) => [
        c.kicker,
        c.title,
        c.subtitle,
        c.byline,
        c.dateline,
        c.body,
        c.continuesFrom?.marker,
        c.continuesTo?.marker,
        ...c.subheads,
      ]),
    ) + JSON.stringify(preview.unassigned),
  ).replace(/\\"/g, '"');
  const lost: string[] = [];
  for (const line of input.split('\n')) {
    const l = fold(line);
    if (l.length > 0 && !everything.includes(l)) lost.push(line.trim());
  }
  return lost;
}

export function ratios(c: ScoreCounts): Ratios {
  const r = (a: number, b: number): number => (b ? a / b : 1);
  const precision = r(c.matched, c.pred);
  const recall = r(c.matched, c.gold);
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    regionsPrecision: r(c.regTP, c.regTP + c.regFP),
    regionsRecall: r(c.regTP, c.regTP + c.regFN),
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(0)}%`;

/** One summary line, in the words of `score-import.mjs`. */
export function summaryLine(c: ScoreCounts): string {
  const q = ratios(c);
  return (
    `segmentation F1 ${pct(q.f1)} (P ${pct(q.precision)} R ${pct(q.recall)}); titles ${c.title}/${c.gold}; ` +
    `continuations ${c.cont}/${c.contGold}; bylines ${c.byline}/${c.bylineGold}; datelines ${c.dateline}/${c.datelineGold}; ` +
    `regions P ${pct(q.regionsPrecision)} R ${pct(q.regionsRecall)}; lines lost ${c.linesLost}/${c.lines}`
  );
}
