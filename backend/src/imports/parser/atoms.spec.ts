import { headingAtom, paraAtom, signalAt, signalAtom, skipAtom } from './atoms';

describe('atom constructors', () => {
  const atoms = [
    paraAtom('秋收秋种稳步推进', 3, true),
    signalAtom('byline', 4, '记者 于文静', null, 'auto', undefined),
    skipAtom(5, '第2版', 'banner'),
    headingAtom(
      [{ line: 6, text: '全国秋粮收获过半', gapBefore: false }],
      false,
      false,
      null,
      new Set(),
      0.5,
    ),
  ];

  it('write every kind’s fields in one order (one object shape for all atoms)', () => {
    const keys = atoms.map((a) => Object.keys(a).join());
    expect(new Set(keys).size).toBe(1);
  });

  it('keep each kind’s own fields', () => {
    expect(atoms[0]).toMatchObject({
      t: 'para',
      line: 3,
      text: '秋收秋种稳步推进',
      gapBefore: true,
      plain: false,
    });
    expect(atoms[1]).toMatchObject({
      t: 'signal',
      kind: 'byline',
      line: 4,
      value: '记者 于文静',
      pos: 'auto',
    });
    expect(atoms[2]).toMatchObject({ t: 'skip', line: 5, text: '第2版', banner: 'banner' });
    expect(atoms[3]).toMatchObject({ t: 'heading', numbered: false, titleScore: 0.5 });
  });

  it('signalAt copies a signal at another position, the original unchanged', () => {
    const s = signalAtom('jumpTo', 9, '下转第三版', null, 'auto', [10]);
    const moved = signalAt(s, 'end');
    expect(moved).toEqual({ ...s, pos: 'end' });
    expect(s.pos).toBe('auto');
    expect(Object.keys(moved)).toEqual(Object.keys(s));
  });
});
