/**
 * Each line's distinct character bigrams as dense integer ids shared across one page, in two flat typed
 * arrays: the line model's context windows count them by id. An open-addressing table on typed arrays
 * keeps the interning free of Map entries and of allocation per pair. Built per parse; pure.
 */
import { gramOf, wordIndex } from '../similarity';

export interface LineGrams {
  /** Line k's distinct bigram ids are `ids[start[k]]` … `ids[start[k + 1] - 1]`, in order of first occurrence. */
  ids: Int32Array;
  start: Int32Array;
  /** How many distinct bigrams the page has: every id is below it. */
  count: number;
}

/**
 * The bigrams of each text (null: a line without text), where letters, digits and Han characters make
 * pairs, a space, tab or ideographic space is skipped and any other character breaks the pair.
 */
export function lineGrams(texts: ReadonlyArray<string | null>): LineGrams {
  let chars = 0;
  for (const t of texts) if (t !== null) chars += t.length;
  const table = new GramIds(chars);
  const start = new Int32Array(texts.length + 1);
  // one call per line: the character loop lives in GramIds.addLine, so V8 optimises that method as a
  // whole; compiled mid-loop (on-stack replacement), this function had no type feedback for the code
  // after its loop yet and V8 deoptimised it again on every page
  for (let k = 0; k < texts.length; k++) {
    start[k] = table.n;
    const t = texts[k];
    if (t !== null && t !== undefined) table.addLine(t, k);
  }
  start[texts.length] = table.n;
  return { ids: table.ids, start, count: table.count };
}

/**
 * Most slots GramIds' hash table starts with (a power of two: 512 KB for keys and values, within the
 * processor's caches); it doubles whenever it would be more than half full.
 */
const MAX_FIRST_TABLE_SIZE = 1 << 16;

/**
 * The interning table of lineGrams: bigram → dense id, and the ids of each line in order. The hash table
 * starts at twice the page's characters (a page of the usual size never fills it) but at most
 * MAX_FIRST_TABLE_SIZE slots, and grows with the page's distinct bigrams: a long page repeats most of its
 * pairs, and a table sized by its characters (2 × 350,000 slots for a 1 MB page) was read at random far
 * outside the processor's caches, so the cost per character grew with the page.
 */
export class GramIds {
  private keys: Int32Array;
  private vals: Int32Array;
  private mask: number;
  /** The last line each id was seen on (distinct per line), indexed by id. */
  private seenOn: Int32Array;
  readonly ids: Int32Array;
  count = 0;
  n = 0;

  constructor(chars: number) {
    // at most one bigram per character
    this.ids = new Int32Array(chars);
    let size = 16;
    while (size < 2 * chars && size < MAX_FIRST_TABLE_SIZE) size *= 2;
    this.mask = size - 1;
    this.keys = new Int32Array(size).fill(-1);
    this.vals = new Int32Array(size);
    this.seenOn = new Int32Array(size >> 1).fill(-1);
  }

  /** Slots in the hash table (for tests: it stays at most half full). */
  get tableSize(): number {
    return this.mask + 1;
  }

  /** Appends line k's distinct bigram ids (text t). */
  addLine(t: string, k: number): void {
    const ids = this.ids;
    let prev = -1;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      const w = wordIndex(c);
      if (w >= 0) {
        if (prev >= 0) {
          const id = this.idOf(gramOf(prev, w));
          const seenOn = this.seenOn;
          if (seenOn[id] !== k) {
            seenOn[id] = k;
            ids[this.n++] = id;
          }
        }
        prev = w;
      } else if (c !== 32 && c !== 0x3000 && c !== 9) prev = -1;
    }
  }

  /** The id of a bigram key, a new one (the next integer) the first time the key is seen. */
  private idOf(key: number): number {
    const { keys, mask } = this;
    let h = Math.imul(key, 0x9e3779b1) & mask;
    for (;;) {
      const at = keys[h] as number;
      if (at === key) return this.vals[h] as number;
      if (at === -1) break;
      h = (h + 1) & mask;
    }
    const id = this.count++;
    keys[h] = key;
    this.vals[h] = id;
    if (2 * this.count > mask) this.grow();
    return id;
  }

  /** Doubles the hash table (every key rehashed) and the per-id array. */
  private grow(): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    const size = 2 * oldKeys.length;
    const mask = size - 1;
    const keys = new Int32Array(size).fill(-1);
    const vals = new Int32Array(size);
    for (let i = 0; i < oldKeys.length; i++) {
      const key = oldKeys[i] as number;
      if (key === -1) continue;
      let h = Math.imul(key, 0x9e3779b1) & mask;
      while (keys[h] !== -1) h = (h + 1) & mask;
      keys[h] = key;
      vals[h] = oldVals[i] as number;
    }
    this.keys = keys;
    this.vals = vals;
    this.mask = mask;
    const seenOn = new Int32Array(size >> 1).fill(-1);
    seenOn.set(this.seenOn);
    this.seenOn = seenOn;
  }
}
