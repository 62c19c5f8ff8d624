import type { ImportPreview, LineAssignment, PreviewClipping } from '@jianbao/contracts';
import {
  type WizardState,
  fromPreview,
  leastSure,
  lineViews,
  markChecked,
  mergeClippings,
  mergeWithNext,
  moveLine,
  nearestClipping,
  removeClipping,
  reviewQueue,
  setField,
  setKind,
  setSubheads,
  splitClipping,
  toEditedClippings,
} from './wizard-ops';

const PAGE = [
  '梁山', // 0 kicker A
  '小小明信片', // 1 title A
  '倡树大文明', // 2 title A
  '■本报记者 鲍童', // 3 byline A
  '',
  '近年来，梁山县积极创新移风', // 5 body A
  '易俗工作方法。', // 6 body A
  '',
  '下一步，梁山县还将继续加强', // 8 body A
  '宣传引导工作。', // 9 body A
  '',
  '深化移风易俗 倡树文明新风', // 11 unassigned
  '',
  '全国秋收秋种稳步推进', // 13 title B
  '新华社北京10月21日电 目前，全国秋收', // 14 body + dateline B
  '秋种正稳步推进（下转2版A）', // 15 body + jump B
].join('\r\n');

const roles = (spec: Array<[number, LineAssignment['role']]>): LineAssignment[] =>
  spec.map(([line, role]) => ({ line, role }));

function clipping(p: Partial<PreviewClipping>): PreviewClipping {
  return {
    kind: 'article',
    kicker: null,
    title: null,
    subtitle: null,
    byline: null,
    dateline: null,
    body: '',
    subheads: [],
    continuesFrom: null,
    continuesTo: null,
    regions: [],
    tags: [],
    lines: [],
    confidence: { boundary: 0.95, title: 0.9, byline: 0.9 },
    ...p,
  };
}

const PREVIEW: ImportPreview = {
  clippings: [
    clipping({
      kicker: '梁山',
      title: '小小明信片倡树大文明',
      byline: '本报记者 鲍童',
      body: '近年来，梁山县积极创新移风易俗工作方法。\n下一步，梁山县还将继续加强宣传引导工作。',
      lines: roles([
        [0, 'kicker'],
        [1, 'title'],
        [2, 'title'],
        [3, 'byline'],
        [5, 'body'],
        [6, 'body'],
        [8, 'body'],
        [9, 'body'],
      ]),
    }),
    clipping({
      title: '全国秋收秋种稳步推进',
      dateline: '新华社北京10月21日电',
      body: '新华社北京10月21日电 目前，全国秋收秋种正稳步推进',
      continuesTo: { page: '2', label: 'A', marker: '（下转2版A）' },
      lines: roles([
        [13, 'title'],
        [14, 'dateline'],
        [14, 'body'],
        [15, 'body'],
        [15, 'jump'],
      ]),
    }),
  ],
  unassigned: ['深化移风易俗 倡树文明新风'],
  unassignedLines: [{ line: 11, text: '深化移风易俗 倡树文明新风' }],
};

const start = (): WizardState => fromPreview(PAGE, PREVIEW);
const [A, B] = [1, 2];
const byKey = (s: WizardState, key: number) => s.clippings.find((c) => c.key === key)!;
const lineNumbers = (s: WizardState, key: number) => [...new Set(byKey(s, key).lines.map((l) => l.line))];

/** Every non-blank source line is in a clipping or in the bin, and nowhere else than those. */
function expectNoLineLost(s: WizardState): void {
  const owned = new Set(s.clippings.flatMap((c) => c.lines.map((l) => l.line)));
  s.source.forEach((text, i) => {
    if (!text.trim()) return;
    expect([i, owned.has(i) || s.unassigned.includes(i)]).toEqual([i, true]);
    expect([i, owned.has(i) && s.unassigned.includes(i)]).toEqual([i, false]);
  });
}

describe('fromPreview', () => {
  it('keeps the proposal, strips \\r and gives each clipping a key', () => {
    const s = start();
    expect(s.source[1]).toBe('小小明信片');
    expect(s.clippings.map((c) => c.key)).toEqual([1, 2]);
    expect(s.nextKey).toBe(3);
    expect(byKey(s, A)).toMatchObject({ kicker: '梁山', title: '小小明信片倡树大文明', subtitle: '' });
    expect(s.unassigned).toEqual([11]);
    expectNoLineLost(s);
  });

  it('puts non-blank lines that belong to no clipping into the bin even if the server forgot them', () => {
    const s = fromPreview(PAGE, { ...PREVIEW, unassignedLines: [] });
    expect(s.unassigned).toEqual([11]);
  });

  it('ignores line numbers outside the text', () => {
    const s = fromPreview('一\n二', {
      clippings: [
        clipping({
          body: '一',
          lines: roles([
            [0, 'body'],
            [7, 'body'],
          ]),
        }),
      ],
      unassigned: [],
      unassignedLines: [{ line: 9, text: '?' }],
    });
    expect(s.clippings[0]!.lines).toEqual(roles([[0, 'body']]));
    expect(s.unassigned).toEqual([1]);
  });
});

describe('lineViews', () => {
  it('colours each line by its most telling role and its clipping', () => {
    const views = lineViews(start());
    expect(views).toHaveLength(16);
    expect(views[1]).toMatchObject({ role: 'title', clippingKey: A, clippingIndex: 0 });
    expect(views[4]).toMatchObject({ role: null, clippingKey: null });
    expect(views[11]).toMatchObject({ role: 'unassigned', clippingKey: null });
    expect(views[14]).toMatchObject({ role: 'body', clippingKey: B, clippingIndex: 1 });
    expect(views[13]).toMatchObject({ role: 'title', clippingKey: B });
    expect(views[15]).toMatchObject({ role: 'jump', clippingKey: B });
  });
});

describe('moveLine', () => {
  it('moves a body line to the title and rebuilds both fields', () => {
    const s = moveLine(start(), 5, { to: 'clipping', key: A, role: 'title' });
    const a = byKey(s, A);
    expect(a.title).toBe('小小明信片倡树大文明近年来，梁山县积极创新移风');
    expect(a.body).toBe('易俗工作方法。\n下一步，梁山县还将继续加强宣传引导工作。');
    expect(a.kicker).toBe('梁山');
    expect(a.lines.find((l) => l.line === 5)?.role).toBe('title');
    expectNoLineLost(s);
  });

  it('keeps a line marked as a caption a paragraph of its own in the body, as the parser does', () => {
    const s = moveLine(start(), 8, { to: 'clipping', key: A, role: 'caption' });
    expect(byKey(s, A).body).toBe(
      '近年来，梁山县积极创新移风易俗工作方法。\n下一步，梁山县还将继续加强\n宣传引导工作。',
    );
    expectNoLineLost(s);
  });

  it('moves a line to the byline, cleaning the bullet', () => {
    let s = moveLine(start(), 3, { to: 'unassigned' });
    expect(byKey(s, A).byline).toBe('');
    s = moveLine(s, 3, { to: 'clipping', key: B, role: 'byline' });
    expect(byKey(s, B).byline).toBe('本报记者 鲍童');
    expect(s.unassigned).toEqual([11]);
    expectNoLineLost(s);
  });

  it('moves a line to another clipping as body and takes it out of the first', () => {
    const s = moveLine(start(), 9, { to: 'clipping', key: B, role: 'body' });
    expect(byKey(s, A).body).toBe('近年来，梁山县积极创新移风易俗工作方法。\n下一步，梁山县还将继续加强');
    expect(byKey(s, B).body).toBe('宣传引导工作。\n新华社北京10月21日电 目前，全国秋收秋种正稳步推进');
    expect(lineNumbers(s, B)).toEqual([9, 13, 14, 15]);
    expectNoLineLost(s);
  });

  it('moves a line from the unassigned bin into a clipping', () => {
    const s = moveLine(start(), 11, { to: 'clipping', key: A, role: 'subhead' });
    expect(s.unassigned).toEqual([]);
    expect(byKey(s, A).subheads).toEqual(['深化移风易俗 倡树文明新风']);
    expectNoLineLost(s);
  });

  it('moves a line to the unassigned bin, dropping every role it had', () => {
    const s = moveLine(start(), 14, { to: 'unassigned' });
    const b = byKey(s, B);
    expect(b.dateline).toBe('');
    expect(b.body).toBe('秋种正稳步推进');
    expect(s.unassigned).toEqual([11, 14]);
    expectNoLineLost(s);
  });

  it('lets a jump marker follow the line it is printed on', () => {
    let s = moveLine(start(), 15, { to: 'clipping', key: A, role: 'body' });
    expect(byKey(s, A).continuesTo?.marker).toBe('（下转2版A）');
    expect(byKey(s, B).continuesTo).toBeNull();
    expect(byKey(s, A).body).toContain('宣传引导工作。\n秋种正稳步推进');
    s = moveLine(s, 15, { to: 'unassigned' });
    expect(byKey(s, A).continuesTo).toBeNull();
  });

  it('drops a clipping once its last line is moved away', () => {
    let s = start();
    for (const line of [13, 14, 15]) s = moveLine(s, line, { to: 'clipping', key: A, role: 'body' });
    expect(s.clippings.map((c) => c.key)).toEqual([A]);
    expectNoLineLost(s);
  });

  it('leaves the state alone for an unknown line or clipping', () => {
    const s = start();
    expect(moveLine(s, 99, { to: 'unassigned' })).toBe(s);
    expect(moveLine(s, 1, { to: 'clipping', key: 42, role: 'body' })).toBe(s);
  });

  it('does not touch fields the move did not concern (hand edits survive)', () => {
    let s = setField(start(), A, 'title', '手改的标题');
    s = moveLine(s, 9, { to: 'unassigned' });
    expect(byKey(s, A).title).toBe('手改的标题');
  });
});

describe('splitClipping', () => {
  it('makes the chosen line and everything after it a new clipping right after', () => {
    const s = splitClipping(start(), A, 8);
    expect(s.clippings.map((c) => c.key)).toEqual([A, 3, B]);
    expect(s.nextKey).toBe(4);
    expect(byKey(s, A).body).toBe('近年来，梁山县积极创新移风易俗工作方法。');
    expect(byKey(s, A).title).toBe('小小明信片倡树大文明');
    expect(byKey(s, 3)).toMatchObject({
      kind: 'article',
      title: '',
      body: '下一步，梁山县还将继续加强宣传引导工作。',
    });
    expect(lineNumbers(s, 3)).toEqual([8, 9]);
    expectNoLineLost(s);
  });

  it('rebuilds the headline fields of both halves when the split cuts through them', () => {
    const s = splitClipping(start(), A, 2);
    expect(byKey(s, A)).toMatchObject({ kicker: '梁山', title: '小小明信片', byline: '' });
    expect(byKey(s, 3)).toMatchObject({ title: '倡树大文明', byline: '本报记者 鲍童' });
  });

  it('hands the jump marker to the half holding its line', () => {
    const s = splitClipping(start(), B, 15);
    expect(byKey(s, B).continuesTo).toBeNull();
    expect(byKey(s, 3).continuesTo?.label).toBe('A');
    expect(byKey(s, 3).body).toBe('秋种正稳步推进');
  });

  it('is a no-op at the first line or for an unknown clipping', () => {
    const s = start();
    expect(splitClipping(s, A, 0)).toBe(s);
    expect(splitClipping(s, A, 100)).toBe(s);
    expect(splitClipping(s, 9, 3)).toBe(s);
  });
});

describe('mergeClippings', () => {
  it('merges into the first: bodies joined, the second headline demoted to a subhead', () => {
    const s = mergeWithNext(start(), A);
    expect(s.clippings).toHaveLength(1);
    const m = s.clippings[0]!;
    expect(m.key).toBe(A);
    expect(m.title).toBe('小小明信片倡树大文明');
    expect(m.subheads).toEqual(['全国秋收秋种稳步推进']);
    expect(m.dateline).toBe('新华社北京10月21日电');
    expect(m.body.split('\n')).toHaveLength(3);
    expect(m.continuesTo?.marker).toBe('（下转2版A）');
    expect(m.lines.find((l) => l.line === 13)?.role).toBe('subhead');
    expectNoLineLost(s);
  });

  it('takes the second headline when the first has none', () => {
    let s = setField(start(), A, 'title', '');
    s = mergeClippings(s, [B, A]);
    expect(s.clippings[0]!.title).toBe('全国秋收秋种稳步推进');
    expect(s.clippings[0]!.subheads).toEqual([]);
  });

  it('merges selected clippings that are not adjacent, in list order', () => {
    let s = splitClipping(start(), A, 8); // A, 3, B
    s = mergeClippings(s, [B, A]);
    expect(s.clippings.map((c) => c.key)).toEqual([A, 3]);
    expectNoLineLost(s);
  });

  it('needs two clippings', () => {
    const s = start();
    expect(mergeClippings(s, [A])).toBe(s);
    expect(mergeWithNext(s, B)).toBe(s);
  });
});

describe('field edits', () => {
  it('changes the kind, any text field and the subheads', () => {
    let s = setKind(start(), B, 'brief');
    s = setField(s, B, 'subtitle', '副题');
    s = setSubheads(s, B, '一、总体要求\n\n  二、其他 ');
    expect(byKey(s, B)).toMatchObject({
      kind: 'brief',
      subtitle: '副题',
      subheads: ['一、总体要求', '二、其他'],
    });
    expect(byKey(s, A).kind).toBe('article');
  });
});

describe('removeClipping', () => {
  it('sends its lines to the bin', () => {
    const s = removeClipping(start(), B);
    expect(s.clippings.map((c) => c.key)).toEqual([A]);
    expect(s.unassigned).toEqual([11, 13, 14, 15]);
    expectNoLineLost(s);
  });
});

describe('toEditedClippings', () => {
  it('sends blanks as null and leaves out empty clippings', () => {
    let s = setField(start(), B, 'title', '   ');
    s = setField(s, B, 'body', '');
    const out = toEditedClippings(s);
    expect(out).toHaveLength(1);
    expect(out[0]).toEqual({
      kind: 'article',
      kicker: '梁山',
      title: '小小明信片倡树大文明',
      subtitle: null,
      byline: '本报记者 鲍童',
      dateline: null,
      body: '近年来，梁山县积极创新移风易俗工作方法。\n下一步，梁山县还将继续加强宣传引导工作。',
      subheads: [],
      continuesFrom: null,
      continuesTo: null,
    });
  });
});

describe('nearestClipping', () => {
  it('proposes the clipping owning the nearest line above, else the first one', () => {
    const s = start();
    expect(nearestClipping(s, 11)).toBe(A);
    expect(nearestClipping(s, 16)).toBe(B);
    expect(nearestClipping(s, 0)).toBe(A);
    expect(nearestClipping({ ...s, clippings: [] }, 3)).toBeNull();
  });
});

describe('the review queue: least sure first, until the editor deals with a clipping', () => {
  const sure = { boundary: 0.95, title: 0.97, byline: 0.95 };
  const state = fromPreview('甲\n乙\n丙', {
    clippings: [
      clipping({ body: '甲', lines: [{ line: 0, role: 'body' }], confidence: sure }),
      clipping({ body: '乙', lines: [{ line: 1, role: 'body' }], confidence: { ...sure, title: 0.5 } }),
      clipping({ body: '丙', lines: [{ line: 2, role: 'body' }], confidence: { ...sure, boundary: 0.3 } }),
    ],
    unassigned: [],
    unassignedLines: [],
  });

  it('lists only unsure clippings, the least sure first, naming the weakest part', () => {
    expect(reviewQueue(state)).toEqual([3, 2]);
    expect(leastSure(state.clippings[2]!)).toEqual({ part: 'boundary', value: 0.3 });
    expect(leastSure(state.clippings[0]!)).toBeNull();
  });

  it('drops a clipping once confirmed or edited, and after its lines move', () => {
    expect(reviewQueue(markChecked(state, 3))).toEqual([2]);
    expect(reviewQueue(setField(state, 2, 'title', '乙'))).toEqual([3]);
    expect(reviewQueue(moveLine(state, 2, { to: 'clipping', key: 1, role: 'body' }))).toEqual([2]);
  });
});
