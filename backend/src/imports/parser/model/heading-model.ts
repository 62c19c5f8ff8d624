/**
 * The headline model: for each plain line, the probability that it prints (part of) a title. Two
 * logistic regressions, stacked: the first sees the line and its surroundings; the second also sees
 * what the first made of the lines right above and below (a headline's lines come together). Pure.
 */
import type { Atom } from '../atoms';
import { HEADING_MODELS } from './heading-weights';
import { LineFacts } from './line-facts';
import { LINE_FEATURES, lineFeatures } from './line-features';
import { type LogisticModel, predict } from './logistic';

/** Features of the second pass: the first pass's verdict on the neighbouring lines. */
export const NEIGHBOUR_FEATURES = ['prevTitle', 'nextTitle'] as const;
export const STACKED_FEATURES: readonly string[] = [...LINE_FEATURES, ...NEIGHBOUR_FEATURES];

/** Whether the committed weights were trained on today's features (else `npm run train:parser`). */
export function headingModelCurrent(): boolean {
  return (
    HEADING_MODELS.first.features.join() === LINE_FEATURES.join() &&
    HEADING_MODELS.second.features.join() === STACKED_FEATURES.join()
  );
}

/**
 * The second pass's inputs: each line's own features plus the first pass's probability for the line
 * right above and right below it (0 across a blank line or a non-text line).
 */
export function stackFeatures(
  atoms: readonly Atom[],
  xs: ReadonlyArray<number[] | null>,
  first: ArrayLike<number>,
): Array<number[] | null> {
  // (pushed, not `map`: see rejoinCutSignals; reads bounds-checked)
  const out: Array<number[] | null> = [];
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k];
    if (x === null || x === undefined) {
      out.push(null);
      continue;
    }
    const a = atoms[k];
    const next = k + 1 < atoms.length ? atoms[k + 1] : undefined;
    const prevTitle = a?.t === 'para' && !a.gapBefore && k > 0 ? (first[k - 1] ?? 0) : 0;
    const nextTitle = next?.t === 'para' && !next.gapBefore && k + 1 < first.length ? (first[k + 1] ?? 0) : 0;
    const row = x.slice();
    row.push(prevTitle, nextTitle);
    out.push(row);
  }
  return out;
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
  const xs = lineFeatures(atoms, rule, facts);
  return probabilities(models.second, stackFeatures(atoms, xs, probabilities(models.first, xs)));
}

/** The model's probability for each feature vector, 0 where there is none. */
function probabilities(model: LogisticModel, xs: ReadonlyArray<number[] | null>): Float64Array {
  const out = new Float64Array(xs.length);
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k];
    if (x !== null && x !== undefined) out[k] = predict(model, x);
  }
  return out;
}
