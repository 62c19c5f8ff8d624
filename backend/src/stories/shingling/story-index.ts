import { DEFAULT_MIN_CONTAINMENT, DEFAULT_MIN_SHINGLES } from './compare';
import { DEFAULT_BANDING, assertBanding, bandKeys, type BandingOptions } from './lsh';
import {
  DEFAULT_MINHASH_SEED,
  DEFAULT_NUM_HASHES,
  estimateContainment,
  estimateJaccard,
  minhashSignature,
} from './minhash';
import { DEFAULT_SHINGLE_SIZE, shingles } from './shingles';

/** What to persist per clipping so that the index can be rebuilt without re-reading bodies. */
export interface StorySignature {
  /** MinHash signature (numHashes values). */
  signature: Uint32Array;
  /** Number of distinct shingles of the text (needed to estimate containment). */
  size: number;
}

export interface StoryIndexOptions {
  /** Shingle size (default 5). Must be the same for every signature in one index. */
  k?: number;
  numHashes?: number;
  banding?: BandingOptions;
  seed?: number;
  /**
   * Candidates whose *estimated* containment is below this are dropped (default 0.3). Lower than the
   * exact same-story threshold (0.5) on purpose: the estimate is noisy (±0.1 for a tail-only copy), and
   * the caller confirms candidates with {@link compareStories} on the real texts.
   */
  minEstimatedContainment?: number;
  /** Texts with fewer shingles are neither indexed nor queried (default 20, as in compareStories). */
  minShingles?: number;
}

export interface StoryCandidate<Id> {
  id: Id;
  /** MinHash estimate of the Jaccard similarity. */
  estimatedJaccard: number;
  /** Estimated containment of the smaller text in the larger one. */
  estimatedContainment: number;
  /** estimatedContainment ≥ 0.5: probably the same story; confirm with compareStories. */
  likelySameStory: boolean;
}

const EMPTY = -1;

/**
 * In-memory LSH index of MinHash signatures for same-story lookup. Pure: no I/O, no clocks.
 *
 * Memory: per stored text numHashes·4 bytes of signature plus about 16 bytes per band (posting list
 * and hash-table slot), i.e. ≈ 1.5 KB with the defaults (≈ 150 MB for 100 000 clippings, all in typed
 * arrays outside the JS heap). Adding is O(bands) after signing; a query walks the buckets of its
 * bands only, so it does not grow with the index except through genuine near-duplicates.
 */
export class StoryIndex<Id = number> {
  readonly k: number;
  readonly numHashes: number;
  readonly banding: BandingOptions;
  readonly seed: number;
  private readonly minEstimatedContainment: number;
  private readonly minShingles: number;

  private ids: Id[] = [];
  private slotOf = new Map<Id, number>();
  private alive = new Uint8Array(16);
  private sizes = new Int32Array(16);
  private sigs: Uint32Array;
  private count = 0;
  private live = 0;

  // Open-addressing table: band key → most recent posting; postings chain through `next`.
  private tableKeys = new Uint32Array(1024);
  private tableHeads = new Int32Array(1024).fill(EMPTY);
  private tableUsed = 0;
  private next: Int32Array;

  // Query scratch: a stamp per document avoids clearing a seen-set per query.
  private seen = new Uint32Array(16);
  private stamp = 0;

  constructor(opts: StoryIndexOptions = {}) {
    this.k = opts.k ?? DEFAULT_SHINGLE_SIZE;
    this.numHashes = opts.numHashes ?? DEFAULT_NUM_HASHES;
    this.banding =
      opts.banding ??
      (opts.numHashes && opts.numHashes !== DEFAULT_NUM_HASHES
        ? { bands: opts.numHashes / 2, rows: 2 }
        : DEFAULT_BANDING);
    assertBanding(this.numHashes, this.banding);
    this.seed = opts.seed ?? DEFAULT_MINHASH_SEED;
    this.minEstimatedContainment = opts.minEstimatedContainment ?? 0.3;
    this.minShingles = opts.minShingles ?? DEFAULT_MIN_SHINGLES;
    this.sigs = new Uint32Array(16 * this.numHashes);
    this.next = new Int32Array(16 * this.banding.bands);
  }

  /** Number of texts currently stored. */
  get size(): number {
    return this.live;
  }

  has(id: Id): boolean {
    return this.slotOf.has(id);
  }

  /** Signature of a text with this index's parameters (persist it next to the clipping). */
  sign(text: string): StorySignature {
    const set = shingles(text, this.k);
    return { signature: minhashSignature(set, this.numHashes, this.seed), size: set.length };
  }

  /**
   * Adds (or replaces) a text. Returns false, storing nothing, when the text is too short to be
   * compared meaningfully (fewer than minShingles shingles).
   */
  add(id: Id, text: string): boolean {
    return this.addSignature(id, this.sign(text));
  }

  addSignature(id: Id, sig: StorySignature): boolean {
    if (sig.signature.length !== this.numHashes) {
      throw new RangeError(`signature has ${sig.signature.length} hashes, the index uses ${this.numHashes}`);
    }
    if (this.slotOf.has(id)) this.remove(id);
    if (sig.size < this.minShingles) return false;
    const doc = this.count++;
    this.ensureDocCapacity(this.count);
    this.ids[doc] = id;
    this.slotOf.set(id, doc);
    this.alive[doc] = 1;
    this.sizes[doc] = sig.size;
    this.sigs.set(sig.signature, doc * this.numHashes);
    const keys = bandKeys(sig.signature, this.banding);
    const bands = this.banding.bands;
    for (let band = 0; band < bands; band++) {
      const slot = this.findSlot(keys[band]!, true);
      const posting = doc * bands + band;
      this.next[posting] = this.tableHeads[slot]!;
      this.tableHeads[slot] = posting;
    }
    this.live++;
    return true;
  }

  /** Removes a text (its postings are skipped from then on). Returns whether it was stored. */
  remove(id: Id): boolean {
    const doc = this.slotOf.get(id);
    if (doc === undefined) return false;
    this.slotOf.delete(id);
    this.alive[doc] = 0;
    this.live--;
    return true;
  }

  /** Candidate same-story texts for `text`, best first. `excludeId` drops the text itself. */
  query(text: string, opts: { excludeId?: Id; limit?: number } = {}): StoryCandidate<Id>[] {
    return this.querySignature(this.sign(text), opts);
  }

  querySignature(sig: StorySignature, opts: { excludeId?: Id; limit?: number } = {}): StoryCandidate<Id>[] {
    if (sig.size < this.minShingles) return [];
    const keys = bandKeys(sig.signature, this.banding);
    const bands = this.banding.bands;
    const stamp = this.nextStamp();
    const out: StoryCandidate<Id>[] = [];
    for (let band = 0; band < bands; band++) {
      const slot = this.findSlot(keys[band]!, false);
      if (slot < 0) continue;
      for (let p = this.tableHeads[slot]!; p !== EMPTY; p = this.next[p]!) {
        const doc = (p / bands) | 0;
        if (this.seen[doc] === stamp) continue;
        this.seen[doc] = stamp;
        if (!this.alive[doc]) continue;
        const id = this.ids[doc]!;
        if (opts.excludeId !== undefined && id === opts.excludeId) continue;
        const stored = this.sigs.subarray(doc * this.numHashes, (doc + 1) * this.numHashes);
        const j = estimateJaccard(sig.signature, stored);
        const c = estimateContainment(j, sig.size, this.sizes[doc]!);
        if (c < this.minEstimatedContainment) continue;
        out.push({
          id,
          estimatedJaccard: j,
          estimatedContainment: c,
          likelySameStory: c >= DEFAULT_MIN_CONTAINMENT,
        });
      }
    }
    out.sort(
      (a, b) => b.estimatedContainment - a.estimatedContainment || b.estimatedJaccard - a.estimatedJaccard,
    );
    return opts.limit !== undefined ? out.slice(0, opts.limit) : out;
  }

  private nextStamp(): number {
    this.stamp = (this.stamp + 1) >>> 0;
    if (this.stamp === 0) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  private ensureDocCapacity(n: number): void {
    if (n <= this.alive.length) return;
    let cap = this.alive.length;
    while (cap < n) cap *= 2;
    this.alive = grow(this.alive, cap);
    this.sizes = grow(this.sizes, cap);
    this.seen = grow(this.seen, cap);
    this.sigs = grow(this.sigs, cap * this.numHashes);
    this.next = grow(this.next, cap * this.banding.bands);
  }

  /** Slot of `key`; with `insert`, claims an empty slot (growing the table) when absent. -1 if absent. */
  private findSlot(key: number, insert: boolean): number {
    if (insert && (this.tableUsed + 1) * 2 > this.tableKeys.length) this.rehash(this.tableKeys.length * 2);
    const mask = this.tableKeys.length - 1;
    let i = key & mask;
    for (;;) {
      if (this.tableHeads[i] === EMPTY) {
        if (!insert) return -1;
        this.tableKeys[i] = key;
        this.tableUsed++;
        return i;
      }
      if (this.tableKeys[i] === key) return i;
      i = (i + 1) & mask;
    }
  }

  private rehash(capacity: number): void {
    const oldKeys = this.tableKeys;
    const oldHeads = this.tableHeads;
    this.tableKeys = new Uint32Array(capacity);
    this.tableHeads = new Int32Array(capacity).fill(EMPTY);
    const mask = capacity - 1;
    for (let s = 0; s < oldKeys.length; s++) {
      if (oldHeads[s] === EMPTY) continue;
      let i = oldKeys[s]! & mask;
      while (this.tableHeads[i] !== EMPTY) i = (i + 1) & mask;
      this.tableKeys[i] = oldKeys[s]!;
      this.tableHeads[i] = oldHeads[s]!;
    }
  }
}

function grow<T extends Uint8Array | Int32Array | Uint32Array>(arr: T, length: number): T {
  const out = new (arr.constructor as new (n: number) => T)(length);
  out.set(arr);
  return out;
}
