import fc from 'fast-check';
import sqlite3 from 'sqlite3';
import { toFts5, toFts5HeadHit, toTsquery } from './compile';
import { highlightAll, snippet } from './highlight';
import { indexColumns } from './index-terms';
import { naiveHeadHit, naiveMatches, normalizeDocument } from './naive-match';
import { parseSearchQuery, positiveAtoms } from './query';
import type { SearchDocument } from './search-document';

/**
 * Properties of the search core: any input parses and compiles; what SQLite's FTS5 finds with the
 * compiled expression is exactly what the naive matcher (the reference definition) finds.
 */

// A small alphabet so that generated terms hit generated texts often: variants, widths, spaces,
// engine syntax, a character beyond the BMP, a combining mark, an invisible one.
const ALPHABET = [
  ...'梁山鱼台乡鄉村县金',
  'a',
  'A',
  'Ａ',
  '1',
  '１',
  '2',
  '3',
  ' ',
  '\n',
  '-',
  '"',
  '“',
  '”',
  '(',
  ')',
  '*',
  '\\',
  "'",
  '，',
  ':',
  '𠀀',
  'e',
  '\u0301',
  '\u200b',
  'O',
  'R',
  '|',
  '{',
];
const text = (max: number, min = 0): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...ALPHABET), { minLength: min, maxLength: max }).map((cs) => cs.join(''));
const nullable = (max: number): fc.Arbitrary<string | null> => fc.option(text(max), { nil: null });
const docArb = fc.record({
  kicker: nullable(4),
  title: nullable(8),
  subtitle: nullable(4),
  byline: nullable(4),
  dateline: nullable(4),
  body: text(40),
  subheads: fc.array(text(5), { maxLength: 2 }),
});
const corpusArb = fc
  .array(docArb, { minLength: 1, maxLength: 25 })
  .map((docs) =>
    docs.map((d, i): SearchDocument => ({ ...d, id: i + 1, issueDate: '2024-01-01', publicationId: 1 })),
  );
const queryArb = fc
  .array(
    fc.oneof(
      text(3, 1),
      text(3, 1),
      fc.constantFrom('OR', '|', '-', '"', '“', '”', ' ', '-"', 'NEAR(', '*'),
      text(3).map((t) => `-${t}`),
      text(4).map((t) => `"${t}"`),
    ),
    { maxLength: 6 },
  )
  .chain((parts) => fc.constantFrom(parts.join(' '), parts.join('')));

function open(): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(':memory:', (e) => (e ? reject(e) : resolve(db)));
  });
}
function exec(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, params, (e) => (e ? reject(e) : resolve())));
}
function ids(db: sqlite3.Database, match: string): Promise<number[]> {
  return new Promise((resolve, reject) =>
    db.all(
      'SELECT rowid AS id FROM t WHERE t MATCH ? ORDER BY rowid',
      [match],
      (e, rows: { id: number }[]) => (e ? reject(e) : resolve(rows.map((r) => r.id))),
    ),
  );
}

/** A fresh FTS5 table `t` as the migrations make it, holding `docs`' index columns. */
async function indexInto(db: sqlite3.Database, docs: readonly SearchDocument[]): Promise<void> {
  await exec(db, 'DROP TABLE IF EXISTS t');
  await exec(
    db,
    "CREATE VIRTUAL TABLE t USING fts5(body, head, head_hit, chars, content='', contentless_delete=1)",
  );
  for (const d of docs) {
    const cols = indexColumns(d);
    await exec(db, 'INSERT INTO t (rowid, head, body, head_hit, chars) VALUES (?, ?, ?, ?, ?)', [
      d.id,
      cols.head,
      cols.body,
      cols.headHit,
      cols.chars,
    ]);
  }
}

describe('search core properties', () => {
  let db: sqlite3.Database;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => new Promise<void>((resolve) => db.close(() => resolve())));

  it('parses, compiles and highlights any input without throwing, and marks only hits', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          // numbers in phrases: their terms (`n` and digits, a prefix's `*`) are all that is added
          fc.string({ unit: fc.constantFrom(...'号稿件第 "-*１0123456789'), maxLength: 40 }),
        ),
        fc.string({ unit: 'binary' }),
        (q, t) => {
          const p = parseSearchQuery(q);
          expect(toFts5(p)).toMatch(/^[0-9a-gnuz" ()*ORANDT]+$/);
          const head = toFts5HeadHit(p);
          if (head !== null) expect(head).toMatch(/^[0-9a-ghnv" ()*ORAND]+$/);
          const ts = toTsquery(p);
          if (ts !== null) expect(ts).toMatch(/^[0-9a-g' ()&|:*]+$/);
          const atoms = positiveAtoms(p).map((a) => a.text);
          const html = highlightAll(t, atoms);
          expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"']/);
          expect(() => snippet(t, atoms)).not.toThrow();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds with FTS5 exactly what the naive matcher finds, headline hits included', async () => {
    let some = 0;
    let none = 0;
    await fc.assert(
      fc.asyncProperty(
        corpusArb,
        fc.array(queryArb, { minLength: 1, maxLength: 8 }),
        async (docs, queries) => {
          await indexInto(db, docs);
          const normalized = docs.map((d) => ({ id: d.id, n: normalizeDocument(d) }));
          for (const q of queries) {
            const p = parseSearchQuery(q);
            const expected = normalized.filter((d) => naiveMatches(p, d.n)).map((d) => d.id);
            expect({ q, ids: await ids(db, toFts5(p)) }).toEqual({ q, ids: expected });
            if (expected.length > 0 && expected.length < docs.length) some += 1;
            if (expected.length === 0) none += 1;
            const head = toFts5HeadHit(p);
            if (head !== null) {
              const expectedHead = normalized.filter((d) => naiveHeadHit(p, d.n)).map((d) => d.id);
              expect({ q, head: await ids(db, head) }).toEqual({ q, head: expectedHead });
              // Relevance's two tiers, as the service asks them.
              const first = expected.filter((id) => expectedHead.includes(id));
              const rest = expected.filter((id) => !expectedHead.includes(id));
              expect({ q, first: await ids(db, `(${toFts5(p)}) AND (${head})`) }).toEqual({ q, first });
              expect({ q, rest: await ids(db, `(${toFts5(p)}) NOT (${head})`) }).toEqual({ q, rest });
            }
          }
        },
      ),
      { numRuns: 150 },
    );
    // The generated queries are not all trivial: many split the corpus, many find nothing.
    expect(some).toBeGreaterThan(50);
    expect(none).toBeGreaterThan(20);
  });

  it('finds numbers inside phrases as the naive matcher does (the number terms only narrow)', async () => {
    const bodies = [
      '第4321号稿件',
      '第43210号稿件',
      '第14321号稿件',
      '（稿件4321）',
      '（稿件43219）',
      '稿件４３２１号',
      '2024年10月21日电',
      `编号${'7'.repeat(25)}止`,
      `编号${'7'.repeat(21)}`,
    ];
    const docs: SearchDocument[] = bodies.map((body, i) => ({
      id: i + 1,
      issueDate: '2024-01-01',
      publicationId: 1,
      kicker: null,
      title: i === 0 ? '第4321号' : null,
      subtitle: null,
      byline: null,
      dateline: null,
      body,
      subheads: [],
    }));
    await indexInto(db, docs);
    const normalized = docs.map((d) => ({ id: d.id, n: normalizeDocument(d) }));
    const queries = [
      '第4321号',
      '稿件4321',
      '稿件432',
      '4321号',
      '稿件43',
      '年10月',
      '2024年10',
      '号 -稿件4321',
      `编号${'7'.repeat(22)}`,
      `编号${'7'.repeat(20)}`,
      `${'7'.repeat(3)}止`,
    ];
    for (const q of queries) {
      const p = parseSearchQuery(q);
      const expected = normalized.filter((d) => naiveMatches(p, d.n)).map((d) => d.id);
      expect({ q, ids: await ids(db, toFts5(p)) }).toEqual({ q, ids: expected });
      const head = toFts5HeadHit(p);
      if (head !== null) {
        const expectedHead = normalized.filter((d) => naiveHeadHit(p, d.n)).map((d) => d.id);
        expect({ q, head: await ids(db, head) }).toEqual({ q, head: expectedHead });
      }
    }
    // The examples are not trivial: the phrase with a whole number finds one clipping, the prefix two.
    expect(await ids(db, toFts5(parseSearchQuery('第4321号')))).toEqual([1]);
    expect(await ids(db, toFts5(parseSearchQuery('稿件4321')))).toEqual([4, 5, 6]);
  });
});
