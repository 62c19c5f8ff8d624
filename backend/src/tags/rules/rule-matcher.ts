/**
 * Auto-tagging rules: compile a rule once, apply it to many clipping texts.
 *
 * Pure and synchronous; no framework. Chinese text has no word boundaries, so `\b` is never used:
 * CJK terms match anywhere (`梁山县` in `济宁市梁山县人民政府`). Latin/digit terms must not be glued
 * to other Latin letters or digits (`AI` does not match in `PAIR` or `AI2`, does match in `AI赋能` and
 * `用AI写稿`); the check applies only at a term edge that is itself a Latin letter or digit.
 *
 * Modes (`terms` are trimmed; empty terms are ignored):
 * - `any`    — at least one term occurs. hits: the terms found.
 * - `all`    — every term occurs, anywhere, in any order. hits: the terms found (also when not matched).
 * - `phrase` — the terms occur in the given order, adjacent, with at most whitespace between them
 *              (`['高铁','开通']` matches `高铁开通` and `高铁 开通`). hits: the phrase as found.
 * - `regex`  — `pattern` (JavaScript syntax, `u` flag, `i` unless caseSensitive) must match; unsafe
 *              patterns are rejected by validation (see regex-safety.ts) and only the first
 *              `MAX_REGEX_TEXT_LENGTH` characters are searched. hits: up to 20 distinct matched strings.
 * - `fuzzy`  — like `any`, but tolerant. Text and terms are folded (full-width ASCII → half-width,
 *              ideographic space → space, lower case) and all whitespace (incl. line breaks) and
 *              punctuation (Unicode category P) are removed before matching, so `梁 山\n县`, `梁山·县` and
 *              `ＡＩ` match `梁山县` / `AI`. Terms of ≥ 4 characters after folding additionally match with
 *              one edit (Levenshtein distance ≤ 1: one character substituted, inserted or deleted).
 *              `乡村振兴` matches `乡村振興` (1 substitution), `乡村的振兴` (1 insertion) and `乡村振`
 *              (1 deletion), not `乡村全面振兴` (2 insertions). Shorter terms must match exactly after folding.
 *              hits: the original text fragments that matched.
 * `caseSensitive` (default false) affects Latin letters only; fuzzy is always case-insensitive.
 */
import { MAX_PATTERN_LENGTH, MAX_REGEX_TEXT_LENGTH, unsafeRegexReason } from './regex-safety';
import { toHalfWidth } from '@jianbao/contracts';

export type RuleMode = 'any' | 'all' | 'phrase' | 'regex' | 'fuzzy';

export const RULE_MODES: readonly RuleMode[] = ['any', 'all', 'phrase', 'regex', 'fuzzy'];

export interface TagRule {
  mode: RuleMode;
  terms: string[];
  pattern?: string;
  caseSensitive?: boolean;
}

export interface RuleMatch {
  matched: boolean;
  hits: string[];
}

export type RuleMatcherFn = (text: string) => RuleMatch;

/** One validation problem, for the API to turn into a 400 response. */
export interface RuleFieldError {
  /** `mode`, `terms`, `terms[2]`, `pattern`, `caseSensitive`, or `` for the rule itself. */
  field: string;
  code:
    | 'required'
    | 'invalid_type'
    | 'invalid_value'
    | 'too_long'
    | 'too_many'
    | 'invalid_regex'
    | 'unsafe_regex';
  message: string;
}

export type CompileResult = { ok: true; match: RuleMatcherFn } | { ok: false; errors: RuleFieldError[] };

/** The fields a stored rule may have; anything else is refused rather than kept. */
const RULE_FIELDS: readonly string[] = ['mode', 'terms', 'pattern', 'caseSensitive'];

export const MAX_TERMS = 200;
export const MAX_TERM_LENGTH = 100;
const MAX_REGEX_HITS = 20;
const FUZZY_EDIT_MIN_LENGTH = 4;

const LATIN_WORD_CHAR = /[A-Za-z0-9]/;

/** Field errors of a rule coming from the API (any JSON value); empty when valid. */
export function validateRule(input: unknown): RuleFieldError[] {
  const errors: RuleFieldError[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [{ field: '', code: 'invalid_type', message: 'rule must be an object' }];
  }
  const rule = input as Record<string, unknown>;
  for (const key of Object.keys(rule)) {
    if (!RULE_FIELDS.includes(key)) {
      errors.push({ field: key, code: 'invalid_value', message: `${key} is not a rule field` });
    }
  }
  const mode = rule['mode'];
  if (mode === undefined) errors.push({ field: 'mode', code: 'required', message: 'mode is required' });
  else if (typeof mode !== 'string' || !RULE_MODES.includes(mode as RuleMode)) {
    errors.push({
      field: 'mode',
      code: 'invalid_value',
      message: `mode must be one of ${RULE_MODES.join(', ')}`,
    });
  }
  const terms = rule['terms'];
  let usable = 0;
  if (terms !== undefined && !Array.isArray(terms)) {
    errors.push({ field: 'terms', code: 'invalid_type', message: 'terms must be an array of strings' });
  } else if (Array.isArray(terms)) {
    if (terms.length > MAX_TERMS)
      errors.push({ field: 'terms', code: 'too_many', message: `at most ${MAX_TERMS} terms` });
    terms.forEach((t, i) => {
      if (typeof t !== 'string') {
        errors.push({ field: `terms[${i}]`, code: 'invalid_type', message: 'term must be a string' });
      } else if (t.length > MAX_TERM_LENGTH) {
        errors.push({
          field: `terms[${i}]`,
          code: 'too_long',
          message: `term longer than ${MAX_TERM_LENGTH} characters`,
        });
      } else if (t.trim() !== '') {
        if (mode === 'fuzzy' && foldForFuzzy(t).text === '') {
          errors.push({
            field: `terms[${i}]`,
            code: 'invalid_value',
            message: 'term has no letters or characters left after removing punctuation',
          });
        } else usable += 1;
      }
    });
  }
  if (
    mode !== 'regex' &&
    RULE_MODES.includes(mode as RuleMode) &&
    usable === 0 &&
    !errors.some((e) => e.field.startsWith('terms'))
  ) {
    errors.push({ field: 'terms', code: 'required', message: 'at least one non-empty term is required' });
  }
  const caseSensitive = rule['caseSensitive'];
  if (caseSensitive !== undefined && typeof caseSensitive !== 'boolean') {
    errors.push({ field: 'caseSensitive', code: 'invalid_type', message: 'caseSensitive must be a boolean' });
  }
  const pattern = rule['pattern'];
  if (mode === 'regex') {
    if (pattern === undefined || pattern === null || pattern === '') {
      errors.push({ field: 'pattern', code: 'required', message: 'pattern is required for mode regex' });
    } else if (typeof pattern !== 'string') {
      errors.push({ field: 'pattern', code: 'invalid_type', message: 'pattern must be a string' });
    } else if (pattern.length > MAX_PATTERN_LENGTH) {
      errors.push({
        field: 'pattern',
        code: 'too_long',
        message: `pattern longer than ${MAX_PATTERN_LENGTH} characters`,
      });
    } else {
      let compiled = true;
      try {
        new RegExp(pattern, 'u');
      } catch (e) {
        compiled = false;
        errors.push({
          field: 'pattern',
          code: 'invalid_regex',
          message: `invalid regular expression: ${(e as Error).message}`,
        });
      }
      if (compiled) {
        const reason = unsafeRegexReason(pattern);
        if (reason)
          errors.push({ field: 'pattern', code: 'unsafe_regex', message: `pattern rejected: ${reason}` });
        else if (new RegExp(pattern, 'u').test('')) {
          errors.push({
            field: 'pattern',
            code: 'invalid_value',
            message: 'pattern matches the empty string, so it would tag everything',
          });
        }
      }
    }
  } else if (pattern !== undefined && pattern !== null && typeof pattern !== 'string') {
    errors.push({ field: 'pattern', code: 'invalid_type', message: 'pattern must be a string' });
  }
  return errors;
}

/** Validate and compile; never throws for bad input (errors come back as field errors). */
export function compileRule(input: TagRule | unknown): CompileResult {
  const errors = validateRule(input);
  if (errors.length > 0) return { ok: false, errors };
  const rule = input as TagRule;
  const caseSensitive = rule.caseSensitive === true;
  const terms = (rule.terms ?? []).map((t) => t.trim()).filter((t) => t !== '');
  switch (rule.mode) {
    case 'any':
      return { ok: true, match: literalMatcher(terms, caseSensitive, false) };
    case 'all':
      return { ok: true, match: literalMatcher(terms, caseSensitive, true) };
    case 'phrase':
      return { ok: true, match: phraseMatcher(terms, caseSensitive) };
    case 'regex':
      return { ok: true, match: regexMatcher(rule.pattern!, caseSensitive) };
    case 'fuzzy':
      return { ok: true, match: fuzzyMatcher(terms) };
  }
}

/** Compile or throw an Error listing the field errors (for trusted, already-validated rules). */
export function compileRuleOrThrow(rule: TagRule): RuleMatcherFn {
  const result = compileRule(rule);
  if (!result.ok)
    throw new Error(
      `invalid tag rule: ${result.errors.map((e) => `${e.field || 'rule'}: ${e.message}`).join('; ')}`,
    );
  return result.match;
}

// ---------------------------------------------------------------------------------------------
// literal modes

/** Full-width ASCII to ASCII and U+3000 to a space (the shared width rule). Cheap no-op for most text. */
function foldWidth(text: string): string {
  return /[\uff01-\uff5e\u3000]/.test(text) ? toHalfWidth(text) : text;
}

function hasCase(s: string): boolean {
  return s.toLowerCase() !== s.toUpperCase();
}

/** Whether `needle` occurs in `hay` at a position respecting the Latin word-boundary rule. */
function findTerm(hay: string, needle: string, from = 0): number {
  const checkStart = LATIN_WORD_CHAR.test(needle[0]);
  const checkEnd = LATIN_WORD_CHAR.test(needle[needle.length - 1]);
  let i = hay.indexOf(needle, from);
  while (i !== -1) {
    const okStart = !checkStart || i === 0 || !LATIN_WORD_CHAR.test(hay[i - 1]);
    const end = i + needle.length;
    const okEnd = !checkEnd || end === hay.length || !LATIN_WORD_CHAR.test(hay[end]);
    if (okStart && okEnd) return i;
    i = hay.indexOf(needle, i + 1);
  }
  return -1;
}

function prepareTerms(terms: string[], caseSensitive: boolean): { original: string; needle: string }[] {
  return terms.map((t) => {
    const folded = foldWidth(t);
    return { original: t, needle: caseSensitive ? folded : folded.toLowerCase() };
  });
}

function prepareText(text: string, caseSensitive: boolean, lower: boolean): string {
  const folded = foldWidth(text);
  return caseSensitive || !lower ? folded : folded.toLowerCase();
}

function literalMatcher(terms: string[], caseSensitive: boolean, all: boolean): RuleMatcherFn {
  const prepared = prepareTerms(terms, caseSensitive);
  const needLower = !caseSensitive && terms.some(hasCase);
  return (text: string) => {
    const hay = prepareText(text, caseSensitive, needLower);
    const hits: string[] = [];
    for (const t of prepared) {
      if (findTerm(hay, t.needle) !== -1 && !hits.includes(t.original)) hits.push(t.original);
    }
    const matched = all ? hits.length === new Set(prepared.map((t) => t.original)).size : hits.length > 0;
    return { matched, hits };
  };
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function phraseMatcher(terms: string[], caseSensitive: boolean): RuleMatcherFn {
  const prepared = prepareTerms(terms, caseSensitive);
  const needLower = !caseSensitive && terms.some(hasCase);
  // Escaped literals joined by optional whitespace: linear, no nested quantifiers.
  const source = prepared.map((t) => escapeRegex(t.needle)).join('\\s*');
  const re = new RegExp(source, 'gu');
  const first = prepared[0].needle;
  return (text: string) => {
    const hay = prepareText(text, caseSensitive, needLower);
    if (hay.indexOf(first) === -1) return { matched: false, hits: [] };
    re.lastIndex = 0;
    for (let m = re.exec(hay); m; m = re.exec(hay)) {
      const s = m.index;
      const e = s + m[0].length;
      const okStart = !LATIN_WORD_CHAR.test(m[0][0]) || s === 0 || !LATIN_WORD_CHAR.test(hay[s - 1]);
      const okEnd =
        !LATIN_WORD_CHAR.test(m[0][m[0].length - 1]) || e === hay.length || !LATIN_WORD_CHAR.test(hay[e]);
      if (okStart && okEnd) return { matched: true, hits: [foldWidth(text).slice(s, e)] };
      re.lastIndex = s + 1;
    }
    return { matched: false, hits: [] };
  };
}

function regexMatcher(pattern: string, caseSensitive: boolean): RuleMatcherFn {
  const re = new RegExp(pattern, caseSensitive ? 'gu' : 'giu');
  return (text: string) => {
    const hay = text.length > MAX_REGEX_TEXT_LENGTH ? text.slice(0, MAX_REGEX_TEXT_LENGTH) : text;
    re.lastIndex = 0;
    const hits: string[] = [];
    for (let m = re.exec(hay); m && hits.length < MAX_REGEX_HITS; m = re.exec(hay)) {
      if (m[0] === '') {
        re.lastIndex += 1;
        continue;
      }
      if (!hits.includes(m[0])) hits.push(m[0]);
    }
    return { matched: hits.length > 0, hits };
  };
}

// ---------------------------------------------------------------------------------------------
// fuzzy mode

const SKIP_FOR_FUZZY = /[\s\p{P}]/u;

/** Per UTF-16 code unit: 0 not yet classified, 1 kept, 2 skipped (whitespace or punctuation). */
const FUZZY_CLASS = new Uint8Array(0x10000);

function fuzzyClass(code: number): number {
  let c = FUZZY_CLASS[code];
  if (c === 0) {
    const ch = String.fromCharCode(code);
    c = (code < 0x80 ? /[\s!-/:-@[-`{-~]/.test(ch) : SKIP_FOR_FUZZY.test(ch)) ? 2 : 1;
    FUZZY_CLASS[code] = c;
  }
  return c;
}

/** Folded text for fuzzy matching plus, per folded character, its offset in the original. */
export function foldForFuzzy(text: string): { text: string; offsets: number[] } {
  // Hot path of rule application over whole archives: a table lookup per character, no regex.
  const codes: number[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x4e00 || code > 0x9fff) {
      if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
      else if (code === 0x3000) code = 0x20;
      if (fuzzyClass(code) === 2) continue;
      if (code >= 0x41 && code <= 0x5a) code += 0x20;
      else if (code >= 0x80) code = String.fromCharCode(code).toLowerCase().charCodeAt(0);
    }
    codes.push(code);
    offsets.push(i);
  }
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return { text: out, offsets };
}

/** Levenshtein distance between a and b is at most 1. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1);
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

interface FuzzyTerm {
  original: string;
  folded: string;
}

/** Latin letter or digit at `i` of the ORIGINAL text (full-width forms count too). */
function isLatinWordCharAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const code = text.charCodeAt(i);
  return LATIN_WORD_CHAR.test(
    code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : text[i],
  );
}

/**
 * Start/end (folded offsets) of the first acceptable occurrence of the term in the folded text, or
 * null. The Latin word-boundary rule is checked on the original text, where whitespace still separates
 * words (`AI model` must match `AI` although the folded text reads `aimodel`).
 */
function fuzzyFind(
  folded: { text: string; offsets: number[] },
  original: string,
  term: FuzzyTerm,
): [number, number] | null {
  const hay = folded.text;
  const p = term.folded;
  const checkStart = LATIN_WORD_CHAR.test(p[0]);
  const checkEnd = LATIN_WORD_CHAR.test(p[p.length - 1]);
  const boundaryOk = (s: number, e: number): boolean =>
    (!checkStart || !LATIN_WORD_CHAR.test(hay[s]) || !isLatinWordCharAt(original, folded.offsets[s] - 1)) &&
    (!checkEnd ||
      !LATIN_WORD_CHAR.test(hay[e - 1]) ||
      !isLatinWordCharAt(original, folded.offsets[e - 1] + 1));
  for (let i = hay.indexOf(p); i !== -1; i = hay.indexOf(p, i + 1)) {
    if (boundaryOk(i, i + p.length)) return [i, i + p.length];
  }
  if ([...p].length < FUZZY_EDIT_MIN_LENGTH) return null;
  // Pigeonhole: with ≤ 1 edit, the left or the right half of the term occurs intact.
  const m = p.length;
  const h = Math.floor(m / 2);
  const left = p.slice(0, h);
  const right = p.slice(h);
  const lengths = [m, m - 1, m + 1];
  for (let i = hay.indexOf(left); i !== -1; i = hay.indexOf(left, i + 1)) {
    for (const len of lengths) {
      if (i + len > hay.length) continue;
      if (withinOneEdit(hay.slice(i, i + len), p) && boundaryOk(i, i + len)) return [i, i + len];
    }
  }
  for (let j = hay.indexOf(right); j !== -1; j = hay.indexOf(right, j + 1)) {
    const end = j + right.length;
    for (const len of lengths) {
      const start = end - len;
      if (start < 0) continue;
      if (withinOneEdit(hay.slice(start, end), p) && boundaryOk(start, end)) return [start, end];
    }
  }
  return null;
}

function fuzzyMatcher(terms: string[]): RuleMatcherFn {
  const prepared: FuzzyTerm[] = terms
    .map((t) => ({ original: t, folded: foldForFuzzy(t).text }))
    .filter((t) => t.folded !== '');
  return (text: string) => {
    const folded = foldForFuzzy(text);
    const hits: string[] = [];
    for (const t of prepared) {
      const r = fuzzyFind(folded, text, t);
      if (!r) continue;
      const fragment = text.slice(folded.offsets[r[0]], folded.offsets[r[1] - 1] + 1);
      if (!hits.includes(fragment)) hits.push(fragment);
    }
    return { matched: hits.length > 0, hits };
  };
}
