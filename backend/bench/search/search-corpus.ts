/**
 * The search bench's corpus: `n` clippings of about 1,500 characters each made of the clauses of the
 * two sample pages, over two years and four publications, with place and person names at known rates,
 * one or two tags and regions each; a fresh SQLite file with the real migrations, filled by bulk SQL.
 * Deterministic for a given `n`.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { pageSortKey } from '@jianbao/contracts';
import { chunk } from '../../src/database/sql-values';
import { loadGazetteer } from '../../src/regions/gazetteer';
import { seedGazetteer } from '../../src/regions/gazetteer-seed';

/**
 * Names put into clippings at known rates, none of them in the sample pages: places (about 0.5% of
 * clippings each) and people (0.1% each). 梁山 and 鱼台 are in the sample pages' own text, so in most
 * clippings of this corpus.
 */
export const PLACES = ['金乡', '嘉祥', '汶上', '微山', '曲阜', '兖州', '邹城', '旬阳'];
export const PEOPLE = ['王海燕', '李德胜', '赵文博', '孙志强'];
const PUBLICATIONS = ['济宁日报', '齐鲁晚报', '大众日报', '安康日报'];
const KINDS = ['article', 'article', 'article', 'brief', 'brief', 'photo', 'notice'];
const TAGS = ['政务', '经济', '社会', '文化', '体育', '教育'];

export function mulberry(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sample pages cut into clauses (text up to and including Chinese punctuation). */
export function clausesOf(pages: readonly string[]): string[] {
  return pages
    .join('\n')
    .replace(/\s+/g, '')
    .split(/(?<=[，。；！？、：])/)
    .filter((c) => c.length > 1);
}

export interface BenchClipping {
  publicationIndex: number;
  issueDate: string;
  pageLabel: string;
  kind: string;
  status: string;
  title: string;
  byline: string | null;
  body: string;
}

/** The `i`-th clipping (1-based) of a corpus of `n`. */
export function benchClipping(
  i: number,
  n: number,
  clauses: readonly string[],
  rand: () => number,
): BenchClipping {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const parts: string[] = [];
  let length = 0;
  while (length < 1500) {
    const r = rand();
    const part = r < 0.0004 ? pick(PLACES) : r < 0.00044 ? pick(PEOPLE) : pick(clauses);
    parts.push(part);
    length += part.length;
  }
  // Printed columns: a line break every 17 characters, so names are sometimes split over two lines.
  const body = (parts.join('').match(/.{1,17}/gsu) ?? []).join('\n');
  const title = `${pick(clauses)}${rand() < 0.004 ? pick(PLACES) : ''}`;
  const label = String(1 + Math.floor(rand() * 8));
  const day = Math.floor(((i - 1) / n) * 730);
  return {
    publicationIndex: Math.floor(rand() * PUBLICATIONS.length),
    issueDate: new Date(Date.UTC(2023, 0, 1 + day)).toISOString().slice(0, 10),
    pageLabel: label,
    kind: pick(KINDS),
    status: rand() < 0.7 ? 'reviewed' : 'draft',
    title,
    byline: rand() < 0.3 ? `本报记者 ${pick(PEOPLE)}` : null,
    body,
  };
}

async function insertRows(
  m: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
): Promise<void> {
  for (const part of chunk(rows, Math.floor(999 / columns.length))) {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    await m.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${part.map(() => tuple).join(', ')}`,
      part.flat(),
    );
  }
}

export interface BenchCorpus {
  publicationIds: number[];
  textChars: number;
}

/** Fills a freshly migrated SQLite database with `n` clippings (the index is left empty). */
export async function fillSearchCorpus(
  ds: DataSource,
  n: number,
  pages: readonly string[],
  log: (line: string) => void,
): Promise<BenchCorpus> {
  const clauses = clausesOf(pages);
  const rand = mulberry(1_300_013);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const { publicationIds, tagIds, regionIds } = await ds.transaction(async (m) => {
    await seedGazetteer(m, loadGazetteer());
    await insertRows(
      m,
      'publication',
      ['name'],
      PUBLICATIONS.map((p) => [p]),
    );
    await insertRows(
      m,
      'tag',
      ['name'],
      TAGS.map((t) => [t]),
    );
    const ids = async (sql: string): Promise<number[]> =>
      ((await m.query(sql)) as { id: number }[]).map((r) => Number(r.id));
    return {
      publicationIds: await ids('SELECT id FROM publication ORDER BY id'),
      tagIds: await ids('SELECT id FROM tag ORDER BY id'),
      regionIds: await ids(
        "SELECT r.id FROM region r JOIN region p ON p.id = r.parent_id JOIN region g ON g.id = p.parent_id WHERE g.code = '370000' ORDER BY r.id",
      ),
    };
  });
  let textChars = 0;
  const batch = 10_000;
  for (let first = 1; first <= n; first += batch) {
    await ds.transaction(async (m) => {
      const rows: unknown[][] = [];
      const tags: unknown[][] = [];
      const regions: unknown[][] = [];
      for (let i = first; i < Math.min(n + 1, first + batch); i += 1) {
        const c = benchClipping(i, n, clauses, rand);
        textChars += c.title.length + c.body.length + (c.byline?.length ?? 0);
        rows.push([
          i,
          publicationIds[c.publicationIndex],
          c.issueDate,
          c.pageLabel,
          pageSortKey(c.pageLabel),
          c.kind,
          c.status,
          c.title,
          c.byline,
          c.body,
        ]);
        for (const t of new Set([pick(tagIds), pick(tagIds)])) tags.push([i, t]);
        for (const r of new Set([pick(regionIds), pick(regionIds)])) regions.push([i, r]);
      }
      await insertRows(
        m,
        'clipping',
        [
          'id',
          'publication_id',
          'issue_date',
          'page_label',
          'page_sort',
          'kind',
          'status',
          'title',
          'byline',
          'body',
        ],
        rows,
      );
      await insertRows(m, 'clipping_tag', ['clipping_id', 'tag_id'], tags);
      await insertRows(m, 'clipping_region', ['clipping_id', 'region_id'], regions);
    });
    log(
      `corpus: ${Math.min(n, first + batch - 1).toLocaleString('en')} / ${n.toLocaleString('en')} clippings`,
    );
  }
  return { publicationIds, textChars };
}

/**
 * The character pair found in the most clippings of a sample of the corpus (what "a two-character term
 * present in most clippings" measures), with its share.
 */
export function commonPair(pages: readonly string[], sample = 2000): { pair: string; share: number } {
  const clauses = clausesOf(pages);
  const rand = mulberry(1_300_013);
  const df = new Map<string, number>();
  for (let i = 1; i <= sample; i += 1) {
    const c = benchClipping(i, sample, clauses, rand);
    const text = c.body.replace(/\s+/g, '');
    const seen = new Set<string>();
    const chars = [...text];
    for (let k = 0; k + 1 < chars.length; k += 1) {
      const pair = `${chars[k]}${chars[k + 1]}`;
      if (/^\p{Script=Han}{2}$/u.test(pair)) seen.add(pair);
    }
    for (const p of seen) df.set(p, (df.get(p) ?? 0) + 1);
  }
  const [pair, count] = [...df.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [
    '的',
    0,
  ];
  return { pair, share: count / sample };
}
