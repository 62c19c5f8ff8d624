/**
 * Spec helper: re-wraps a page to a fixed column width, as a narrower column (or another PDF
 * extraction) would have printed it. Blank lines are kept; code points are counted, spaces included.
 *
 * - `line` mode: each input line is cut on its own into pieces of at most `width` characters;
 * - `paragraph` mode: the wrapped lines of one paragraph are first glued back (a line that is about as
 *   long as the widest line of its block and does not end a sentence continues on the next line), then
 *   the paragraph is cut into pieces of `width` characters. Headlines and short last lines stay apart.
 *
 * Pure and deterministic; only for specs.
 */
export type RewrapMode = 'line' | 'paragraph';

const SENTENCE_END = /[。！？!?；;…][”’」』）)]{0,3}$/;

/** Cuts one text into pieces of at most `width` characters (leading/trailing spaces of a piece dropped). */
export function rewrapLine(line: string, width: number): string[] {
  const t = line.replace(/\r$/, '').trim();
  if (t.length === 0) return [''];
  const chars = Array.from(t);
  if (chars.length <= width) return [t];
  const out: string[] = [];
  for (let k = 0; k < chars.length; k += width) {
    const piece = chars
      .slice(k, k + width)
      .join('')
      .trim();
    if (piece.length > 0) out.push(piece);
  }
  return out;
}

/** Glues a block's wrapped lines into paragraphs (see `paragraph` mode). */
function paragraphsOf(block: string[]): string[] {
  const width = Math.max(...block.map((l) => Array.from(l).length));
  const out: string[] = [];
  let cur: string | null = null;
  let prev = '';
  for (const line of block) {
    const wrapped =
      cur !== null && !SENTENCE_END.test(prev) && Array.from(prev).length >= 0.8 * width && width >= 8;
    if (wrapped && cur !== null) cur += line;
    else {
      if (cur !== null) out.push(cur);
      cur = line;
    }
    prev = line;
  }
  if (cur !== null) out.push(cur);
  return out;
}

/** Re-wraps a whole page to `width` characters per line (width ≥ 1). */
export function rewrapPage(text: string, width: number, mode: RewrapMode = 'line'): string {
  const w = Math.max(1, Math.floor(width));
  const lines = text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .map((l) => l.replace(/\r$/, '').trim());
  if (mode === 'line') return lines.flatMap((line) => rewrapLine(line, w)).join('\n');
  const out: string[] = [];
  let block: string[] = [];
  const flush = (): void => {
    for (const p of paragraphsOf(block)) out.push(...rewrapLine(p, w));
    block = [];
  };
  for (const line of lines) {
    if (line.length === 0) {
      flush();
      out.push('');
    } else block.push(line);
  }
  flush();
  return out.join('\n');
}

// ---------------------------------------------------------------- scoring re-wrapped pages against gold

export interface GoldRef {
  ref: string;
  bodyStarts: string;
  bodyEnds: string;
  continuesFrom: { page: string; label: string | null } | null;
}

interface PreviewLike {
  clippings: Array<{
    kicker: string | null;
    title: string | null;
    subtitle: string | null;
    byline: string | null;
    dateline: string | null;
    body: string;
    subheads: string[];
    continuesFrom: { page: string; label: string | null; marker: string } | null;
    continuesTo: { page: string; label: string | null; marker: string } | null;
  }>;
  unassigned: string[];
}

/** Text as the reference scorer compares it: no whitespace, no ■, brackets and quotes folded. */
export const foldText = (s: string | null | undefined): string =>
  (s ?? '')
    .replace(/[\s■]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'");

/**
 * The reference scorer's matching: for each gold clipping, the index of the first unused proposed
 * clipping whose body holds its bodyStarts and bodyEnds and no other gold clipping's bodyStarts; -1
 * when none does.
 */
export function matchGold(
  gold: ReadonlyArray<Pick<GoldRef, 'bodyStarts' | 'bodyEnds'>>,
  clippings: PreviewLike['clippings'],
): number[] {
  const used = new Set<number>();
  return gold.map((g) => {
    const others = gold.filter((o) => o !== g).map((o) => foldText(o.bodyStarts));
    const idx = clippings.findIndex((c, i) => {
      const b = foldText(c.body);
      return (
        !used.has(i) &&
        b.includes(foldText(g.bodyStarts)) &&
        b.includes(foldText(g.bodyEnds)) &&
        !others.some((o) => b.includes(o))
      );
    });
    if (idx >= 0) used.add(idx);
    return idx;
  });
}

/** Input lines not found whole in any single field or in `unassigned` (the scorer's nothing-lost rule). */
export function lostLines(text: string, preview: PreviewLike): string[] {
  const haystack = [
    ...preview.clippings.flatMap((c) => [
      c.kicker,
      c.title,
      c.subtitle,
      c.byline,
      c.dateline,
      c.body,
      c.continuesFrom?.marker,
      c.continuesTo?.marker,
      ...c.subheads,
    ]),
    ...preview.unassigned,
  ]
    .filter((x): x is string => typeof x === 'string')
    .map(foldText);
  return text
    .split('\n')
    .map(foldText)
    .filter((l) => l.length > 0 && !haystack.some((h) => h.includes(l)));
}

/**
 * Segmentation against gold: matched and missed clippings, the continuation refs missing from the
 * preview, and lost input lines.
 */
export function scoreSegmentation(gold: readonly GoldRef[], preview: PreviewLike, text: string) {
  const matches = matchGold(gold, preview.clippings);
  const missed = gold.filter((_, k) => matches[k] === -1).map((g) => g.ref);
  const refKey = (r: { page: string; label: string | null }): string => `${r.page}/${r.label ?? ''}`;
  const found = preview.clippings.flatMap((c) => (c.continuesFrom ? [refKey(c.continuesFrom)] : []));
  const continuationsMissing = gold
    .flatMap((g) => (g.continuesFrom ? [refKey(g.continuesFrom)] : []))
    .filter(
      (key, k, all) =>
        all.slice(0, k).filter((x) => x === key).length >= found.filter((x) => x === key).length,
    );
  return {
    matched: matches.filter((m) => m >= 0).length,
    gold: gold.length,
    proposed: preview.clippings.length,
    missed,
    continuationsMissing,
    lost: lostLines(text, preview),
  };
}

/** F1 of matched clippings over several pages. */
export function f1(matched: number, gold: number, proposed: number): number {
  const p = proposed > 0 ? matched / proposed : 1;
  const r = gold > 0 ? matched / gold : 1;
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}
