import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { PreviewClipping } from '@jianbao/contracts';
import { parsePage } from './parser/page-parser';
import { pageLines, rawTextOf } from './page-text';
import { countingLines, foldForMatch, type HeldText, unassignedLines } from './unassigned-lines';

const FIXTURES = join(__dirname, '../../../tests/fixtures');

function pagesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => join(dir, f));
}

/** A clipping as the automatic preview files it: its fields and the raw text of its lines. */
function filed(c: PreviewClipping, lines: readonly string[], withRaw: boolean): HeldText {
  return {
    ...c,
    rawText: withRaw
      ? rawTextOf(
          c.lines.map((l) => l.line),
          lines,
        )
      : null,
  };
}

describe('unassignedLines', () => {
  const pages = [...pagesIn(join(FIXTURES, 'pages')), ...pagesIn(join(FIXTURES, 'pages-dev'))];

  it('finds the fixture pages', () => expect(pages.length).toBeGreaterThanOrEqual(40));

  it.each(pages.map((p) => [p.slice(FIXTURES.length + 1), p]))(
    '%s filed as previewed: the bin is what the parser left unassigned, by fields alone or with raw text',
    (_name, path) => {
      const text = readFileSync(path, 'utf8');
      const preview = parsePage(text);
      const lines = pageLines(text);
      const want = preview.unassignedLines.map((u) => u.line);
      for (const withRaw of [false, true]) {
        const bin = unassignedLines(
          text,
          preview.clippings.map((c) => filed(c, lines, withRaw)),
        );
        expect(bin.map((u) => u.line)).toEqual(want);
      }
    },
  );

  it('the 济宁 sample: one line, a slogan (not furniture), so the page waits in the queue', () => {
    const text = readFileSync(join(FIXTURES, 'pages/000_7bc5541b3fe100b2.txt'), 'utf8');
    const preview = parsePage(text);
    const bin = unassignedLines(text, preview.clippings);
    expect(bin).toEqual([{ line: 363, text: '深化移移风易俗 倡树文明新新风', furniture: false }]);
    expect(countingLines(bin)).toBe(1);
  });

  it('a dropped clipping: all its non-blank lines come back, in page order', () => {
    const text = readFileSync(join(FIXTURES, 'pages/004_425bbb1547604c11.txt'), 'utf8');
    const preview = parsePage(text);
    const lines = pageLines(text);
    const dropped = preview.clippings[1]!;
    const kept = preview.clippings.filter((c) => c !== dropped).map((c) => filed(c, lines, true));
    const want = [...new Set(dropped.lines.map((l) => l.line))]
      .sort((a, b) => a - b)
      .filter((n) => (lines[n] ?? '').trim().length > 0);
    expect(unassignedLines(text, kept).map((u) => u.line)).toEqual(want);
  });

  it('a line the parser cut across byline, dateline and body is held', () => {
    const text = '小麦播种进度过半\n■本报记者 张三  本报讯  近日，记者走进\n东山镇。\n';
    const c: HeldText = {
      title: '小麦播种进度过半',
      byline: '本报记者 张三',
      dateline: '本报讯',
      body: '近日，记者走进东山镇。',
    };
    expect(unassignedLines(text, [c])).toEqual([]);
    // …but not when the middle field is missing
    expect(unassignedLines(text, [{ ...c, dateline: null }]).map((u) => u.line)).toEqual([1]);
  });

  it('a body end and its jump marker on one line are held', () => {
    const text = '全县秋粮收获已过八成（下转第二版）\n';
    const c: HeldText = {
      body: '记者了解到，全县秋粮收获已过八成',
      continuesTo: { marker: '（下转第二版）' },
    };
    expect(unassignedLines(text, [c])).toEqual([]);
  });

  it('a field the editor rewrote still holds its lines through the raw text', () => {
    const text = '深化移移风易俗\n倡树文明新新风\n';
    const c: HeldText = { title: '深化移风易俗 倡树文明新风', body: '' };
    expect(unassignedLines(text, [c]).map((u) => u.line)).toEqual([0, 1]);
    expect(unassignedLines(text, [{ ...c, rawText: text.trimEnd() }])).toEqual([]);
  });

  it('page furniture is kept in the bin, marked, and does not count', () => {
    const text =
      '2024年10月22日 星期二\n责任编辑：王明 版式：李华\n第2版\n\n小麦播种进度过半\n近日，记者走进东山镇。\n';
    const bin = unassignedLines(text, [{ title: '小麦播种进度过半', body: '近日，记者走进东山镇。' }]);
    expect(bin).toEqual([
      { line: 0, text: '2024年10月22日 星期二', furniture: true },
      { line: 1, text: '责任编辑：王明 版式：李华', furniture: true },
      { line: 2, text: '第2版', furniture: true },
    ]);
    expect(countingLines(bin)).toBe(0);
  });

  it('full-width letters and digits, ideographic spaces and bullets never hide a match', () => {
    expect(foldForMatch('■ＡＥＯ认证　Ｇ９２２７ 9000 万元')).toBe('AEO认证G92279000万元');
    expect(unassignedLines('ＡＥＯ认证　Ｇ９２２７\n', [{ body: 'AEO认证 G9227 9000 万元' }])).toEqual([]);
  });

  it('blank pages and blank lines give an empty bin; no clipping gives every non-blank line', () => {
    expect(unassignedLines('', [])).toEqual([]);
    expect(unassignedLines(' \n\u3000\n\n', [])).toEqual([]);
    expect(unassignedLines('甲乙\n\n 丙丁 \n', []).map((u) => [u.line, u.text])).toEqual([
      [0, '甲乙'],
      [2, '丙丁'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------- properties

/** Chinese text drawn from one clipping's own block of characters, so no two clippings share a line. */
const sentenceOf = (block: number): fc.Arbitrary<string> =>
  fc
    .array(fc.integer({ min: 0, max: 199 }), { minLength: 4, maxLength: 60 })
    .map((codes) => String.fromCharCode(...codes.map((c) => 0x4e00 + block * 200 + c)));

/** One clipping: a title and paragraphs, each paragraph wrapped every 18 characters. */
const clippingArb = (block: number): fc.Arbitrary<{ title: string; paragraphs: string[] }> =>
  fc.record({
    title: sentenceOf(block).map((s) => s.slice(0, 12)),
    paragraphs: fc.array(sentenceOf(block), { minLength: 1, maxLength: 4 }),
  });

const pageArb = fc
  .integer({ min: 1, max: 5 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => clippingArb(k))))
  .chain((clippings) =>
    fc
      // whitespace printed inside lines: ASCII and ideographic spaces, tabs
      .array(fc.constantFrom('', ' ', '\u3000', '\t', '  '), { minLength: 400, maxLength: 400 })
      .map((spaces) => ({ clippings, spaces })),
  );

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out;
}

/** The page's lines, each remembering which clipping printed it. */
function layOut(p: { clippings: { title: string; paragraphs: string[] }[]; spaces: string[] }): {
  text: string;
  owner: number[];
} {
  const lines: string[] = [];
  const owner: number[] = [];
  let s = 0;
  const space = (): string => p.spaces[s++ % p.spaces.length] ?? '';
  p.clippings.forEach((c, k) => {
    lines.push(c.title, '');
    owner.push(k, -1);
    for (const para of c.paragraphs)
      for (const piece of wrap(para, 18)) {
        const cut = Math.floor(piece.length / 2);
        lines.push(`${space()}${piece.slice(0, cut)}${space()}${piece.slice(cut)}${space()}`);
        owner.push(k);
      }
    lines.push('');
    owner.push(-1);
  });
  return { text: lines.join('\n'), owner };
}

const asHeld = (c: { title: string; paragraphs: string[] }): HeldText => ({
  title: c.title,
  body: c.paragraphs.join('\n'),
});

describe('unassignedLines properties', () => {
  it('every line of a filed clipping is held, wherever the page wrapped it or spaced it', () => {
    fc.assert(
      fc.property(pageArb, (p) => {
        const { text } = layOut(p);
        expect(unassignedLines(text, p.clippings.map(asHeld))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('dropping a clipping puts exactly its lines in the bin', () => {
    fc.assert(
      fc.property(pageArb, fc.nat(), (p, pick) => {
        const { text, owner } = layOut(p);
        const dropped = pick % p.clippings.length;
        const kept = p.clippings.filter((_, k) => k !== dropped).map(asHeld);
        const want = owner.flatMap((k, line) => (k === dropped ? [line] : []));
        expect(unassignedLines(text, kept).map((u) => u.line)).toEqual(want);
      }),
      { numRuns: 200 },
    );
  });

  it('is whole: every non-blank line is held or in the bin, never both, never invented', () => {
    fc.assert(
      fc.property(pageArb, fc.nat(), (p, pick) => {
        const { text } = layOut(p);
        const kept = p.clippings.filter((_, k) => k !== pick % p.clippings.length).map(asHeld);
        const bin = unassignedLines(text, kept);
        const lines = text.split('\n');
        for (const u of bin) expect(u.text).toBe((lines[u.line] ?? '').trim());
        expect(new Set(bin.map((u) => u.line)).size).toBe(bin.length);
      }),
      { numRuns: 100 },
    );
  });
});
