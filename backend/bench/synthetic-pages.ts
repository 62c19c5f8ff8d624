/**
 * Builds a synthetic corpus of page texts from the sample pages: each page is a seeded reshuffle of
 * the samples' paragraphs (split on blank lines), so that pages differ but keep real line shapes,
 * real bylines, datelines and jump markers. Pure and deterministic.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Blocks of consecutive non-blank lines of the given pages. */
export function blocksOf(pages: readonly string[]): string[] {
  return pages.flatMap((p) => p.split(/\n\s*\n/).filter((b) => b.trim().length > 0));
}

/** One synthetic page of about `targetBytes` UTF-8 bytes. */
export function syntheticPage(blocks: readonly string[], targetBytes: number, rand: () => number): string {
  const out: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes && blocks.length > 0) {
    const b = blocks[Math.floor(rand() * blocks.length)] ?? '';
    out.push(b);
    bytes += Buffer.byteLength(b, 'utf8') + 2;
  }
  return out.join('\n\n');
}

/** `count` pages of about the samples' own size (~20 KB). */
export function syntheticCorpus(samples: readonly string[], count: number, seed = 42): string[] {
  const blocks = blocksOf(samples);
  const rand = mulberry32(seed);
  const avg = samples.reduce((n, s) => n + Buffer.byteLength(s, 'utf8'), 0) / Math.max(1, samples.length);
  return Array.from({ length: count }, () => syntheticPage(blocks, avg * (0.6 + rand() * 0.8), rand));
}
