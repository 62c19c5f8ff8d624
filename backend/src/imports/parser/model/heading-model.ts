/** The headline model: for each plain line, the probability that it prints (part of) a title. Pure. */
import type { Atom } from '../atoms';
import { HEADING_MODEL } from './heading-weights';
import { LINE_FEATURES, lineFeatures } from './line-features';
import { predict } from './logistic';

/** Whether the committed weights were trained on today's features (else `npm run train:parser`). */
export function headingModelCurrent(): boolean {
  return HEADING_MODEL.features.join() === LINE_FEATURES.join();
}

/** Title probability per atom (0 for atoms that are not plain lines). */
export function titleProbabilities(atoms: readonly Atom[], rule: readonly boolean[]): number[] {
  if (!headingModelCurrent()) {
    throw new Error('heading-weights.ts was trained on other features: run `npm run train:parser`');
  }
  return lineFeatures(atoms, rule).map((x) => (x === null ? 0 : predict(HEADING_MODEL, x)));
}
