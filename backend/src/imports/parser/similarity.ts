/**
 * How much of a headline's vocabulary occurs in a body: the share of the headline's character bigrams
 * found in the text. Used to decide which neighbouring body a floating headline belongs to.
 */

/**
 * A word character (letter, digit, Han) as a 15-bit index, or -1 for any other character: Han
 * U+3400–U+9FFF and U+F900–U+FAFF after the 62 ASCII letters and digits (28,222 values in all). A char-code
 * test: this runs on every body character.
 */
export function wordIndex(c: number): number {
  if (c >= 0x3400) {
    if (c <= 0x9fff) return c - 0x3400 + ASCII_WORD_CHARS;
    return c >= 0xf900 && c <= 0xfaff ? c - 0xf900 + ASCII_WORD_CHARS + HAN_MAIN : -1;
  }
  if (c >= 97) return c <= 122 ? c - 97 + 36 : -1;
  if (c >= 65) return c <= 90 ? c - 65 + 10 : -1;
  return c >= 48 && c <= 57 ? c - 48 : -1;
}

const ASCII_WORD_CHARS = 62;
const HAN_MAIN = 0x9fff - 0x3400 + 1;

/** The character of a word index (the inverse of wordIndex). */
function wordChar(i: number): number {
  if (i < 10) return i + 48;
  if (i < 36) return i - 10 + 65;
  if (i < ASCII_WORD_CHARS) return i - 36 + 97;
  if (i < ASCII_WORD_CHARS + HAN_MAIN) return i - ASCII_WORD_CHARS + 0x3400;
  return i - ASCII_WORD_CHARS - HAN_MAIN + 0xf900;
}

/** Spaces are skipped inside a pair (`进 聚`); any other non-word character breaks it. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0;
}

/**
 * A character bigram as one integer: two 15-bit word indices, so that every gram is below 2^30 and stays
 * a small integer (V8 keeps it unboxed; a Set or Map of them neither allocates nor hashes a heap number).
 * Integer keys keep the sets free of string allocation (these sets are built for every segment).
 */
export type Gram = number;

/** The gram of two word indices. */
export const gramOf = (a: number, b: number): Gram => a * 0x8000 + b;

/** The two characters of a gram (for display and tests). */
export function gramText(g: Gram): string {
  return String.fromCharCode(wordChar(Math.floor(g / 0x8000)), wordChar(g % 0x8000));
}

/** Character bigrams of the headline (letters, digits and Han only; punctuation breaks a pair). */
export function headingBigrams(heading: string): Set<Gram> {
  const out = new Set<Gram>();
  let prev = -1;
  for (let i = 0; i < heading.length; i++) {
    const c = heading.charCodeAt(i);
    const w = wordIndex(c);
    if (w >= 0) {
      if (prev >= 0) out.add(gramOf(prev, w));
      prev = w;
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
    const w = wordIndex(c);
    if (w >= 0) {
      if (prev >= 0) {
        const gram = gramOf(prev, w);
        if (grams.has(gram)) found.add(gram);
      }
      prev = w;
    } else if (!isSpace(c)) {
      prev = -1;
    }
  }
  return found.size / grams.size;
}

/** A set of grams looked up by value: what a text's bigrams are (a Set of them is one too). */
export interface GramLookup {
  readonly size: number;
  has(g: Gram): boolean;
}

/**
 * A set of grams in an open-addressing table on a typed array, sized for at most `capacity` grams: built
 * for every segment's text, where a Set would grow and rehash as it fills.
 */
export class GramTable implements GramLookup {
  private readonly keys: Int32Array;
  private readonly mask: number;
  size = 0;

  constructor(capacity: number) {
    let slots = 16;
    while (slots < 2 * capacity) slots *= 2;
    this.keys = new Int32Array(slots).fill(-1);
    this.mask = slots - 1;
  }

  /** Adds a gram (at most `capacity` distinct ones). */
  add(g: Gram): void {
    const keys = this.keys;
    for (let h = Math.imul(g, 0x9e3779b1) & this.mask; ; h = (h + 1) & this.mask) {
      const at = keys[h] ?? -1;
      if (at === g) return;
      if (at === -1) {
        keys[h] = g;
        this.size++;
        return;
      }
    }
  }

  has(g: Gram): boolean {
    const keys = this.keys;
    for (let h = Math.imul(g, 0x9e3779b1) & this.mask; ; h = (h + 1) & this.mask) {
      const at = keys[h] ?? -1;
      if (at === g) return true;
      if (at === -1) return false;
    }
  }

  /** How many of this table's grams `other` holds too. */
  countIn(other: GramLookup): number {
    let n = 0;
    for (const g of this.keys) if (g !== -1 && other.has(g)) n++;
    return n;
  }
}

/** The bigrams of the first `window` characters of a text (the set headlines are compared with). */
export function textBigrams(text: string, window = 2000): GramTable {
  const limit = Math.min(text.length, window);
  const out = new GramTable(limit);
  let prev = -1;
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    const w = wordIndex(c);
    if (w >= 0) {
      if (prev >= 0) out.add(gramOf(prev, w));
      prev = w;
    } else if (!isSpace(c)) {
      prev = -1;
    }
  }
  return out;
}

/** Share (0..1) of a headline's bigrams found in a text's bigram set: headingOverlap on a prepared text. */
export function overlapIn(grams: ReadonlySet<Gram>, textGrams: GramLookup): number {
  if (grams.size === 0) return 0;
  let n = 0;
  for (const g of grams) if (textGrams.has(g)) n++;
  return n / grams.size;
}

// ---------------------------------------------------------------- cohesion of two texts

/**
 * The table `sharedBigrams` counts in: open addressing on typed arrays reused by every call, a slot
 * being empty unless stamped with the current call's number (no clearing, no allocation per call; it
 * grows, once, for longer texts).
 */
const pairs = { keys: new Int32Array(0), stamps: new Int32Array(0), sides: new Uint8Array(0), call: 0 };

/**
 * The distinct character bigrams (as textBigrams makes them) of two texts, and how many both hold:
 * what the share of the smaller set found in the other is computed from.
 */
export function sharedBigrams(a: string, b: string): { a: number; b: number; both: number } {
  let slots = 16;
  while (slots < 2 * (a.length + b.length)) slots *= 2;
  if (pairs.keys.length < slots || pairs.call >= 0x7fffffff) {
    const size = Math.max(slots, pairs.keys.length);
    pairs.keys = new Int32Array(size);
    pairs.stamps = new Int32Array(size);
    pairs.sides = new Uint8Array(size);
    pairs.call = 0;
  }
  const call = ++pairs.call;
  // probe only this call's own slots: after one long pair of texts the arrays stay large, and hashing
  // every later call over all of them would scatter its few pairs outside the caches
  const mask = slots - 1;
  const counts = { a: 0, b: 0, both: 0 };
  for (let side = 1; side <= 2; side++) {
    const text = side === 1 ? a : b;
    let prev = -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const w = wordIndex(c);
      if (w < 0) {
        if (!isSpace(c)) prev = -1;
        continue;
      }
      if (prev >= 0) addPair(gramOf(prev, w), side, call, mask, counts);
      prev = w;
    }
  }
  return counts;
}

function addPair(
  g: Gram,
  side: number,
  call: number,
  mask: number,
  counts: { a: number; b: number; both: number },
): void {
  const { keys, stamps, sides } = pairs;
  for (let h = Math.imul(g, 0x9e3779b1) & mask; ; h = (h + 1) & mask) {
    if (stamps[h] !== call) {
      stamps[h] = call;
      keys[h] = g;
      sides[h] = side;
      if (side === 1) counts.a++;
      else counts.b++;
      return;
    }
    if (keys[h] !== g) continue;
    const was = sides[h] ?? 0;
    if ((was & side) === 0) {
      sides[h] = was | side;
      counts.b++;
      counts.both++;
    }
    return;
  }
}
