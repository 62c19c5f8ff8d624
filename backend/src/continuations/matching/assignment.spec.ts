import fc from 'fast-check';
import { assignmentMargins, assignmentWeight, maxWeightAssignment } from './assignment';

function bruteForce(w: number[][]): number {
  const rows = w.length;
  const cols = w[0]?.length ?? 0;
  let best = 0;
  const used = new Array<boolean>(cols).fill(false);
  const go = (i: number, acc: number) => {
    if (i === rows) {
      best = Math.max(best, acc);
      return;
    }
    go(i + 1, acc);
    for (let j = 0; j < cols; j++) {
      if (used[j] || w[i]![j]! <= 0) continue;
      used[j] = true;
      go(i + 1, acc + w[i]![j]!);
      used[j] = false;
    }
  };
  go(0, 0);
  return best;
}

describe('maxWeightAssignment', () => {
  it('prefers the better total over the greedy choice', () => {
    // greedy would take 10 (0,0) and then 1 (1,1); optimum is 9 + 9
    const w = [
      [10, 9],
      [9, 1],
    ];
    expect(maxWeightAssignment(w)).toEqual([1, 0]);
  });

  it('never returns forbidden cells and handles rectangles and empties', () => {
    expect(maxWeightAssignment([[0, 0]])).toEqual([-1]);
    expect(maxWeightAssignment([[5], [7], [0]])).toEqual([-1, 0, -1]);
    expect(maxWeightAssignment([])).toEqual([]);
  });

  it('matches brute force on random small matrices', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((r) =>
          fc.integer({ min: 1, max: 5 }).chain((c) =>
            fc.array(
              fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 20, noNaN: true })), {
                minLength: c,
                maxLength: c,
              }),
              { minLength: r, maxLength: r },
            ),
          ),
        ),
        (w) => {
          const a = maxWeightAssignment(w);
          const cols = a.filter((j) => j >= 0);
          expect(new Set(cols).size).toBe(cols.length);
          expect(assignmentWeight(w, a)).toBeCloseTo(bruteForce(w), 6);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('margins measure how close the best alternative is', () => {
    const w = [
      [10, 9],
      [9, 10],
    ];
    expect(assignmentMargins(w, maxWeightAssignment(w))).toEqual([2, 2]);
    expect(assignmentMargins([[4]], [0])).toEqual([4]);
  });
});
