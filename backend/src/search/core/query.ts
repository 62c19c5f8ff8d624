import { normalizeForSearch } from './normalize';

/**
 * The search box's grammar, for editors rather than engines:
 *
 * - words separated by spaces must all match (`梁山 鱼台`);
 * - `"…"` (also `“…”`, `「…」`, `『…』`, full-width `＂`) is one phrase, spaces inside ignored like
 *   the text's own line breaks; an unclosed quote runs to the end;
 * - `-word` or `-"phrase"` excludes; a lone `-` is the character itself;
 * - `OR` (capitals, also `|`) between two words makes either do (`梁山 鱼台 OR 金乡` = 梁山 and one of
 *   鱼台, 金乡); anywhere else (first, last, next to an exclusion) it is ignored, as while typing
 *   `梁山 OR`; the word itself is found quoted (`"OR"`);
 * - everything else, punctuation, `*`, `(`, `NEAR(`, backslashes, is text to find.
 *
 * Parsing never fails: the worst input is a query that matches nothing. A term whose normalised text is
 * empty (only spaces or invisible characters) is dropped; a query left without terms matches every
 * clipping, as an empty search box does.
 */

/** One term or phrase, normalised (see normalize.ts). */
export interface SearchAtom {
  text: string;
  /** The words as typed (for messages and debugging). */
  source: string;
}

/** Every group must match (one of its atoms, in any field); no exclusion may. */
export interface SearchQuery {
  groups: SearchAtom[][];
  exclusions: SearchAtom[];
}

/** Longest input read (the list's `q` is at most 200 characters); the rest is ignored. */
export const MAX_QUERY_LENGTH = 1000;

const OPEN_QUOTES = new Set(['"', '＂', '“', '”', '„', '「', '『']);
const QUOTES = new Set([...OPEN_QUOTES, '」', '』']);
const MINUS = new Set(['-', '－', '−']);
const OR_WORDS = new Set(['OR', 'ＯＲ', '|', '｜']);
const SPACE = /^\s$/u;

type Item = { kind: 'or'; source: string } | { kind: 'atom'; negated: boolean; source: string };

function lex(input: string): Item[] {
  const chars = [...input.slice(0, MAX_QUERY_LENGTH)];
  const items: Item[] = [];
  let i = 0;
  const at = (k: number): string => chars[k] ?? '';
  while (i < chars.length) {
    if (SPACE.test(at(i))) {
      i += 1;
      continue;
    }
    let negated = false;
    if (MINUS.has(at(i)) && i + 1 < chars.length && !SPACE.test(at(i + 1))) {
      negated = true;
      i += 1;
    }
    if (OPEN_QUOTES.has(at(i))) {
      i += 1;
      const start = i;
      while (i < chars.length && !QUOTES.has(at(i))) i += 1;
      items.push({ kind: 'atom', negated, source: chars.slice(start, i).join('') });
      i += 1; // the closing quote (or past the end)
      continue;
    }
    const start = i;
    while (i < chars.length && !SPACE.test(at(i)) && !QUOTES.has(at(i))) i += 1;
    const word = chars.slice(start, i).join('');
    items.push(
      !negated && OR_WORDS.has(word) ? { kind: 'or', source: word } : { kind: 'atom', negated, source: word },
    );
  }
  return items;
}

/** Parses what an editor typed. Never throws. */
export function parseSearchQuery(input: string): SearchQuery {
  const items = lex(typeof input === 'string' ? input : '');
  const groups: SearchAtom[][] = [];
  const exclusions: SearchAtom[] = [];
  let joinNext = false;
  items.forEach((item, k) => {
    const previous = items[k - 1];
    const next = items[k + 1];
    const positive = (it: Item | undefined): boolean => it?.kind === 'atom' && !it.negated;
    if (item.kind === 'or') {
      joinNext = positive(previous) && positive(next) && !joinNext;
      return;
    }
    const negated = item.negated;
    const atom: SearchAtom = { text: normalizeForSearch(item.source), source: item.source };
    if (negated) exclusions.push(atom);
    else if (joinNext) groups[groups.length - 1]?.push(atom);
    else groups.push([atom]);
    joinNext = false;
  });
  return {
    groups: groups.map((g) => g.filter((a) => a.text !== '')).filter((g) => g.length > 0),
    exclusions: exclusions.filter((a) => a.text !== ''),
  };
}

/** Every positive atom (what highlighting marks and what ranks a clipping). */
export function positiveAtoms(query: SearchQuery): SearchAtom[] {
  return query.groups.flat();
}

/** Whether the query puts no condition on the text (an empty box, or only spaces). */
export function isEmptyQuery(query: SearchQuery): boolean {
  return query.groups.length === 0 && query.exclusions.length === 0;
}
