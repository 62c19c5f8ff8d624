import fc from 'fast-check';
import { normalizeForSearch, normalizeWithOffsets } from './normalize';

describe('normalizeForSearch', () => {
  it('drops whitespace, line breaks and invisible characters, so a wrapped name reads whole', () => {
    expect(normalizeForSearch('梁\n山')).toBe('梁山');
    expect(normalizeForSearch('梁\u3000山 县\t\r\n')).toBe('梁山县');
    expect(normalizeForSearch('鱼\u200b台\ufeff')).toBe('鱼台');
  });

  it('folds full-width to half-width and Latin to lower case', () => {
    expect(normalizeForSearch('ＡＰＥＣ１２０')).toBe('apec120');
    expect(normalizeForSearch('iPhone 15')).toBe('iphone15');
    expect(normalizeForSearch('（下转第２版）')).toBe('(下转第2版)');
  });

  it('folds traditional characters to simplified, one for one', () => {
    expect(normalizeForSearch('鄉村振興')).toBe('乡村振兴');
    expect(normalizeForSearch('臺灣 後來')).toBe('台湾后来');
    expect(normalizeForSearch('崔建剛')).toBe(normalizeForSearch('崔建刚'));
    // Already simplified text is left as it is.
    expect(normalizeForSearch('乡村振兴')).toBe('乡村振兴');
  });

  it('is idempotent on ordinary text and reads null as empty', () => {
    const once = normalizeForSearch('鄉村 ＡＰＥＣ e\u0301 𠀀 ①');
    expect(normalizeForSearch(once)).toBe(once);
    expect(normalizeForSearch(null)).toBe('');
    expect(normalizeForSearch(undefined)).toBe('');
  });

  it('composes a letter with its combining mark', () => {
    expect(normalizeForSearch('Cafe\u0301')).toBe('café');
  });
});

describe('normalizeWithOffsets', () => {
  it('maps every unit of the normalised text back to the original', () => {
    const n = normalizeWithOffsets('梁\n山 ＡＢ');
    expect(n.text).toBe('梁山ab');
    expect(n.from).toEqual([0, 2, 4, 5]);
    expect(n.to).toEqual([1, 3, 5, 6]);
  });

  it('keeps both units of a character beyond the BMP on the same source range', () => {
    const n = normalizeWithOffsets('a𠀀b');
    expect(n.text).toBe('a𠀀b');
    expect(n.from).toEqual([0, 1, 1, 3]);
    expect(n.to).toEqual([1, 3, 3, 4]);
  });
});

describe('the indexing path and the highlighting path', () => {
  it('normalise every string the same way', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.string({
            unit: fc.constantFrom(...'梁山鄉村 \n\u3000ＡaA1１e\u0301\u200b𠀀①㍻ﷺİ'),
            maxLength: 60,
          }),
        ),
        (text) => {
          expect(normalizeWithOffsets(text).text).toBe(normalizeForSearch(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
