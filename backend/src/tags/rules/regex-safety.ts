/**
 * Static screening of user-supplied regular expressions before they are run over the archive.
 *
 * JavaScript's backtracking engine has no time limit: `(a+)+$` hangs on 30 characters, and even a
 * single `.*x` is quadratic (≈ 4 s on 100,000 characters without `x`). RE2 is not available, so user
 * patterns are restricted to shapes whose cost is about (text length × a small constant), and the text
 * they run on is capped at `MAX_REGEX_TEXT_LENGTH`. Rejected, with a reason:
 * - a repeated group (`(…)*`, `(…)+`, `(…){2,}`, `(…){2}` …) whose body can match in more than one way:
 *   it contains a variable quantifier (`?`, `*`, `+`, `{n,m}`), a nested alternation, or an alternation
 *   whose branches are not plain literals none of which is a prefix of another —
 *   `(a+)+`, `(\w+\s?)*`, `(a|a)*`, `(ab|a)+`, `(.*a){20}`, `((ab|a)?a{2})+` (`(高铁|动车)+` is fine);
 * - an unbounded quantifier (`*`, `+`, `{n,}`) on a broad atom — `.`, `\w`, `\W`, `\s`, `\S`, `\D`,
 *   `\p{…}`, a negated or large (> 128 characters) class, or a group: write a bounded repeat such as
 *   `.{0,50}` instead; unbounded repeats of a single character, `\d` or a small class are allowed;
 * - bounded repeats above `MAX_BOUNDED_REPEAT` (`.{0,5000}`);
 * - two unbounded quantifiers with only optional atoms between them — `a*a*`, `\d+\d*`, `a*b?a*`;
 * - more than `MAX_HEAVY_QUANTIFIERS` unbounded quantifiers;
 * - back-references (`\1`, `\k<name>`);
 * - patterns longer than `MAX_PATTERN_LENGTH`.
 * The check is conservative: it rejects some harmless patterns rather than admit a slow one.
 */

export const MAX_PATTERN_LENGTH = 500;
export const MAX_HEAVY_QUANTIFIERS = 4;
export const MAX_BOUNDED_REPEAT = 100;
/** Regex rules only look at this many characters of a text (clippings are ~1,000). */
export const MAX_REGEX_TEXT_LENGTH = 100_000;

const SMALL_CLASS = 128;

interface Frame {
  /** Body contains a variable quantifier or a nested alternation (can match in several ways). */
  ambiguous: boolean;
  branches: string[];
  branchStart: number;
  hasAlternation: boolean;
}

interface Quantifier {
  length: number;
  min: number;
  max: number;
}

function readQuantifier(pattern: string, p: number): Quantifier | null {
  const ch = pattern[p];
  const lazy = (n: number): number => (pattern[p + n] === '?' ? n + 1 : n);
  if (ch === '*') return { length: lazy(1), min: 0, max: Infinity };
  if (ch === '+') return { length: lazy(1), min: 1, max: Infinity };
  if (ch === '?') return { length: lazy(1), min: 0, max: 1 };
  if (ch === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(p));
    if (!m) return null;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    return { length: lazy(m[0].length), min, max };
  }
  return null;
}

/** Number of code points a (non-negated) class body covers, or Infinity for `\w`-like members. */
function classSize(body: string): number {
  let size = 0;
  const re =
    /\\[wWsSDpP]|\\u\{?([0-9a-fA-F]+)\}?-\\u\{?([0-9a-fA-F]+)\}?|(\\?[\s\S])-(\\?[\s\S])|\\?[\s\S]/gu;
  for (const m of body.matchAll(re)) {
    if (/^\\[wWsSDpP]/.test(m[0])) return Infinity;
    if (m[1] && m[2]) size += parseInt(m[2], 16) - parseInt(m[1], 16) + 1;
    else if (m[3] && m[4]) size += m[4].slice(-1).codePointAt(0)! - m[3].slice(-1).codePointAt(0)! + 1;
    else size += 1;
  }
  return size;
}

/** Reason the pattern is unsafe, or null. Assumes the pattern already compiles with the `u` flag. */
export function unsafeRegexReason(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return `pattern longer than ${MAX_PATTERN_LENGTH} characters`;
  const stack: Frame[] = [{ ambiguous: false, branches: [], branchStart: 0, hasAlternation: false }];
  let heavyCount = 0;
  let previousHeavy = false;
  let i = 0;

  /** Handle the quantifier (if any) after an atom. `group` is the closed group, for group atoms. */
  const afterAtom = (broad: boolean, group: Frame | null): string | null => {
    const q = readQuantifier(pattern, i);
    const top = stack[stack.length - 1];
    if (group && (group.ambiguous || (group.hasAlternation && !literalBranchesSafe(group.branches)))) {
      if (q && q.max > 1)
        return 'a repeated group must match in only one way (no ?, *, +, {n,m} or overlapping alternatives inside)';
      top.ambiguous = true;
    }
    if (group?.hasAlternation) top.ambiguous = true;
    if (!q) {
      previousHeavy = false;
      return null;
    }
    i += q.length;
    if (q.max !== Infinity && q.max > MAX_BOUNDED_REPEAT)
      return `bounded repeats may not exceed {0,${MAX_BOUNDED_REPEAT}}`;
    if (q.min !== q.max) top.ambiguous = true;
    if (q.max === Infinity) {
      if (broad || (group && !literalBranchesSafe(group.branches)))
        return 'unbounded repeat of a broad pattern; use a bounded repeat such as .{0,50}';
      heavyCount += 1;
      if (heavyCount > MAX_HEAVY_QUANTIFIERS)
        return `more than ${MAX_HEAVY_QUANTIFIERS} unbounded quantifiers`;
      if (previousHeavy) return 'two unbounded quantifiers next to each other';
      previousHeavy = true;
    } else if (q.min >= 1) {
      previousHeavy = false;
    }
    return null;
  };

  while (i < pattern.length) {
    const ch = pattern[i];
    let result: string | null = null;
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'back-references are not allowed';
      if (next === 'b' || next === 'B') {
        i += 2;
        continue;
      }
      const m =
        /^\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[pP]\{[^}]*\}|c[A-Za-z]|[\s\S])/u.exec(
          pattern.slice(i),
        );
      i += m ? m[0].length : 2;
      result = afterAtom(/[wWsSDpP]/.test(next), null);
    } else if (ch === '[') {
      const m = /^\[(\^?)((?:\\[\s\S]|[^\]\\])*)\]/u.exec(pattern.slice(i));
      i += m ? m[0].length : 1;
      const broad = !m || m[1] === '^' || classSize(m[2]) > SMALL_CLASS;
      result = afterAtom(broad, null);
    } else if (ch === '(') {
      const look = /^\((\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>))?/.exec(pattern.slice(i));
      i += look ? look[0].length : 1;
      stack.push({ ambiguous: false, branches: [], branchStart: i, hasAlternation: false });
      previousHeavy = false;
      continue;
    } else if (ch === ')') {
      const frame = stack.pop();
      if (!frame || stack.length === 0) return null; // unbalanced: the compile check reports it
      frame.branches.push(pattern.slice(frame.branchStart, i));
      i += 1;
      result = afterAtom(false, frame);
    } else if (ch === '|') {
      const frame = stack[stack.length - 1];
      frame.hasAlternation = true;
      frame.branches.push(pattern.slice(frame.branchStart, i));
      frame.branchStart = i + 1;
      i += 1;
      previousHeavy = false;
      continue;
    } else if (ch === '^' || ch === '$') {
      i += 1;
      continue;
    } else {
      i += ch.codePointAt(0)! > 0xffff ? 2 : 1;
      result = afterAtom(ch === '.', null);
    }
    if (result) return result;
  }
  return null;
}

/** True when all branches are plain literals and none is a prefix of another. */
function literalBranchesSafe(branches: string[]): boolean {
  if (branches.some((b) => b === '' || /[\\.[\](){}*+?|^$]/.test(b))) return false;
  for (let a = 0; a < branches.length; a++) {
    for (let b = 0; b < branches.length; b++) {
      if (a !== b && branches[b].startsWith(branches[a])) return false;
    }
  }
  return true;
}
