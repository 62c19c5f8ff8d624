import fc from 'fast-check';
import {
  CHAR_MARK,
  EVERY_DOCUMENT_TERM,
  HEAD_CHAR_MARK,
  HEAD_HIT_MARK,
  NUMBER_MARK,
  charCodes,
  fieldTerms,
  indexColumns,
  publicationTerm,
} from './index-terms';
import { normalizeForSearch } from './normalize';
import { bodyFields, headFields, type SearchDocument } from './search-document';

/**
 * The index columns by their definition: each field's {@link fieldTerms} joined by spaces, the
 * headline's terms and distinct characters marked, every distinct character marked, the publication.
 * `indexColumns` writes the same bytes without building a string per term.
 */
function byDefinition(doc: SearchDocument): ReturnType<typeof indexColumns> {
  const head = headFields(doc).map(normalizeForSearch);
  const body = bodyFields(doc).map(normalizeForSearch);
  const headTerms = head.flatMap(fieldTerms);
  const headChars = new Set(head.flatMap(charCodes));
  const chars = new Set([...headChars, ...body.flatMap(charCodes)]);
  // Each run of ASCII digits, its first 20, once (head fields first).
  const numbers = new Set(
    [...head, ...body].flatMap((f) =>
      [...f.matchAll(/[0-9]+/g)].map((m) => `${NUMBER_MARK}${m[0].slice(0, 20)}`),
    ),
  );
  return {
    head: headTerms.join(' '),
    body: [EVERY_DOCUMENT_TERM, ...body.flatMap(fieldTerms)].join(' '),
    headHit: [
      ...headTerms.map((t) => `${HEAD_HIT_MARK}${t}`),
      ...[...headChars].map((c) => `${HEAD_CHAR_MARK}${c}`),
    ].join(' '),
    chars: [
      ...[...chars].map((c) => `${CHAR_MARK}${c}`),
      ...numbers,
      publicationTerm(doc.publicationId),
    ].join(' '),
  };
}

const unit = fc.constantFrom(...'梁山鄉村县 \n\u3000ＡaA1１2３e\u0301\u200b𠀀①，', '\ud800', '\udc00');
const field = (max: number): fc.Arbitrary<string> => fc.string({ unit, maxLength: max });
const nullable = (max: number): fc.Arbitrary<string | null> => fc.option(field(max), { nil: null });

describe('indexColumns', () => {
  it('writes exactly the columns of its definition, for any fields', () => {
    fc.assert(
      fc.property(
        fc.record({
          kicker: nullable(6),
          title: nullable(20),
          subtitle: nullable(6),
          byline: nullable(6),
          dateline: nullable(6),
          body: fc.oneof(field(200), fc.string({ unit: 'binary', maxLength: 100 })),
          subheads: fc.array(field(8), { maxLength: 3 }),
          publicationId: fc.integer({ min: 1, max: 1_000_000 }),
        }),
        (d) => {
          const doc: SearchDocument = { ...d, id: 1, issueDate: '2024-01-01' };
          expect(indexColumns(doc)).toEqual(byDefinition(doc));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('writes a long body whole (past the writer’s first buffer), then a short one without leftovers', () => {
    const long: SearchDocument = {
      id: 1,
      issueDate: '2024-01-01',
      publicationId: 3,
      kicker: null,
      title: '梁山县召开会议',
      subtitle: null,
      byline: null,
      dateline: null,
      body: '梁山县鱼台县金乡县𠀀'.repeat(2000) + '第１２３４５６７８９０１２３４５６７８９０１２号',
      subheads: [],
    };
    const cols = indexColumns(long);
    expect(cols).toEqual(byDefinition(long));
    expect(cols.body.length).toBeGreaterThan(100_000);
    // A run of 22 digits (full-width in the text) by its first 20.
    expect(cols.chars.split(' ')).toContain('n12345678901234567890');
    const short = { ...long, title: '鱼台', body: '金乡' };
    expect(indexColumns(short)).toEqual(byDefinition(short));
    expect(indexColumns(short).body).toBe('z 91d14e61 4e61');
  });
});
