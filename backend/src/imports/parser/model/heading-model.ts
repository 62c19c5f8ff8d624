/**
 * The headline model: for each plain line, the probability that it prints (part of) a title. Two
 * logistic regressions, stacked: the first sees the line and its surroundings; the second also sees
 * what the first made of the lines right above and below (a headline's lines come together). Pure.
 */
import type { Atom } from '../atoms';
import { HEADING_MODELS } from './heading-weights';
import { LineFacts } from './line-facts';
import { type FeatureRows, LINE_FEATURES, lineFeatureRows } from './line-features';
import { type LogisticModel, predictAt } from './logistic';

/** Features of the second pass: the first pass's verdict on the neighbouring lines. */
export const NEIGHBOUR_FEATURES = ['prevTitle', 'nextTitle'] as const;
export const STACKED_FEATURES: readonly string[] = [...LINE_FEATURES, ...NEIGHBOUR_FEATURES];

let committedCurrent: boolean | null = null;

/** Whether the committed weights were trained on today's features (else `npm run train:parser`). */
export function headingModelCurrent(): boolean {
  // both lists are constants of the build: compared once, not on every page
  committedCurrent ??=
    HEADING_MODELS.first.features.join() === LINE_FEATURES.join() &&
    HEADING_MODELS.second.features.join() === STACKED_FEATURES.join();
  return committedCurrent;
}

/**
 * The second pass's inputs: each line's own features plus the first pass's probability for the line
 * right above and right below it (0 across a blank line or a non-text line), written into the rows'
 * NEIGHBOUR_FEATURES columns (the rows' stride is STACKED_FEATURES.length).
 */
export function stackFeatures(atoms: readonly Atom[], rows: FeatureRows, first: ArrayLike<number>): void {
  const { values, stride, rowOf } = rows;
  const at = LINE_FEATURES.length;
  for (let k = 0; k < atoms.length; k++) {
    const r = rowOf[k] ?? -1;
    if (r < 0) continue;
    const a = atoms[k];
    const next = k + 1 < atoms.length ? atoms[k + 1] : undefined;
    // (`next?.t` on the last line compared undefined where only strings had been seen: a deopt)
    values[r * stride + at] =
      a !== undefined && a.t === 'para' && !a.gapBefore && k > 0 ? (first[k - 1] ?? 0) : 0;
    values[r * stride + at + 1] =
      next !== undefined && next.t === 'para' && !next.gapBefore && k + 1 < first.length
        ? (first[k + 1] ?? 0)
        : 0;
  }
}

/** The two passes' weights. */
export interface HeadingModels {
  first: LogisticModel;
  second: LogisticModel;
}

/**
 * Title probability per atom (0 for atoms that are not candidate lines). In a Float64Array: an array
 * of numbers would hold small integers on a page without candidates and doubles on the others, two
 * element kinds the stages reading it would be compiled for in turn.
 */
export function titleProbabilities(
  atoms: readonly Atom[],
  rule: readonly boolean[],
  models: HeadingModels = HEADING_MODELS,
  facts: LineFacts = new LineFacts(atoms),
): Float64Array {
  if (models === HEADING_MODELS && !headingModelCurrent()) {
    throw new Error('heading-weights.ts was trained on other features: run `npm run train:parser`');
  }
  const rows = lineFeatureRows(atoms, rule, facts, STACKED_FEATURES.length);
  stackFeatures(atoms, rows, probabilities(models.first, rows));
  return probabilities(models.second, rows);
}

/** The model's probability for each row (its first `model.weights.length` columns), 0 for other atoms. */
function probabilities(model: LogisticModel, rows: FeatureRows): Float64Array {
  const { values, stride, rowOf } = rows;
  const out = new Float64Array(rowOf.length);
  for (let k = 0; k < rowOf.length; k++) {
    const r = rowOf[k] ?? -1;
    if (r >= 0) out[k] = predictAt(model, values, r * stride);
  }
  return out;
}
