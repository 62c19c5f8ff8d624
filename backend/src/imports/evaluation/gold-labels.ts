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
