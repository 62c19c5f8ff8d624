/**
 * Facts about each atom's line that several steps of one parse read — its visible length, whether it
 * ends a sentence, whether it has a headline's shape, the column width around it — each computed at most
 * once. One instance per atom list (per parse): nothing is kept between pages. Pure.
 */
import type { Atom, ParaAtom } from '../atoms';
import { endsSentence, hasHeadingShape, visibleLength } from '../text-rules';

/** Atoms looked at on either side of a line for its column width. */
export const WIDTH_WINDOW = 12;

const UNKNOWN = -1;

const isPara = (a: Atom | undefined): a is ParaAtom => a !== undefined && a.t === 'para';

export class LineFacts {
  private readonly lengths: Int32Array;
  private readonly ends: Int8Array;
  private readonly shapes: Int8Array;
  private widthCache: Int32Array | null = null;

  constructor(readonly atoms: readonly Atom[]) {
    this.lengths = new Int32Array(atoms.length).fill(UNKNOWN);
    this.ends = new Int8Array(atoms.length).fill(UNKNOWN);
    this.shapes = new Int8Array(atoms.length).fill(UNKNOWN);
  }

  /** The visible length of atom k's text (0 for an atom that is not a text line). */
  length(k: number): number {
    let n = this.lengths[k] ?? 0;
    if (n === UNKNOWN) {
      const a = this.atoms[k];
      n = isPara(a) ? visibleLength(a.text) : 0;
      this.lengths[k] = n;
    }
    return n;
  }

  /** Atom k is a text line that ends a sentence (text-rules `endsSentence`). */
  endsSentence(k: number): boolean {
    let v = this.ends[k] ?? 0;
    if (v === UNKNOWN) {
      const a = this.atoms[k];
      v = isPara(a) && endsSentence(a.text) ? 1 : 0;
      this.ends[k] = v;
    }
    return v === 1;
  }

  /** Atom k is a text line with a headline's shape (text-rules `hasHeadingShape`). */
  headingShape(k: number): boolean {
    let v = this.shapes[k] ?? 0;
    if (v === UNKNOWN) {
      const a = this.atoms[k];
      v = isPara(a) && hasHeadingShape(a.text) ? 1 : 0;
      this.shapes[k] = v;
    }
    return v === 1;
  }

  /**
   * The column width around each atom: the 70th percentile of the text lines' visible lengths within
   * ±WIDTH_WINDOW atoms (20 when there are none, never below 6).
   */
  widths(): Int32Array {
    if (this.widthCache !== null) return this.widthCache;
    const n = this.atoms.length;
    const out = new Int32Array(n);
    // the window's lengths, kept sorted as it slides: one removal and one insertion per atom
    const sorted = new Int32Array(2 * WIDTH_WINDOW + 1);
    let size = 0;
    const insert = (l: number): void => {
      let i = size++;
      while (i > 0 && (sorted[i - 1] ?? 0) > l) {
        sorted[i] = sorted[i - 1] ?? 0;
        i--;
      }
      sorted[i] = l;
    };
    const remove = (l: number): void => {
      let i = 0;
      while (i < size && sorted[i] !== l) i++;
      for (size--; i < size; i++) sorted[i] = sorted[i + 1] ?? 0;
    };
    for (let j = 0; j <= Math.min(n - 1, WIDTH_WINDOW); j++) {
      const l = this.length(j);
      if (l > 0) insert(l);
    }
    for (let k = 0; k < n; k++) {
      if (k > 0) {
        const gone = k - 1 - WIDTH_WINDOW;
        if (gone >= 0 && this.length(gone) > 0) remove(this.length(gone));
        const come = k + WIDTH_WINDOW;
        if (come < n && this.length(come) > 0) insert(this.length(come));
      }
      out[k] = size === 0 ? 20 : Math.max(6, sorted[Math.min(size - 1, Math.floor(size * 0.7))] ?? 20);
    }
    this.widthCache = out;
    return out;
  }
}
