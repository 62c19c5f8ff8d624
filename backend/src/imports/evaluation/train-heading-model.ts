/**
 * Trains the headline model from gold sets: the first pass on each line's features, the second on the
 * same plus the first pass's verdict on the neighbouring lines. Training pages are laid out again in
 * narrower and wider columns (body text only: headlines keep their lines) so the model does not learn
 * one paper's column width. Deterministic.
 */
import { join } from 'node:path';
import { LINE_FEATURES } from '../parser/model/line-features';
import { type HeadingModels, STACKED_FEATURES } from '../parser/model/heading-model';

export type { HeadingModels };
import { type LogisticModel, predict, train } from '../parser/model/logistic';
import { readGoldSet } from './evaluate';
import { rewrapBody } from './gold-labels';
import { type HeadingExample, headingExamples } from './heading-dataset';
import type { GoldPage } from './score-preview';

/** Issue dates of the development set kept out of training, to measure on (see docs/importer.md). */
export const HELD_OUT_DATES: readonly string[] = ['2026-06-05', '2026-06-25', '2026-07-14', '2026-07-30'];

/** Column widths the training pages are also laid out in. */
export const AUGMENT_WIDTHS: readonly number[] = [12, 16, 20];

export interface TrainingSet {
  dir: string;
  filter?: (page: GoldPage) => boolean;
}

export interface LineScore {
  name: string;
  examples: number;
  precision: number;
  recall: number;
}

/** An example and the laid-out copy of its page it was read from (neighbours are looked up within it). */
interface Tagged extends HeadingExample {
  copy: string;
}

function examplesOf(set: TrainingSet, augment: boolean): Tagged[] {
  const pages = readGoldSet(set.dir).pages.filter(set.filter ?? (() => true));
  const out: Tagged[] = headingExamples(set.dir, pages).map((e) => ({ ...e, copy: `${set.dir}:as printed` }));
  if (augment)
    for (const w of AUGMENT_WIDTHS)
      for (const e of headingExamples(set.dir, pages, (text, page) => rewrapBody(text, page.clippings, w)))
        out.push({ ...e, copy: `${set.dir}:${w}` });
  return out;
}

/** Each example's features plus its neighbours' first-pass probabilities. */
function stacked(examples: readonly Tagged[], first: LogisticModel): number[][] {
  const key = (copy: string, page: string, k: number): string => `${copy}\u0000${page}\u0000${k}`;
  const p = new Map<string, number>();
  for (const e of examples) p.set(key(e.copy, e.page, e.k), predict(first, e.x));
  return examples.map((e) => {
    const prev = e.prevLinked ? (p.get(key(e.copy, e.page, e.k - 1)) ?? 0) : 0;
    const next = e.nextLinked ? (p.get(key(e.copy, e.page, e.k + 1)) ?? 0) : 0;
    return [...e.x, prev, next];
  });
}

export function trainHeadingModels(sets: readonly TrainingSet[]): HeadingModels {
  const examples = sets.flatMap((s) => examplesOf(s, true));
  const ys = examples.map((e) => e.y);
  const first = train(
    LINE_FEATURES,
    examples.map((e) => e.x),
    ys,
    { iterations: 1000, l2: 1e-3 },
  );
  const second = train(STACKED_FEATURES, stacked(examples, first), ys, { iterations: 1000, l2: 1e-3 });
  return { first, second };
}

/** Line-level precision and recall of title lines on a set (no augmentation). */
export function scoreLines(name: string, set: TrainingSet, models: HeadingModels): LineScore {
  const examples = examplesOf(set, false);
  const xs = stacked(examples, models.first);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  examples.forEach((e, i) => {
    const yes = predict(models.second, xs[i] ?? []) > 0.5;
    if (yes && e.y) tp++;
    else if (yes) fp++;
    else if (e.y) fn++;
  });
  return {
    name,
    examples: examples.length,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
  };
}

/** The weights module, as committed (`backend/src/imports/parser/model/heading-weights.ts`). */
export function weightsModule(models: HeadingModels): string {
  return (
    '/**\n * Weights of the headline model (two stacked logistic regressions), written by\n' +
    ' * `npm run train:parser` from the development pages; do not edit by hand.\n */\n' +
    "import type { LogisticModel } from './logistic';\n\n" +
    `export const HEADING_MODELS: { first: LogisticModel; second: LogisticModel } = ${JSON.stringify(models)};\n`
  );
}

/** The repository's training sets: the development pages but the held-out dates, and the synthetic pages. */
export function defaultTrainingSets(root: string): TrainingSet[] {
  return [
    {
      dir: join(root, 'tests/fixtures/pages-dev'),
      filter: (p) => !HELD_OUT_DATES.includes(p.issueDate ?? ''),
    },
    { dir: join(root, 'tests/fixtures/pages/synthetic') },
  ];
}
