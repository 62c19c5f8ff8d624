import {
  charGrams,
  compact,
  sentenceEnd,
  stripLeadingMarker,
  stripTrailingMarker,
  tailStart,
  type SentenceEnd,
  type TailStart,
} from './text-features';
import type { PartSummary } from './types';

/**
 * Evidence weights in log-odds units. The score of a pair is the logistic of their sum, so +1 means
 * "e times more likely"; the values were set on simulated page pairs cut from the sample pages
 * (see simulation.spec.ts) and are deliberately round.
 */
export const WEIGHTS = {
  /** Both markers printed and consistent (page and, when printed on both, letter). */
  markersAgree: 1.8,
  /** Only one side printed a marker. */
  markersOneSided: -1.0,
  /** … while another head's printed marker agrees with the tail's. */
  oneSidedBesideAgreeing: -2.0,
  /** Same letter printed on both markers (`1版A` ↔ `下转2版A`). */
  labelsAgree: 3.0,
  /** Tail repeats the head's headline. */
  titleRepeated: 4.0,
  /** Tail headline overlaps the head's (× bigram Dice). */
  titleOverlap: 4.0,
  /** Tail carries a headline that has nothing in common with the head's. */
  titleDifferent: -0.5,
  seam: {
    openFragment: 1.5,
    openUnknown: 0.3,
    openSentence: -1.0,
    closedSentence: 0.8,
    closedUnknown: 0,
    closedFragment: -1.5,
  },
  /** A word split by the jump (`崔|建刚`) that occurs elsewhere in the two parts. */
  seamWordLong: 1.2,
  seamWordShort: 0.5,
  /** Content: slope and centre on the rarity-weighted n-gram similarity, and its clamp. */
  contentSlope: 40,
  contentCentre: 0.02,
  contentMin: -1.0,
  contentMax: 4,
} as const;

/** Per-part data computed once per matching run. */
export interface PartProfile {
  part: PartSummary;
  /** Body as a head: trailing marker removed. */
  headText: string;
  /** Body as a tail: leading marker removed. */
  tailText: string;
  /** Compacted (letters and digits only) title + kicker + body. */
  compactAll: string;
  compactHeadBody: string;
  compactTailBody: string;
  grams: Map<string, number>;
  end: SentenceEnd;
  start: TailStart;
}

export function profile(part: PartSummary): PartProfile {
  const headText = stripTrailingMarker(part.body, part.continuesTo);
  const tailText = stripLeadingMarker(part.body, part.continuesFrom);
  const title = compact(part.title ?? '');
  const kicker = compact(part.kicker ?? '');
  // The title counts twice: headlines name the subject of the article.
  const bodyCompact = compact(stripTrailingMarker(tailText, part.continuesTo));
  const compactAll = [title, title, kicker, bodyCompact].filter(Boolean).join('|');
  const grams = new Map<string, number>();
  for (const piece of compactAll.split('|')) {
    for (const [g, c] of charGrams(piece)) grams.set(g, (grams.get(g) ?? 0) + c);
  }
  return {
    part,
    headText,
    tailText,
    compactAll,
    compactHeadBody: compact(headText),
    compactTailBody: compact(tailText),
    grams,
    end: sentenceEnd(headText),
    start: tailStart(part.body, part.continuesFrom),
  };
}

/** Document frequencies of n-grams over the parts of one publication and issue. */
export class GroupCorpus {
  readonly df = new Map<string, number>();
  readonly n: number;
  /** Weights already computed: every pair of the group asks again for the same grams. */
  private readonly weights = new Map<string, number>();

  constructor(profiles: readonly PartProfile[]) {
    this.n = profiles.length;
    for (const p of profiles) for (const g of p.grams.keys()) this.df.set(g, (this.df.get(g) ?? 0) + 1);
  }

  /** Rarity weight: smoothed IDF, trigrams ×1.5, pure-digit bigrams (years, dates) ×0.3. */
  weight(g: string): number {
    const known = this.weights.get(g);
    if (known !== undefined) return known;
    const df = this.df.get(g) ?? 1;
    let w = Math.log((this.n + 2) / df);
    if (g.length >= 3) w *= 1.5;
    else if (/^\d+$/.test(g)) w *= 0.3;
    this.weights.set(g, w);
    return w;
  }
}

export interface ContentSimilarity {
  /** Mean of the weighted cosine and the weighted containment of the smaller part in the larger. */
  similarity: number;
  /** Rare strings both parts contain (maximal common substrings), most specific first. */
  sharedTerms: string[];
}

export function contentSimilarity(a: PartProfile, b: PartProfile, corpus: GroupCorpus): ContentSimilarity {
  let dot = 0;
  let na = 0;
  let nb = 0;
  let sharedA = 0;
  let sharedB = 0;
  const shared: { g: string; w: number }[] = [];
  for (const [g, ca] of a.grams) {
    const w = corpus.weight(g);
    const va = (1 + Math.log(ca)) * w;
    na += va * va;
    const cb = b.grams.get(g);
    if (cb !== undefined) {
      const vb = (1 + Math.log(cb)) * w;
      dot += va * vb;
      sharedA += w;
      if ((corpus.df.get(g) ?? 0) <= 2) shared.push({ g, w });
    }
  }
  let totalA = 0;
  for (const g of a.grams.keys()) totalA += corpus.weight(g);
  let totalB = 0;
  for (const [g, cb] of b.grams) {
    const w = corpus.weight(g);
    totalB += w;
    const vb = (1 + Math.log(cb)) * w;
    nb += vb * vb;
    if (a.grams.has(g)) sharedB += w;
  }
  const cosine = na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
  const smallerTotal = totalA <= totalB ? totalA : totalB;
  const smallerShared = totalA <= totalB ? sharedA : sharedB;
  const contain = smallerTotal > 0 ? smallerShared / smallerTotal : 0;
  return { similarity: (cosine + contain) / 2, sharedTerms: sharedTerms(a.compactAll, b.compactAll, shared) };
}

/** Expands shared rare grams to maximal common substrings, longest and rarest first. */
function sharedTerms(a: string, b: string, grams: { g: string; w: number }[]): string[] {
  const terms = new Set<string>();
  for (const { g } of grams) {
    const at = b.indexOf(g);
    if (at < 0) continue;
    let s = at;
    let e = at + g.length;
    while (e < b.length && b[e] !== '|' && a.includes(b.slice(s, e + 1))) e++;
    while (s > 0 && b[s - 1] !== '|' && a.includes(b.slice(s - 1, e))) s--;
    terms.add(b.slice(s, e));
  }
  const sorted = [...terms].sort((x, y) => y.length - x.length || (x < y ? -1 : x > y ? 1 : 0));
  const out: string[] = [];
  for (const t of sorted) {
    if (t.length < 2 || /^\d{1,2}$/.test(t)) continue;
    if (out.some((o) => o.includes(t))) continue;
    out.push(t);
    if (out.length === 5) break;
  }
  return out;
}

export interface TitleEvidence {
  kind: 'repeated' | 'overlap' | 'different' | 'none';
  dice: number;
}

function bigramSet(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 2 <= s.length; i++) out.add(s.slice(i, i + 2));
  if (s.length === 1) out.add(s);
  return out;
}

/** Does the tail's headline repeat the head's (kicker and title may be joined or split)? */
export function titleEvidence(head: PartSummary, tail: PartSummary): TitleEvidence {
  const t = compact(tail.title ?? '');
  if (!t) return { kind: 'none', dice: 0 };
  const h = compact(head.title ?? '');
  const k = compact(head.kicker ?? '');
  const hk = k + h;
  if (!hk) return { kind: 'none', dice: 0 };
  if (t === h || t === hk || (t.length >= 4 && hk.includes(t)) || (h.length >= 4 && t.includes(h)))
    return { kind: 'repeated', dice: 1 };
  const A = bigramSet(t);
  const B = bigramSet(hk);
  let inter = 0;
  for (const g of A) if (B.has(g)) inter++;
  const dice = A.size + B.size > 0 ? (2 * inter) / (A.size + B.size) : 0;
  if (dice >= 0.3) return { kind: 'overlap', dice };
  return { kind: 'different', dice };
}

/** A word cut by the jump: an n-gram across the seam that also occurs elsewhere in the two parts. */
export function seamWord(head: PartProfile, tail: PartProfile, corpus: GroupCorpus): string | null {
  const h = head.compactHeadBody;
  const t = tail.compactTailBody;
  if (!h || !t) return null;
  for (const n of [4, 3, 2]) {
    for (let i = 1; i < n; i++) {
      if (i > h.length || n - i > t.length) continue;
      const g = h.slice(h.length - i) + t.slice(0, n - i);
      const elsewhere = h.slice(0, h.length - i).includes(g) || t.slice(n - i).includes(g);
      if (!elsewhere) continue;
      if (n <= 3) {
        const df = corpus.df.get(g) ?? 0;
        const inPair = (head.grams.has(g) ? 1 : 0) + (tail.grams.has(g) ? 1 : 0);
        if (df > inPair || /^\d+$/.test(g)) continue;
      }
      return g;
    }
  }
  return null;
}

export interface PairEvidence {
  logit: number;
  reasons: string[];
}

/** Content evidence (everything but the markers) for `tail` continuing `head`. */
export function pairEvidence(head: PartProfile, tail: PartProfile, corpus: GroupCorpus): PairEvidence {
  const reasons: { text: string; weight: number }[] = [];
  let logit = 0;
  const add = (weight: number, text: string | null) => {
    logit += weight;
    if (text) reasons.push({ text, weight });
  };

  const title = titleEvidence(head.part, tail.part);
  if (title.kind === 'repeated') add(WEIGHTS.titleRepeated, '标题重复 (headline repeated above the tail)');
  else if (title.kind === 'overlap')
    add(WEIGHTS.titleOverlap * title.dice, `标题相近 (headline overlap ${title.dice.toFixed(2)})`);
  else if (title.kind === 'different') add(WEIGHTS.titleDifferent, 'tail has a different headline');

  const s = WEIGHTS.seam;
  const seam =
    head.end === 'open'
      ? tail.start === 'fragment'
        ? ([s.openFragment, 'head ends mid-sentence, tail completes it'] as const)
        : tail.start === 'sentence'
          ? ([s.openSentence, 'head ends mid-sentence but the tail starts a new sentence'] as const)
          : ([s.openUnknown, 'head ends mid-sentence'] as const)
      : tail.start === 'sentence'
        ? ([s.closedSentence, 'head ends a sentence, tail starts a new one'] as const)
        : tail.start === 'fragment'
          ? ([s.closedFragment, 'head ends a sentence but the tail starts mid-sentence'] as const)
          : ([s.closedUnknown, null] as const);
  add(seam[0], seam[1]);

  const word = seamWord(head, tail, corpus);
  if (word)
    add(word.length >= 3 ? WEIGHTS.seamWordLong : WEIGHTS.seamWordShort, `word across the seam: ${word}`);

  const content = contentSimilarity(head, tail, corpus);
  const c = Math.max(
    WEIGHTS.contentMin,
    Math.min(WEIGHTS.contentMax, WEIGHTS.contentSlope * (content.similarity - WEIGHTS.contentCentre)),
  );
  add(c, `content similarity ${content.similarity.toFixed(2)}`);
  if (content.sharedTerms.length > 0)
    reasons.push({ text: `shared names: ${content.sharedTerms.join('、')}`, weight: Math.max(c, 0) - 0.001 });

  reasons.sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight));
  return { logit, reasons: reasons.map((r) => r.text) };
}
