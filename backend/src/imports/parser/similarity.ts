/**
 * How much of a headline's vocabulary occurs in a body: the share of the headline's character bigrams
 * found in the text. Used to decide which neighbouring body a floating headline belongs to.
 */

/** Letters, digits and Han characters form bigrams (a char-code test: this runs on every body character). */
function isWordChar(c: number): boolean {
  return (
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122)
  );
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0;
}

/** Character bigrams of the headline (letters, digits and Han only; punctuation breaks a pair). */
export function headingBigrams(heading: string): Set<string> {
  const out = new Set<string>();
  let prev = '';
  for (const ch of heading) {
    const c = ch.charCodeAt(0);
    if (isWordChar(c)) {
      if (prev) out.add(prev + ch);
      prev = ch;
    } else if (!isSpace(c)) {
      prev = '';
    }
  }
  return out;
}

/** Share (0..1) of the headline's bigrams present in the first `window` characters of `text`. Linear. */
export function headingOverlap(heading: string | Set<string>, text: string, window = 2000): number {
  const grams = typeof heading === 'string' ? headingBigrams(heading) : heading;
  if (grams.size === 0) return 0;
  const found = new Set<string>();
  const limit = Math.min(text.length, window);
  let prev = '';
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) {
      const ch = text[i] ?? '';
      if (prev) {
        const gram = prev + ch;
        if (grams.has(gram)) found.add(gram);
      }
      prev = ch;
    } else if (!isSpace(c)) {
      prev = '';
    }
  }
  return found.size / grams.size;
}

/** The bigrams of the first `window` characters of a text (the set headlines are compared with). */
export function textBigrams(text: string, window = 2000): Set<string> {
  const out = new Set<string>();
  const limit = Math.min(text.length, window);
  let prev = '';
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) {
      const ch = text[i] ?? '';
      if (prev) out.add(prev + ch);
      prev = ch;
    } else if (!isSpace(c)) {
      prev = '';
    }
  }
  return out;
}

/** Share (0..1) of a headline's bigrams found in a text's bigram set: headingOverlap on a prepared text. */
export function overlapIn(grams: ReadonlySet<string>, textGrams: ReadonlySet<string>): number {
  if (grams.size === 0) return 0;
  let n = 0;
  for (const g of grams) if (textGrams.has(g)) n++;
  return n / grams.size;
}
