/**
 * Fills the import preview's `regions` with the places each proposed clipping is about. Pure: the
 * caller passes a RegionMatcher built from the gazetteer.
 *
 * When the publication's home region is unknown (a new publication, or the CLI's dry run), the page
 * itself tells it: the prefecture-level unit the most clippings of the page are about is used as the
 * home region if it clearly leads (≥ 2 clippings, more than the runner-up).
 */
import type { ImportPreview, PreviewClipping, RegionRef } from '@jianbao/contracts';
import { type DetectedRegion, PUBLICATION_HOMES, type RegionMatcher } from '../regions/gazetteer';
import { PAPER_KINDS } from './parser/text-rules';

/** What a paper's name ends in after its place: its kind (`日报`, `政协报`), `新闻`, `融媒`, or `报`. */
const PAPER_NAME_END_RE = new RegExp(`(?:${PAPER_KINDS}|新闻|融媒体?|报)$`);

function titleOf(c: PreviewClipping): string {
  return [c.kicker, c.title, c.subtitle].filter((s): s is string => !!s).join(' ');
}

function textOf(c: PreviewClipping): string {
  const dateline = c.dateline && !c.body.includes(c.dateline) ? `${c.dateline} ` : '';
  return dateline + c.body;
}

/** The prefecture-level unit a detected region belongs to (itself when it is one), if any. */
function prefectureOf(matcher: RegionMatcher, r: DetectedRegion): string | null {
  if (r.level === 'prefecture') return r.code;
  for (const code of r.ancestors) if (matcher.describe(code)?.level === 'prefecture') return code;
  return null;
}

/**
 * The prefecture the page is mostly about, or null when no unit clearly leads: the one the most
 * clippings are about (at least two, more than any other; mentions break ties). One story about a
 * place on a national paper's page does not make it the page's home.
 */
export function inferHomeRegion(preview: ImportPreview, matcher: RegionMatcher): string | null {
  const clippings = new Map<string, number>();
  const mentions = new Map<string, number>();
  for (const c of preview.clippings) {
    const seen = new Set<string>();
    for (const r of matcher.detect(textOf(c), { title: titleOf(c) })) {
      const p = prefectureOf(matcher, r);
      if (!p) continue;
      mentions.set(p, (mentions.get(p) ?? 0) + r.mentions);
      if (!seen.has(p)) clippings.set(p, (clippings.get(p) ?? 0) + 1);
      seen.add(p);
    }
  }
  const ranked = [...clippings.entries()].sort(
    (a, b) =>
      b[1] - a[1] || (mentions.get(b[0]) ?? 0) - (mentions.get(a[0]) ?? 0) || a[0].localeCompare(b[0]),
  );
  const [best, second] = ranked;
  if (!best || best[1] < 2 || (second && second[1] >= best[1])) return null;
  return best[0];
}

export function toRegionRef(r: Pick<DetectedRegion, 'code' | 'name' | 'path'>): RegionRef {
  return { code: r.code, name: r.name, path: [...r.path] };
}

/** Detects the regions of one clipping's text. */
export function detectClippingRegions(
  c: Pick<PreviewClipping, 'kicker' | 'title' | 'subtitle' | 'dateline' | 'body'>,
  matcher: RegionMatcher,
  homeRegionCode: string | null,
): DetectedRegion[] {
  return matcher.detect(textOf(c as PreviewClipping), {
    title: titleOf(c as PreviewClipping),
    ...(homeRegionCode ? { homeRegionCode } : {}),
  });
}

/** A copy of the preview with every clipping's `regions` filled. */
export function withRegions(
  preview: ImportPreview,
  matcher: RegionMatcher,
  homeRegionCode: string | null,
): ImportPreview {
  const home = homeRegionCode ?? inferHomeRegion(preview, matcher);
  return {
    ...preview,
    clippings: preview.clippings.map((c) => ({
      ...c,
      regions: detectClippingRegions(c, matcher, home).map(toRegionRef),
    })),
  };
}

/**
 * The home region a publication's name points to: a paper known to report from a place its name does
 * not name (`新晚报` → 哈尔滨市, PUBLICATION_HOMES), else the place its name names — the county of a
 * county paper (`上虞日报` → 上虞区), the city of a city paper (`济宁日报` → 济宁市), the province of a
 * province paper (`浙江日报` → 浙江省), the county of a `今日` paper (`今日高邮` → 高邮市) — or null.
 */
export function homeFromPublicationName(name: string, matcher: RegionMatcher): string | null {
  const trimmed = name.trim().replace(/\s+/g, '');
  const known = PUBLICATION_HOMES.find(([paper]) => paper === trimmed);
  if (known) return exactUnit(known[1], matcher);
  // (a county paper named `今日` + its place: `今日高邮` → 高邮市)
  const rest = trimmed.replace(PAPER_NAME_END_RE, '').replace(/^今日(?=.{2})/, '');
  if (rest.length < 2) return null;
  for (const candidate of [rest, `${rest}市`, `${rest}县`, `${rest}区`, `${rest}省`]) {
    const code = exactUnit(candidate, matcher);
    if (code) return code;
  }
  return null;
}

/** The code of the one unit called exactly `name` (a full or short name), or null. */
function exactUnit(name: string, matcher: RegionMatcher): string | null {
  const found = matcher.detect(name);
  const first = found[0];
  return found.length === 1 && first && first.name === name ? first.code : null;
}
