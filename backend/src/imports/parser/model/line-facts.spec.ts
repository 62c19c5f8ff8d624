import type { Atom } from '../atoms';
import { endsSentence, hasHeadingShape, visibleLength } from '../text-rules';
import { para } from '../tokenise';
import { LineFacts, WIDTH_WINDOW } from './line-facts';

const skipAtom = (line: number): Atom => ({ t: 'skip', line, text: '第2版', banner: null });

/** The column width of the line model, computed directly: the 70th percentile of the lengths around k. */
function widthAt(atoms: readonly Atom[], k: number): number {
  const lens: number[] = [];
  for (let j = Math.max(0, k - WIDTH_WINDOW); j <= Math.min(atoms.length - 1, k + WIDTH_WINDOW); j++) {
    const a = atoms[j];
    const l = a?.t === 'para' ? visibleLength(a.text) : 0;
    if (l > 0) lens.push(l);
  }
  lens.sort((x, y) => x - y);
  return lens.length === 0
    ? 20
    : Math.max(6, lens[Math.min(lens.length - 1, Math.floor(lens.length * 0.7))] ?? 20);
}

describe('facts about each line, computed once per parse', () => {
  const texts = [
    '全国秋收秋种稳步推进',
    '目前，全国秋收秋种正稳步推进。',
    '截至10月20日，全国秋粮已收获',
    '进度同比快。”',
  ];
  const atoms: Atom[] = [...texts.map((t, i) => para(t, i, false)), skipAtom(4)];

  it('answers as the text rules do', () => {
    const facts = new LineFacts(atoms);
    for (let k = 0; k < texts.length; k++) {
      const t = texts[k] ?? '';
      // twice: the second answer comes from the cache
      for (let n = 0; n < 2; n++) {
        expect(facts.length(k)).toBe(visibleLength(t));
        expect(facts.endsSentence(k)).toBe(endsSentence(t));
        expect(facts.headingShape(k)).toBe(hasHeadingShape(t));
      }
    }
    expect([facts.length(4), facts.endsSentence(4), facts.headingShape(4)]).toEqual([0, false, false]);
  });

  it('slides the column width window to the same percentile as sorting each window', () => {
    // seeded lengths, with blank and non-text atoms between
    let seed = 7;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const long: Atom[] = Array.from({ length: 300 }, (_, i) =>
      rand() < 0.15 ? skipAtom(i) : para('字'.repeat(1 + Math.floor(rand() * 30)), i, false),
    );
    for (const list of [long, long.slice(0, 5), long.slice(0, 1), [skipAtom(0)], []]) {
      const widths = new LineFacts(list).widths();
      expect(Array.from(widths)).toEqual(list.map((_, k) => widthAt(list, k)));
    }
  });

  it('belongs to one atom list: another page gets its own facts', () => {
    const a = new LineFacts([para('短', 0, false)]);
    const b = new LineFacts([para('长一些的一行文字', 0, false)]);
    expect([a.length(0), b.length(0)]).toEqual([1, 8]);
    expect(a.widths()).not.toBe(b.widths());
  });
});
