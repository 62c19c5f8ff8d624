import { numberCondition, toFts5, toFts5HeadHit, toFts5Numbers, toTsquery } from './compile';
import {
  atomTerms,
  charCode,
  distinctTerms,
  fieldTerms,
  indexColumns,
  normalizedColumns,
} from './index-terms';
import { parseSearchQuery } from './query';

const doc = {
  id: 1,
  issueDate: '2024-10-22',
  publicationId: 12,
  kicker: null,
  title: '梁山县',
  subtitle: '',
  byline: '本报记者',
  dateline: null,
  body: '梁\n山',
  subheads: ['一、总体'],
};

describe('index terms', () => {
  it('codes characters as hex, beyond the BMP with a g prefix (prefix-free)', () => {
    expect(charCode(0x6881)).toBe('6881');
    expect(charCode(0x41)).toBe('0041');
    expect(charCode(0x20000)).toBe('g10000');
  });

  it('cuts a field into neighbouring pairs plus its last character', () => {
    expect(fieldTerms('梁山县')).toEqual(['68815c71', '5c7153bf', '53bf']);
    expect(fieldTerms('')).toEqual([]);
    expect(atomTerms('梁')).toEqual({ prefix: '6881' });
    expect(atomTerms('梁山县')).toEqual({ phrase: ['68815c71', '5c71538f'.replace('538f', '53bf')] });
    expect(atomTerms('')).toBeNull();
  });

  it('writes headline fields and the rest as two columns, fields kept apart, every document marked', () => {
    const cols = indexColumns(doc);
    expect(cols.head).toBe('68815c71 5c7153bf 53bf');
    // The headline's pairs marked h, then its characters, each once, marked v.
    expect(cols.headHit).toBe('h68815c71 h5c7153bf h53bf v6881 v5c71 v53bf');
    // Each character once, headline and body; then the publication.
    expect(cols.chars.split(' ')).toEqual([
      ...[...new Set('梁山县本报记者梁山一、总体')].map(
        (c) => `u${c.codePointAt(0)?.toString(16).padStart(4, '0')}`,
      ),
      'p12',
    ]);
    expect(cols.body.split(' ')[0]).toBe('z');
    expect(cols.body).toContain('68815c71 5c71');
    expect(normalizedColumns(doc)).toEqual({ head: '梁山县', body: '本报记者\n梁山\n一、总体' });
    expect(distinctTerms(normalizedColumns(doc))).toContain('68815c71');
  });
});

describe('compiling a query', () => {
  it('writes FTS5 phrases of pairs, one character as its marked term, OR groups, NOT exclusions', () => {
    expect(toFts5(parseSearchQuery('梁山'))).toBe('"68815c71"');
    expect(toFts5(parseSearchQuery('梁'))).toBe('"u6881"');
    expect(toFts5(parseSearchQuery('梁山 鱼台 OR 金乡 -崔建刚'))).toBe(
      '(("68815c71") AND (("9c7c53f0") OR ("91d14e61"))) NOT ("5d145efa 5efa521a")',
    );
    expect(toFts5(parseSearchQuery('-鱼台'))).toBe('("z") NOT ("9c7c53f0")');
    expect(toFts5(parseSearchQuery(''))).toBe('"z"');
    // Within one publication: its term joins the positive part, so the exclusion is checked only there.
    expect(toFts5(parseSearchQuery('梁山 -鱼台'), 3)).toBe('(("68815c71") AND ("p3")) NOT ("9c7c53f0")');
    expect(toFts5(parseSearchQuery('-鱼台'), 3)).toBe('("p3") NOT ("9c7c53f0")');
    expect(toFts5HeadHit(parseSearchQuery('梁山 -鱼台'))).toBe('"h68815c71"');
    expect(toFts5HeadHit(parseSearchQuery('梁 OR 鱼台县'))).toBe('("v6881") OR ("h9c7c53f0 h53f053bf")');
    expect(toFts5HeadHit(parseSearchQuery('-鱼台'))).toBeNull();
  });

  it('asks the number a phrase holds: whole between two characters, its prefix at the end', () => {
    expect(numberCondition('第4321号稿件')).toBe('"n4321"');
    expect(numberCondition('稿件4321')).toBe('"n4321" *');
    // Too short a prefix (it would merge many numbers' terms); a run the document may begin earlier.
    expect(numberCondition('稿件43')).toBeNull();
    expect(numberCondition('4321号')).toBeNull();
    // The first run with a character before it.
    expect(numberCondition('2024年10月')).toBe('"n10"');
    // A long run by the first digits the index writes.
    expect(numberCondition(`第${'1'.repeat(25)}`)).toBe(`"n${'1'.repeat(20)}"`);
    // The rare number term first, so that it leads FTS5's AND (the phrase's pairs skip to its keys).
    expect(toFts5(parseSearchQuery('第4321号'))).toMatch(/^\("n4321" AND "[0-9a-f ]+"\)$/);
    expect(toFts5HeadHit(parseSearchQuery('稿件4321'))).toMatch(/^\("n4321" \* AND "h[0-9a-fh ]+"\)$/);
  });

  it('asks only the numbers every match holds, when each atom of a group has one', () => {
    expect(toFts5Numbers(parseSearchQuery('第4321号稿件'))).toBe('"n4321"');
    expect(toFts5Numbers(parseSearchQuery('第4321号稿件'), 3)).toBe('("n4321") AND ("p3")');
    // A second group without a number only narrows the candidates when checked; an exclusion never.
    expect(toFts5Numbers(parseSearchQuery('稿件4321 梁山 -第12号'))).toBe('"n4321" *');
    expect(toFts5Numbers(parseSearchQuery('第12号 OR 稿件4321'))).toBe('("n12") OR ("n4321" *)');
    // A group with an atom that has no number: every match need not hold one.
    expect(toFts5Numbers(parseSearchQuery('第12号 OR 梁山'))).toBeNull();
    expect(toFts5Numbers(parseSearchQuery('4321号 梁山'))).toBeNull();
    expect(toFts5Numbers(parseSearchQuery('县'))).toBeNull();
  });

  it('writes a tsquery of every pair of each atom (a filter the SQL then confirms)', () => {
    expect(toTsquery(parseSearchQuery('梁山县 OR 鱼 -金乡'))).toBe(
      "(('68815c71') & ('5c7153bf')) | ('9c7c':*)",
    );
    expect(toTsquery(parseSearchQuery('-金乡'))).toBeNull();
  });

  it('passes nothing a user typed to the engines: only codes, quotes, operators', () => {
    const nasty = `"' \\ * NEAR( ) -- OR AND NOT {head} : ^ ${'！'.repeat(50)} 梁山`;
    const p = parseSearchQuery(nasty);
    expect(toFts5(p)).toMatch(/^[0-9a-guz" ()ORANDT]+$/);
    expect(toFts5HeadHit(p)).toMatch(/^[0-9a-gh" ()*OR]+$/);
    expect(toTsquery(p)).toMatch(/^[0-9a-g' ()&|:*]+$/);
  });

  it('keeps a long query shallow', () => {
    const q = parseSearchQuery(Array.from({ length: 120 }, (_, i) => `词${i}`).join(' '));
    const depth = Math.max(
      ...[...toFts5(q)].reduce<number[]>((acc, c) => {
        const d = (acc[acc.length - 1] ?? 0) + (c === '(' ? 1 : c === ')' ? -1 : 0);
        return [...acc, d];
      }, []),
    );
    expect(depth).toBeLessThan(20);
  });
});
