import { Locale } from 'opencc-js';

/**
 * Traditional → simplified, one character for one character, from OpenCC's `TSCharacters` table as
 * opencc-js ships it. Character by character (not OpenCC's phrase conversion) so that the folded text
 * keeps one position per character: index terms, queries and highlights stay aligned. Ambiguous
 * characters fold to OpenCC's first choice on both sides (乾 → 干 in text and query alike), so a match
 * is never lost, at the price of rare extra matches (乾隆 also finds 干隆).
 */
let table: Map<number, number> | null = null;
/** The same for the BMP as an array (0: unchanged): the hot path of indexing. */
let bmp: Uint16Array | null = null;

function load(): Map<number, number> {
  const map = new Map<number, number>();
  for (const group of Locale.to['cn'] ?? []) {
    for (const dict of group) {
      const entries = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')) : dict;
      for (const [from, to] of entries) {
        if (from === undefined || to === undefined) continue;
        const source = [...from];
        const target = [...to];
        const [s] = source;
        const [t] = target;
        if (source.length !== 1 || target.length !== 1 || s === undefined || t === undefined) continue;
        const sc = s.codePointAt(0) ?? 0;
        const tc = t.codePointAt(0) ?? 0;
        if (sc !== tc) map.set(sc, tc);
      }
    }
  }
  // Follow chains (a → b → c) so that folding twice gives what folding once gives.
  for (const [from, to] of map) {
    let end = to;
    for (let hops = 0; map.has(end) && hops < 8; hops += 1) end = map.get(end) ?? end;
    map.set(from, end);
  }
  return map;
}

/** The simplified form of one code point (itself when it has none). */
export function simplifiedCodePoint(cp: number): number {
  if (!bmp) {
    table = load();
    bmp = new Uint16Array(0x10000);
    for (const [from, to] of table) if (from < 0x10000 && to < 0x10000) bmp[from] = to;
  }
  if (cp < 0x10000) {
    const to = bmp[cp] ?? 0;
    if (to !== 0 || table === null) return to === 0 ? cp : to;
  }
  return table?.get(cp) ?? cp;
}
