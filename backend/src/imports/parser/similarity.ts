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

/**
 * A character bigram as one integer: both characters are in the BMP (isWordChar), so the pair fits in 32
 * bits. Integer keys keep the sets free of string allocation (these sets are built for every segment).
 */
export type Gram = number;

const gramOf = (a: number, b: number): Gram => (a << 16) | b;

/** The two characters of a gram (for display and tests). */
export function gramText(g: Gram): string {
  return String.fromCharCode((g >>> 16) & 0xffff, g & 0xffff);
}

/** Character bigrams of the headline (letters, digits and Han only; punctuation breaks a pair). */
export function headingBigrams(heading: string): Set<Gram> {
  const out = new Set<Gram>();
  let prev = -1;
  for (let i = 0; i < heading.length; i++) {
    const c = heading.charCodeAt(i);
    if (isWordChar(c)) {
      if (prev >= 0) out.add(gramOf(prev, c));
      prev = c;
    } else if (!isSpace(c)) {
      prev = -1;
    }
  }
  return out;
}

/** Share (0..1) of the headline's bigrams present in the first `window` characters of `text`. Linear. */
export function headingOverlap(heading: string | ReadonlySet<Gram>, text: string, window = 2000): number {
  const grams = typeof heading === 'string' ? headingBigrams(heading) : heading;
  if (grams.size === 0) return 0;
  const found = new Set<Gram>();
  const limit = Math.min(text.length, window);
  let prev = -1;
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) {
      if (prev >= 0) {
        const gram = gramOf(prev, c);
        if (grams.has(gram)) found.add(gram);
      }
      prev = c;
    } else if (!isSpace(c)) {
      prev = -1;
    }
  }
  return found.size / grams.size;
}

/** The bigrams of the first `window` characters of a text (the set headlines are compared with). */
export function textBigrams(text: string, window = 2000): Set<Gram> {
  const out = new Set<Gram>();
  const limit = Math.min(text.length, window);
  let prev = -1;
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) {
      if (prev >= 0) out.add(gramOf(prev, c));
      prev = c;
    } else if (!isSpace(c)) {
      prev = -1;
    }
  }
  return out;
}

/** Share (0..1) of a headline's bigrams found in a text's bigram set: headingOverlap on a prepared text. */
export function overlapIn(grams: ReadonlySet<Gram>, textGrams: ReadonlySet<Gram>): number {
  if (grams.size === 0) return 0;
  let n = 0;
  for (const g of grams) if (textGrams.has(g)) n++;
  return n / grams.size;
}
