/**
 * Inline text diff for the history panel, suited to Chinese (no spaces between words): the texts are
 * compared character by character (code points, so astral characters stay whole) with Myers' O(ND)
 * algorithm; when they differ too much for that to stay cheap, line by line instead. Pure TypeScript.
 */

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

/**
 * Shortest edit script between two token arrays (Myers 1986), or null when it needs more than `maxD`
 * edits. Each trace entry keeps only the diagonals it can touch, so memory stays O(D²).
 */
function myers<T>(a: readonly T[], b: readonly T[], maxD: number): { op: DiffOp; token: T }[] | null {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  const limit = Math.min(max, maxD);
  for (let d = 0; d <= limit; d++) {
    // Diagonals -d-1 … d+1 as they were after step d-1.
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, d);
    }
  }
  return null;
}

function backtrack<T>(
  a: readonly T[],
  b: readonly T[],
  trace: Int32Array[],
  last: number,
): { op: DiffOp; token: T }[] {
  const out: { op: DiffOp; token: T }[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = last; d >= 0; d--) {
    const v = trace[d]!;
    const at = (k: number) => v[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      out.push({ op: 'equal', token: a[x - 1]! });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) out.push({ op: 'insert', token: b[y - 1]! });
      else out.push({ op: 'delete', token: a[x - 1]! });
    }
    x = prevX;
    y = prevY;
  }
  return out.reverse();
}

/** Consecutive tokens of the same kind → one segment. */
function join(ops: readonly { op: DiffOp; token: string }[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const { op, token } of ops) {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += token;
    else out.push({ op, text: token });
  }
  return out;
}

/** `a\nb\n` → [`a\n`, `b\n`]; the last line keeps no newline when the text has none. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
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
  const a = Array.from(before);
  const b = Array.from(after);
  // The common prefix and suffix cost nothing to find and shrink the search a lot.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head = a.slice(0, start).join('');
  const tail = a.slice(endA).join('');
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);

  const chars = myers(midA, midB, options.maxCharEdits ?? 2000);
  if (!chars) {
    // Too different for a character diff: compare whole lines of the full texts instead.
    const lines = myers(splitLines(before), splitLines(after), options.maxLineEdits ?? 2000);
    return orderChanges(
      lines
        ? join(lines)
        : [
            { op: 'delete', text: before },
            { op: 'insert', text: after },
          ],
    );
  }
  const all: DiffSegment[] = [];
  if (head) all.push({ op: 'equal', text: head });
  all.push(...join(chars));
  if (tail) all.push({ op: 'equal', text: tail });
  return orderChanges(all);
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
