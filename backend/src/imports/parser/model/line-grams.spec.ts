import { gramOf, wordIndex } from '../similarity';
import { GramIds, lineGrams } from './line-grams';

/** The ids of line k, as a plain array. */
const idsOf = (g: ReturnType<typeof lineGrams>, k: number): number[] =>
  Array.from(g.ids.subarray(g.start[k], g.start[k + 1]));

describe('each line’s bigrams as page-wide ids', () => {
  it('gives each distinct pair one id, shared by every line that holds it', () => {
    const g = lineGrams(['秋收秋种', null, '秋收进度', '']);
    // 秋收 收秋 秋种 | (none) | 秋收 收进 进度 | (none)
    expect(idsOf(g, 0)).toEqual([0, 1, 2]);
    expect(idsOf(g, 1)).toEqual([]);
    expect(idsOf(g, 2)).toEqual([0, 3, 4]);
    expect(idsOf(g, 3)).toEqual([]);
    expect(g.count).toBe(5);
  });

  it('lists a pair once per line however often the line repeats it', () => {
    const g = lineGrams(['秋收秋收秋收']);
    expect(idsOf(g, 0)).toEqual([0, 1]);
  });

  it('skips spaces inside a pair and breaks it at punctuation and line ends', () => {
    const spaced = lineGrams(['而进 聚力\u3000前\t行']);
    expect(idsOf(spaced, 0)).toHaveLength(5);
    const broken = lineGrams(['而进，聚力', '而进\n聚力', '而进\u00a0聚力']);
    expect(idsOf(broken, 0)).toEqual([0, 1]);
    expect(idsOf(broken, 1)).toEqual([0, 1]);
    expect(idsOf(broken, 2)).toEqual([0, 1]);
    expect(broken.count).toBe(2);
  });

  it('keeps thousands of distinct pairs apart (no two pairs share an id)', () => {
    const chars = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000)));
    const text = chars.join('');
    const g = lineGrams([text]);
    const seen = new Map<number, number>();
    for (let i = 1; i < text.length; i++) {
      const key = gramOf(wordIndex(text.charCodeAt(i - 1)), wordIndex(text.charCodeAt(i)));
      if (!seen.has(key)) seen.set(key, seen.size);
    }
    expect(g.count).toBe(seen.size);
    expect(idsOf(g, 0)).toEqual([...seen.values()]);
  });

  it('caps the table it starts with, then grows it with the distinct pairs, keeping it at most half full', () => {
    const repeated = '秋收秋种'.repeat(50_000);
    const few = new GramIds(repeated.length);
    few.addLine(repeated, 0);
    expect(few.count).toBe(4); // 秋收 收秋 秋种 种秋
    expect(few.tableSize).toBe(1 << 16);
    // a short text: twice its characters, never filled
    const chars = Array.from({ length: 5000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000)));
    const short = new GramIds(chars.length);
    short.addLine(chars.join(''), 0);
    expect(short.tableSize).toBe(16384);
    // a long text of ever new pairs: the capped table doubles as they fill it, every pair still told apart
    const long = Array.from({ length: 70_000 }, (_, i) =>
      String.fromCharCode(0x4e00 + ((i * 7919 + ((i * i) % 9973)) % 20000)),
    ).join('');
    const grown = new GramIds(long.length);
    grown.addLine(long, 0);
    const seen = new Set<number>();
    for (let i = 1; i < long.length; i++)
      seen.add(gramOf(wordIndex(long.charCodeAt(i - 1)), wordIndex(long.charCodeAt(i))));
    expect(grown.count).toBe(seen.size);
    expect(grown.count).toBeGreaterThan(1 << 15);
    expect(grown.tableSize).toBeGreaterThan(2 * grown.count);
    expect(grown.tableSize).toBeLessThanOrEqual(4 * grown.count);
  });

  it('numbers the pairs of many lines in the order they are first seen', () => {
    const lines = Array.from({ length: 40 }, (_, k) =>
      Array.from({ length: 60 }, (_, i) => String.fromCharCode(0x4e00 + ((k * 61 + i * 7) % 3000))).join(''),
    );
    const g = lineGrams(lines);
    const seen = new Map<number, number>();
    for (const text of lines)
      for (let i = 1; i < text.length; i++) {
        const key = gramOf(wordIndex(text.charCodeAt(i - 1)), wordIndex(text.charCodeAt(i)));
        if (!seen.has(key)) seen.set(key, seen.size);
      }
    expect(g.count).toBe(seen.size);
    expect(g.count).toBeGreaterThan(512);
    const line7 = lines[7] ?? '';
    const expected: number[] = [];
    for (let i = 1; i < line7.length; i++) {
      const id = seen.get(gramOf(wordIndex(line7.charCodeAt(i - 1)), wordIndex(line7.charCodeAt(i)))) ?? -1;
      if (!expected.includes(id)) expected.push(id);
    }
    expect(idsOf(g, 7)).toEqual(expected);
  });
});
