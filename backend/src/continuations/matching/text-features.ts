import {
  type JumpRef,
  endsSentence,
  findJumpMarkers,
  stripLeadingMarker as sharedStripLeading,
  stripTrailingMarker as sharedStripTrailing,
} from '@jianbao/contracts';

/** Removes a leading continuation marker (the given one, or any the shared jump grammar reads). */
export function stripLeadingMarker(text: string, ref?: JumpRef | null): string {
  return sharedStripLeading(text, ref);
}

/** Removes a trailing jump marker (the given one, or any the shared jump grammar reads). */
export function stripTrailingMarker(text: string, ref?: JumpRef | null): string {
  return sharedStripTrailing(text, ref);
}

/** Punctuation that cannot start a sentence: a text starting with one is a fragment. */
const NON_INITIAL = '，、；：。！？,;:.!?）)】」』”’》…—';
const OPENERS = '“‘「『《（(【';

export type SentenceEnd = 'closed' | 'open';

/** Whether a text ends with a complete sentence (the shared sentence-end rule). */
export function sentenceEnd(text: string): SentenceEnd {
  return endsSentence(text) ? 'closed' : 'open';
}

export type TailStart = 'fragment' | 'sentence' | 'unknown';

/** Words that typically open a sentence or paragraph in news copy. */
const SENTENCE_OPENERS = [
  '近日',
  '近年来',
  '日前',
  '今年',
  '去年',
  '目前',
  '如今',
  '当天',
  '当日',
  '据悉',
  '据了解',
  '据介绍',
  '记者',
  '随着',
  '为了',
  '为此',
  '同时',
  '此外',
  '另外',
  '与此同时',
  '截至',
  '下一步',
  '近期',
  '今后',
  '一是',
  '二是',
  '三是',
  '四是',
  '首先',
  '其次',
  '最后',
  '总之',
  '因此',
  '所以',
  '但是',
  '然而',
];

/**
 * How the first characters of a tail look: `fragment` when it cannot be a sentence start
 * (starts with `，` `、` `）` …); `sentence` when it clearly starts one (an opening quote or bracket,
 * a numbered item like `（三）` / `三、`, a typical opener such as `近年来`, or a line break right after
 * the marker); `unknown` otherwise (most tails: plain characters, which may or may not begin a sentence).
 */
export function tailStart(rawTail: string, ref?: JumpRef | null): TailStart {
  let raw = rawTail.replace(/^[ \t\u3000]+/, '');
  const marker = ref?.marker && raw.startsWith(ref.marker) ? ref.marker : null;
  if (marker) raw = raw.slice(marker.length);
  else {
    const [first] = findJumpMarkers(raw);
    if (first && first.start === 0 && first.direction === 'from') raw = raw.slice(first.end);
  }
  if (/^[ \t\u3000]*\n/.test(raw)) return 'sentence';
  const t = raw.trimStart();
  if (t.length === 0) return 'unknown';
  const c = t[0]!;
  if (NON_INITIAL.includes(c)) return 'fragment';
  if (/^[（(][一二三四五六七八九十\d]{1,3}[）)]/.test(t) || /^[一二三四五六七八九十]{1,3}、/.test(t))
    return 'sentence';
  if (OPENERS.includes(c)) return 'sentence';
  if (SENTENCE_OPENERS.some((w) => t.startsWith(w))) return 'sentence';
  return 'unknown';
}

/** NFKC, lower-case, only letters and digits: the text the n-gram evidence is computed on. */
export function compact(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\p{Cc}\p{Cf}]+/gu, '');
}

/** Character n-grams of a compacted text with their counts. */
export function charGrams(text: string, sizes: readonly number[] = [2, 3]): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of sizes) {
    for (let i = 0; i + n <= text.length; i++) {
      const g = text.slice(i, i + n);
      out.set(g, (out.get(g) ?? 0) + 1);
    }
  }
  return out;
}
