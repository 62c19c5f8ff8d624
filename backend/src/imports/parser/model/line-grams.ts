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

/** The interning table of lineGrams: bigram → dense id, and the ids of each line in order. */
class GramIds {
  private readonly keys: Int32Array;
  private readonly vals: Int32Array;
  private readonly mask: number;
  /** The last line each id was seen on (distinct per line), indexed by id. */
  private readonly seenOn: Int32Array;
  readonly ids: Int32Array;
  count = 0;
  n = 0;

  constructor(chars: number) {
    // at most one bigram per character: a table at most half full
    let size = 16;
    while (size < 2 * chars) size *= 2;
    this.mask = size - 1;
    this.keys = new Int32Array(size).fill(-1);
    this.vals = new Int32Array(size);
    this.ids = new Int32Array(chars);
    this.seenOn = new Int32Array(chars).fill(-1);
  }

  /** Appends line k's distinct bigram ids (text t). */
  addLine(t: string, k: number): void {
    const { keys, vals, mask, seenOn, ids } = this;
    let prev = -1;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      const w = wordIndex(c);
      if (w >= 0) {
        if (prev >= 0) {
          const key = gramOf(prev, w);
          let h = Math.imul(key, 0x9e3779b1) & mask;
          let id = -1;
          for (;;) {
            const at = keys[h] as number;
            if (at === key) {
              id = vals[h] as number;
              break;
            }
            if (at === -1) {
              keys[h] = key;
              id = this.count++;
              vals[h] = id;
              break;
            }
            h = (h + 1) & mask;
          }
          if (seenOn[id] !== k) {
            seenOn[id] = k;
            ids[this.n++] = id;
          }
        }
        prev = w;
      } else if (c !== 32 && c !== 0x3000 && c !== 9) prev = -1;
    }
  }
}
