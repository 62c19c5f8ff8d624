/**
 * The stories bench's texts: news-like Chinese (words of 1–3 characters from a 30,000-word vocabulary
 * drawn with a Zipf-like skew, sentences closed by `，。`), 300–1,500 characters each, with about 4 % of
 * them reprints of a recent earlier text: whole with a few characters changed, its tail only, its head
 * only, or with a paragraph of its own added. Deterministic for a given seed.
 */

const VOCABULARY = 30_000;

function cjk(rand: () => number): string {
  return String.fromCharCode(0x4e00 + Math.floor(rand() * 0x5000));
}

function vocabulary(rand: () => number): string[] {
  const words: string[] = [];
  for (let i = 0; i < VOCABULARY; i++) {
    const len = 1 + Math.floor(rand() * 3);
    let w = '';
    for (let j = 0; j < len; j++) w += cjk(rand);
    words.push(w);
  }
  return words;
}

function freshText(words: readonly string[], rand: () => number): string {
  const target = 300 + Math.floor(rand() * 1200);
  let out = '';
  let clause = 0;
  while (out.length < target) {
    // rand()² skews towards the first words: a few are common, most are rare.
    out += words[Math.floor(rand() * rand() * words.length)]!;
    clause++;
    if (clause > 6 && rand() < 0.15) {
      out += rand() < 0.5 ? '，' : '。';
      clause = 0;
    }
  }
  return `${out}。`;
}

function edit(text: string, changes: number, rand: () => number): string {
  const chars = [...text];
  for (let i = 0; i < changes; i++) chars[Math.floor(rand() * chars.length)] = cjk(rand);
  return chars.join('');
}

export function storyCorpus(n: number, rand: () => number): string[] {
  const words = vocabulary(rand);
  const texts: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 10 && rand() < 0.04) {
      const source = texts[i - 1 - Math.floor(rand() * Math.min(i - 1, 500))]!;
      const kind = rand();
      if (kind < 0.4) texts.push(edit(source, 1 + Math.floor(rand() * 8), rand));
      else if (kind < 0.7) texts.push(source.slice(Math.floor(source.length * (0.2 + rand() * 0.5))));
      else if (kind < 0.85) texts.push(source.slice(0, Math.ceil(source.length * (0.4 + rand() * 0.5))));
      else texts.push(`${freshText(words, rand).slice(0, 120)}\n${edit(source, 3, rand)}`);
    } else {
      texts.push(freshText(words, rand));
    }
  }
  return texts;
}
