/**
 * Inline text diff for the history panel, suited to Chinese (no spaces between words): the texts are
 * compared character by character (code points, so astral characters stay whole) with jsdiff's Myers
 * diff; when they differ too much for that to stay cheap, line by line instead. The same library will
 * serve the side-by-side story diff.
 */
import { type ChangeObject, diffChars, diffLines } from 'diff';

export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffSegment {
  op: DiffOp;
  text: string;
}

/** A run of unchanged text hidden by `collapseUnchanged`, with how many characters it held. */
export interface DiffGap {
  op: 'gap';
  hidden: number;
}

export type ShownSegment = DiffSegment | DiffGap;

export interface DiffOptions {
  /** Give up on the character diff beyond this many edits (then diff by lines). */
  maxCharEdits?: number;
  /** Give up on the line diff beyond this many edits (then: all deleted, all inserted). */
  maxLineEdits?: number;
}

/** jsdiff's changes → segments. */
function segmentsOf(changes: readonly ChangeObject<string>[]): DiffSegment[] {
  return changes.map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));
}

/** Deletions before insertions inside each changed stretch, so a replacement reads "old → new". */
function orderChanges(segments: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let dels = '';
  let ins = '';
  const flush = () => {
    if (dels) out.push({ op: 'delete', text: dels });
    if (ins) out.push({ op: 'insert', text: ins });
    dels = '';
    ins = '';
  };
  for (const s of segments) {
    if (!s.text) continue;
    if (s.op === 'delete') dels += s.text;
    else if (s.op === 'insert') ins += s.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.op === 'equal') last.text += s.text;
      else out.push({ ...s });
    }
  }
  flush();
  return out;
}

/**
 * What changed from `before` to `after`: equal / delete / insert segments that, read in order,
 * give `before` (equal + delete) and `after` (equal + insert).
 */
export function diffText(before: string, after: string, options: DiffOptions = {}): DiffSegment[] {
  if (before === after) return before ? [{ op: 'equal', text: before }] : [];
  const chars = diffChars(before, after, { maxEditLength: options.maxCharEdits ?? 2000 });
  if (chars) return orderChanges(segmentsOf(chars));
  // Too different for a character diff: compare whole lines instead.
  const lines = diffLines(before, after, { maxEditLength: options.maxLineEdits ?? 2000 });
  return orderChanges(
    lines
      ? segmentsOf(lines)
      : [
          { op: 'delete', text: before },
          { op: 'insert', text: after },
        ],
  );
}

/**
 * Hide the middle of long unchanged runs, keeping `context` characters next to each change (and at
 * most `context` at the very start or end), so a one-character fix in a long body reads at a glance.
 */
export function collapseUnchanged(segments: readonly DiffSegment[], context = 20): ShownSegment[] {
  const out: ShownSegment[] = [];
  segments.forEach((s, i) => {
    if (s.op !== 'equal') {
      out.push(s);
      return;
    }
    const chars = Array.from(s.text);
    const first = i === 0;
    const last = i === segments.length - 1;
    const keepHead = first ? 0 : context;
    const keepTail = last ? 0 : context;
    if (chars.length <= keepHead + keepTail + 1 || (first && last)) {
      if (first && last) out.push({ op: 'gap', hidden: chars.length });
      else out.push(s);
      return;
    }
    if (keepHead) out.push({ op: 'equal', text: chars.slice(0, keepHead).join('') });
    out.push({ op: 'gap', hidden: chars.length - keepHead - keepTail });
    if (keepTail) out.push({ op: 'equal', text: chars.slice(chars.length - keepTail).join('') });
  });
  return out;
}

/** Characters inserted and deleted in a diff (for a one-line summary like "+12 −3"). */
export function diffStats(segments: readonly DiffSegment[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const s of segments) {
    const len = Array.from(s.text).length;
    if (s.op === 'insert') inserted += len;
    else if (s.op === 'delete') deleted += len;
  }
  return { inserted, deleted };
}
