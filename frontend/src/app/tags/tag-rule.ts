import type { ApiError, TagRule, TagRuleMode } from '@jianbao/contracts';

export const RULE_MODES: readonly TagRuleMode[] = ['any', 'all', 'phrase', 'regex', 'fuzzy'];

/** What the rule editor holds: terms as typed (one per line), the regex pattern, the flags. */
export interface RuleDraft {
  mode: TagRuleMode;
  termsText: string;
  pattern: string;
  caseSensitive: boolean;
}

export const EMPTY_RULE_DRAFT: Readonly<RuleDraft> = {
  mode: 'any',
  termsText: '',
  pattern: '',
  caseSensitive: false,
};

/** One term per line; commas and 、 also separate (pasted lists). Blank and repeated terms dropped. */
export function parseTerms(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[\n,，、;；]/)) {
    const term = raw.trim();
    if (term && !out.includes(term)) out.push(term);
  }
  return out;
}

/**
 * Draft → the rule to send, or null when there is nothing to match yet (no terms; for `regex`, no
 * pattern). A regex rule carries its pattern and no terms; other modes carry terms and no pattern.
 */
export function draftToRule(draft: RuleDraft): TagRule | null {
  if (draft.mode === 'regex') {
    const pattern = draft.pattern.trim();
    return pattern ? { mode: 'regex', terms: [], pattern, caseSensitive: draft.caseSensitive } : null;
  }
  const terms = parseTerms(draft.termsText);
  return terms.length ? { mode: draft.mode, terms, caseSensitive: draft.caseSensitive } : null;
}

/** A saved rule (or none) → the editor's draft. */
export function ruleToDraft(rule: TagRule | null | undefined): RuleDraft {
  if (!rule) return { ...EMPTY_RULE_DRAFT };
  return {
    mode: rule.mode,
    termsText: rule.terms.join('\n'),
    pattern: rule.pattern ?? '',
    caseSensitive: rule.caseSensitive ?? false,
  };
}

/** Same rule for saving purposes (term order matters to nobody, but keep it simple and literal). */
export function sameRule(a: TagRule | null | undefined, b: TagRule | null | undefined): boolean {
  const norm = (r: TagRule | null | undefined) =>
    r
      ? JSON.stringify([r.mode, r.terms, r.mode === 'regex' ? (r.pattern ?? '') : '', !!r.caseSensitive])
      : 'null';
  return norm(a) === norm(b);
}

/** Server validation messages of a rule, split by where the editor shows them. */
export interface RuleErrors {
  pattern: string[];
  terms: string[];
  other: string[];
}

/**
 * A 400's `details: [{ field: 'rule.pattern', errors }]` → messages for the pattern field, the terms
 * field and the rest (`rule`, `rule.mode`, …). Non-rule fields go to `other` with their field name.
 */
export function ruleErrorsOf(error: ApiError): RuleErrors {
  const out: RuleErrors = { pattern: [], terms: [], other: [] };
  const details: unknown[] = Array.isArray(error.details) ? (error.details as unknown[]) : [];
  for (const entry of details) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { field, errors } = entry as { field?: unknown; errors?: unknown };
    if (typeof field !== 'string' || !Array.isArray(errors)) continue;
    const messages = errors.filter((m): m is string => typeof m === 'string');
    const path = field.replace(/^rule\.?/, '');
    if (path.startsWith('pattern')) out.pattern.push(...messages);
    else if (path.startsWith('terms')) out.terms.push(...messages);
    else if (field.startsWith('rule')) out.other.push(...messages);
    else out.other.push(...messages.map((m) => `${field}: ${m}`));
  }
  if (error.statusCode === 400 && !out.pattern.length && !out.terms.length && !out.other.length) {
    out.other.push(error.message);
  }
  return out;
}
