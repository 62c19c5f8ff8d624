/**
 * Maximum-weight one-to-one assignment (Hungarian algorithm, O(n³)) on a rectangular weight matrix.
 * Weights ≤ 0 mean "not allowed"; such cells are never returned. Returns, for each row, the assigned
 * column or -1.
 */
export function maxWeightAssignment(weights: readonly (readonly number[])[]): number[] {
  const rows = weights.length;
  const cols = rows === 0 ? 0 : weights[0]!.length;
  if (rows === 0 || cols === 0) return new Array<number>(rows).fill(-1);
  const n = Math.max(rows, cols);
  let maxW = 0;
  for (const r of weights) for (const w of r) if (w > maxW) maxW = w;
  // Minimisation on cost = maxW − weight; forbidden and padding cells cost maxW (= weight 0).
  const cost = (i: number, j: number): number => {
    const w = i < rows && j < cols ? weights[i]![j]! : 0;
    return maxW - (w > 0 ? w : 0);
  };
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const p = new Array<number>(n + 1).fill(0); // p[j] = row matched to column j (1-based)
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(Infinity);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const result = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= n; j++) {
    const i = p[j]! - 1;
    if (i >= 0 && i < rows && j - 1 < cols && weights[i]![j - 1]! > 0) result[i] = j - 1;
  }
  return result;
}

/** Total weight of an assignment. */
export function assignmentWeight(
  weights: readonly (readonly number[])[],
  assignment: readonly number[],
): number {
  let total = 0;
  assignment.forEach((j, i) => {
    if (j >= 0) total += weights[i]![j]!;
  });
  return total;
}

/**
 * For each assigned cell, how much the optimum drops when that cell is forbidden: a robust measure of
 * how close the best alternative is (for a 2×2 swap it is (a + b) − (c + d)).
 */
export function assignmentMargins(
  weights: readonly (readonly number[])[],
  assignment: readonly number[],
): number[] {
  const best = assignmentWeight(weights, assignment);
  return assignment.map((j, i) => {
    if (j < 0) return 0;
    const without = weights.map((row, r) => (r === i ? row.map((w, c) => (c === j ? 0 : w)) : row));
    return best - assignmentWeight(without, maxWeightAssignment(without));
  });
}
