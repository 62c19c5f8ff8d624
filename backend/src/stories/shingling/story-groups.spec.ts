import { chooseMain, defaultMain, orderedPair, pairsBetween, pairsWithin } from './story-groups';

describe('story group rules', () => {
  const m = (clippingId: number, issueDate: string, textLength: number) => ({
    clippingId,
    issueDate,
    textLength,
  });

  it('takes the earliest issue, then the longest text, then the lowest id as the main text', () => {
    expect(defaultMain([m(3, '2024-10-22', 100), m(2, '2024-10-21', 10)])).toBe(2);
    expect(defaultMain([m(3, '2024-10-22', 100), m(2, '2024-10-22', 400)])).toBe(2);
    expect(defaultMain([m(5, '2024-10-22', 100), m(4, '2024-10-22', 100)])).toBe(4);
    expect(defaultMain([])).toBeNull();
  });

  it("keeps the editor's main text while it is a member", () => {
    const members = [m(1, '2024-10-21', 10), m(2, '2024-10-22', 10)];
    expect(chooseMain(members, 2)).toBe(2);
    expect(chooseMain(members, 9)).toBe(1);
    expect(chooseMain(members, null)).toBe(1);
  });

  it('orders and de-duplicates rejected pairs', () => {
    expect(orderedPair('b', 'a')).toEqual(['a', 'b']);
    expect(pairsBetween(['a'], ['c', 'b', 'a'])).toEqual([
      ['a', 'c'],
      ['a', 'b'],
    ]);
    expect(pairsWithin(['x', 'y', 'z'])).toHaveLength(3);
  });
});
