/**
 * Line labels derived from a reference segmentation, for training and checking the parser's line
 * model: which input lines lie inside a reference body, which print a title (kicker, title or
 * subtitle) and which a byline. Pure.
 */
import type { GoldClipping } from './score-preview';

export type GoldLineLabel = 'body' | 'title' | 'byline' | 'other' | 'blank';

export interface GoldLines {
  labels: GoldLineLabel[];
  /** Reference clipping index per line (body, title or byline lines), else -1. */
  owner: number[];
  /** First and last body line of each reference clipping (-1 when its body was not found). */
  spans: Array<{ first: number; last: number }>;
}

const squeeze = (s: string | null | undefined): string =>
  (s ?? '')
    .replace(/\s+/g, '')
    .replace(/■/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'");

/** How far from its body a clipping's headline or byline may be printed, in lines. */
const NEAR = 20;

export function goldLineLabels(text: string, clippings: readonly GoldClipping[]): GoldLines {
  const lines = text.split('\n');
  const squeezed = lines.map(squeeze);
  const labels: GoldLineLabel[] = squeezed.map((s) => (s.length === 0 ? 'blank' : 'other'));
  const owner = lines.map(() => -1);
  let all = '';
  const lineAt: number[] = [];
  squeezed.forEach((s, i) => {
    all += s;
    for (let k = 0; k < s.length; k++) lineAt.push(i);
  });
  const spans = clippings.map((c) => {
    const startText = squeeze(c.bodyStarts);
    const endText = squeeze(c.bodyEnds);
    const s0 = all.indexOf(startText);
    const e = s0 < 0 ? -1 : all.indexOf(endText, s0);
    if (s0 < 0 || e < 0) return { first: -1, last: -1 };
    // the body's own occurrence: the last one before its end (a headline may repeat its first words)
    const s = all.lastIndexOf(startText, e);
    return { first: lineAt[s] ?? -1, last: lineAt[e + endText.length - 1] ?? -1 };
  });
  spans.forEach((sp, ci) => {
    for (let i = sp.first; i >= 0 && i <= sp.last; i++) {
      if (labels[i] === 'blank') continue;
      labels[i] = 'body';
      owner[i] = ci;
    }
  });
  const near = (i: number, sp: { first: number; last: number }): boolean =>
    sp.first >= 0 && ((i < sp.first && sp.first - i <= NEAR) || (i > sp.last && i - sp.last <= NEAR));
  clippings.forEach((c, ci) => {
    const sp = spans[ci] ?? { first: -1, last: -1 };
    const titles = c.titles.filter((t): t is string => t !== null).map(squeeze);
    const names = (c.bylineNames ?? []).map(squeeze).filter((n) => n.length > 0);
    const byline = squeeze(c.byline);
    for (let i = 0; i < lines.length; i++) {
      const s = squeezed[i] ?? '';
      if (labels[i] !== 'other' || !near(i, sp)) continue;
      if (s.length >= 2 && titles.some((t) => t.includes(s))) {
        labels[i] = 'title';
        owner[i] = ci;
      } else if (
        s.length <= 40 &&
        ((names.length > 0 && names.some((n) => s.includes(n))) || (byline.length > 0 && byline.includes(s)))
      ) {
        labels[i] = 'byline';
        owner[i] = ci;
      }
    }
  });
  return { labels, owner, spans };
}

/**
 * The page re-laid in columns of `width` characters, as another newspaper would print it: runs of
 * reference body lines are joined and cut again at the width; headlines, bylines and every other line
 * stay as printed (a headline is set in its own type, not wrapped with the column). Blank lines stay.
 * Used to train and check the line model on column widths the development pages do not have.
 */
export function rewrapBody(text: string, clippings: readonly GoldClipping[], width: number): string {
  const lines = text.split('\n');
  const { labels, owner } = goldLineLabels(text, clippings);
  const out: string[] = [];
  let run: string[] = [];
  let runOwner = -1;
  const flush = (): void => {
    if (run.length === 0) return;
    const joined = run.map((l) => l.trim()).join('');
    const chars = [...joined];
    for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
    run = [];
  };
  lines.forEach((line, i) => {
    if (labels[i] === 'body' && (run.length === 0 || owner[i] === runOwner)) {
      run.push(line);
      runOwner = owner[i] ?? -1;
      return;
    }
    flush();
    if (labels[i] === 'body') {
      run.push(line);
      runOwner = owner[i] ?? -1;
      return;
    }
    out.push(line);
  });
  flush();
  return out.join('\n');
}

/** A small deterministic random generator (mulberry32) for laying pages out again. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The page as a local paper's PDF export would give it (the kind of page the importer meets most):
 * each article's body re-set in a column of 16–22 characters, a blank line at every column break
 * (every 10–25 lines, wherever the break falls, even mid-word), and some headlines printed after their
 * body instead of before it. Headlines, bylines and all other lines keep their text. Deterministic
 * for a seed; the reference clippings stay valid.
 */
export function localLayout(text: string, clippings: readonly GoldClipping[], seed: number): string {
  const rand = seeded(seed);
  const lines = text.split('\n');
  const { labels, owner } = goldLineLabels(text, clippings);
  const after = clippings.map(() => rand() < 0.35);
  const width = clippings.map(() => 16 + Math.floor(rand() * 7));
  const lastBody = clippings.map(() => -1);
  lines.forEach((_, i) => {
    const o = owner[i] ?? -1;
    if (labels[i] === 'body' && o >= 0) lastBody[o] = i;
  });
  const movedTitles = clippings.map((): string[] => []);
  const out: string[] = [];
  let run: string[] = [];
  let runOwner = -1;
  // a body's paragraphs: full lines run on; a shorter line ends one (a line alone that does not end a
  // sentence — a subhead, a signature — stays a line of its own)
  const paragraphs = (body: string[]): string[][] => {
    const full = Math.max(...body.map((l) => [...l.trim()].length));
    const out2: string[][] = [];
    let cur: string[] = [];
    for (const l of body) {
      cur.push(l.trim());
      if ([...l.trim()].length < 0.8 * full) {
        out2.push(cur);
        cur = [];
      }
    }
    if (cur.length > 0) out2.push(cur);
    return out2;
  };
  const flush = (): void => {
    if (run.length === 0) return;
    const w = width[runOwner] ?? 18;
    let sinceBreak = 0;
    let breakAt = 10 + Math.floor(rand() * 16);
    const emit = (line: string, breakable: boolean): void => {
      out.push(line);
      if (++sinceBreak >= breakAt && breakable) {
        out.push('');
        sinceBreak = 0;
        breakAt = 10 + Math.floor(rand() * 16);
      }
    };
    for (const para of paragraphs(run)) {
      const joined = para.join('');
      const alone = para.length === 1 && !/[。！？…”’」）)]$/.test(joined);
      if (alone) {
        emit(joined, false);
        continue;
      }
      const chars = [...joined];
      for (let k = 0; k < chars.length; k += w) emit(chars.slice(k, k + w).join(''), k + w < chars.length);
    }
    run = [];
  };
  lines.forEach((line, i) => {
    const o = owner[i] ?? -1;
    const label = labels[i];
    if (label === 'body' && o >= 0) {
      if (run.length > 0 && o !== runOwner) flush();
      run.push(line);
      runOwner = o;
      if (i === lastBody[o]) {
        flush();
        if (after[o] && (movedTitles[o]?.length ?? 0) > 0) out.push('', ...(movedTitles[o] ?? []), '');
      }
      return;
    }
    flush();
    // a headline printed before its body moves under it (only when the body follows)
    if (label === 'title' && o >= 0 && after[o] && i < (lastBody[o] ?? -1)) {
      movedTitles[o]?.push(line);
      return;
    }
    out.push(line);
  });
  flush();
  return out.join('\n');
}
