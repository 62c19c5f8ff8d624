import { buildChains, canAddLink, nextPageOf, validateChain, validateLinks } from './chains';
import { jump, part } from './fixtures.testing';

describe('buildChains', () => {
  it('orders a three-page article head → middle → tail whatever the link order', () => {
    expect(
      buildChains([
        { headId: 'p2', tailId: 'p3' },
        { headId: 'p1', tailId: 'p2' },
      ]).chains,
    ).toEqual([['p1', 'p2', 'p3']]);
  });

  it('keeps separate articles apart', () => {
    const r = buildChains([
      { headId: 1, tailId: 2 },
      { headId: 3, tailId: 4 },
    ]);
    expect(r.chains).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(r.rejected).toEqual([]);
  });

  it('rejects a second next or previous, keeping the higher-scored link', () => {
    const r = buildChains([
      { headId: 'h', tailId: 't1', score: 0.6 },
      { headId: 'h', tailId: 't2', score: 0.9 },
      { headId: 'x', tailId: 't2', score: 0.5 },
    ]);
    expect(r.chains).toEqual([['h', 't2']]);
    expect(r.rejected.map((x) => x.issue.kind).sort()).toEqual(['two-next', 'two-previous']);
  });

  it('rejects cycles and self-links', () => {
    const r = buildChains([
      { headId: 'a', tailId: 'b' },
      { headId: 'b', tailId: 'c' },
      { headId: 'c', tailId: 'a' },
      { headId: 'd', tailId: 'd' },
    ]);
    expect(r.chains).toEqual([['a', 'b', 'c']]);
    expect(r.rejected.map((x) => x.issue.kind)).toEqual(['cycle', 'self-link']);
  });

  it('does not confuse the number 1 with the string "1"', () => {
    expect(buildChains([{ headId: 1, tailId: '1' }]).chains).toEqual([[1, '1']]);
  });
});

describe('validateLinks / canAddLink', () => {
  it('reports every broken rule', () => {
    expect(
      validateLinks([
        { headId: 1, tailId: 2 },
        { headId: 2, tailId: 3 },
      ]),
    ).toEqual([]);
    expect(
      validateLinks([
        { headId: 1, tailId: 2 },
        { headId: 1, tailId: 3 },
      ]).map((i) => i.kind),
    ).toEqual(['two-next']);
    expect(
      canAddLink(
        [
          { headId: 1, tailId: 2 },
          { headId: 2, tailId: 3 },
        ],
        { headId: 3, tailId: 1 },
      )?.kind,
    ).toBe('cycle');
    expect(canAddLink([{ headId: 1, tailId: 2 }], { headId: 2, tailId: 3 })).toBeNull();
  });
});

describe('validateChain', () => {
  const p1 = part({ id: 'p1', pageLabel: '1', body: '……', continuesTo: jump('2') });
  const p2 = part({ id: 'p2', pageLabel: '2', body: '……', continuesFrom: jump('1'), continuesTo: jump('3') });
  const p3 = part({ id: 'p3', pageLabel: '3', body: '……', continuesFrom: jump('2') });

  it('accepts a consistent three-page chain', () => {
    expect(validateChain([p1, p2, p3])).toEqual([]);
    expect(nextPageOf(p1)).toBe('2');
    expect(nextPageOf(p3)).toBeNull();
  });

  it('flags markers that contradict the order, duplicates and single parts', () => {
    expect(validateChain([p1, p3]).map((i) => i.kind)).toEqual(['marker-mismatch']);
    expect(validateChain([p1, p2, p1]).map((i) => i.kind)).toContain('duplicate-part');
    expect(validateChain([p1]).map((i) => i.kind)).toEqual(['too-short']);
  });

  it('allows manual links between parts without markers', () => {
    const a = part({ id: 'a', pageLabel: '1', body: '……' });
    const b = part({ id: 'b', pageLabel: '4', body: '……' });
    expect(validateChain([a, b])).toEqual([]);
  });
});
