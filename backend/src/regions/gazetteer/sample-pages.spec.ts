/**
 * Region detection on the hand-made reference of the two sample pages (`tests/fixtures/pages/gold.json`,
 * copied from /work/shared/pages). Each reference clipping is cut out of its page by bodyStarts /
 * bodyEnds (compared without whitespace, as the reference prescribes); its longest acceptable title
 * and its dateline are passed along. Bar: every `regions` entry found, nothing outside
 * `regions` ∪ `regionsAlso` reported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGazetteer } from './load-gazetteer';
import { RegionMatcher } from './region-matcher';

interface GoldClipping {
  ref: string;
  titles: Array<string | null>;
  bodyStarts: string;
  bodyEnds: string;
  dateline: string | null;
  regions: string[];
  regionsAlso: string[];
}

interface GoldPage {
  file: string;
  clippings: GoldClipping[];
}

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'tests', 'fixtures', 'pages');
/** Home regions of the sample papers: 000 is a 济宁 paper, 004 an 安康 paper. */
const HOME: Record<string, string> = { '000': '370800', '004': '610900' };

const strip = (s: string): string => s.replace(/\s+/g, '');

/** The reference clipping's text, title and home region, cut out of its page. */
function cutClipping(
  page: GoldPage,
  c: GoldClipping,
): { body: string; title: string | undefined; home: string } {
  const raw = strip(readFileSync(join(FIXTURES, page.file), 'utf8'));
  const start = raw.indexOf(strip(c.bodyStarts));
  const endMarker = strip(c.bodyEnds);
  const end = raw.indexOf(endMarker, start);
  if (start < 0 || end < 0) throw new Error(`cannot cut ${c.ref} out of ${page.file}`);
  const title = c.titles.filter((t): t is string => !!t).sort((a, b) => b.length - a.length)[0];
  const dateline = c.dateline ? `${c.dateline} ` : '';
  return {
    body: dateline + raw.slice(start, end + endMarker.length),
    title,
    home: HOME[page.file.slice(0, 3)],
  };
}

describe('region detection on the sample pages', () => {
  const gold = JSON.parse(readFileSync(join(FIXTURES, 'gold.json'), 'utf8')) as { pages: GoldPage[] };
  const cases = gold.pages.flatMap((page) => page.clippings.map((c) => ({ page, c })));
  let matcher: RegionMatcher;
  const totals = { tp: 0, fp: 0, fn: 0 };

  beforeAll(() => {
    matcher = new RegionMatcher(loadGazetteer());
  });

  afterAll(() => {
    const precision = totals.tp / Math.max(1, totals.tp + totals.fp);
    const recall = totals.tp / Math.max(1, totals.tp + totals.fn);
    expect(precision).toBe(1);
    expect(recall).toBe(1);
  });

  it.each(cases.map(({ page, c }) => [c.ref, page, c] as const))('%s', (_ref, page, c) => {
    const { body, title, home } = cutClipping(page, c);
    const found = matcher.detect(body, { homeRegionCode: home, title }).map((r) => r.name);
    const tp = c.regions.filter((r) => found.includes(r)).length;
    const spurious = found.filter((r) => !c.regions.includes(r) && !c.regionsAlso.includes(r));
    totals.tp += tp;
    totals.fn += c.regions.length - tp;
    totals.fp += spurious.length;
    expect(found).toEqual(expect.arrayContaining(c.regions));
    expect(spurious).toEqual([]);
  });

  it('without the home region, the sample clippings are still right', () => {
    for (const { page, c } of cases) {
      const { body, title } = cutClipping(page, c);
      const found = matcher.detect(body, { title }).map((r) => r.name);
      expect(found.filter((r) => !c.regions.includes(r) && !c.regionsAlso.includes(r))).toEqual([]);
    }
  });
});
