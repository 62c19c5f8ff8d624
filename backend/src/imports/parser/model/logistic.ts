/**
 * Logistic regression: training by full-batch gradient descent with L2 regularisation on standardised
 * features (deterministic: same data, same weights), and prediction. Pure; no dependencies.
 */

export interface LogisticModel {
  /** Feature names, in vector order. */
  features: readonly string[];
  /** Per-feature mean and scale used to standardise (the bias feature keeps mean 0, scale 1). */
  mean: number[];
  scale: number[];
  weights: number[];
}

export interface TrainOptions {
  iterations?: number;
  learningRate?: number;
  l2?: number;
  /** Weight of positive examples relative to negatives (class balance). */
  positiveWeight?: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function predict(model: LogisticModel, x: readonly number[]): number {
  let z = 0;
  for (let j = 0; j < model.weights.length; j++) {
    const v = ((x[j] ?? 0) - (model.mean[j] ?? 0)) / (model.scale[j] ?? 1);
    z += (model.weights[j] ?? 0) * v;
  }
  return sigmoid(z);
}

/** predict on the vector stored at `values[offset]` … (the same arithmetic, in the same order). */
export function predictAt(model: LogisticModel, values: Float64Array, offset: number): number {
  const { weights, mean, scale } = model;
  let z = 0;
  for (let j = 0; j < weights.length; j++) {
    const v = ((values[offset + j] ?? 0) - (mean[j] ?? 0)) / (scale[j] ?? 1);
    z += (weights[j] ?? 0) * v;
  }
  return sigmoid(z);
}

export function train(
  features: readonly string[],
  xs: readonly (readonly number[])[],
  ys: readonly number[],
  o: TrainOptions = {},
): LogisticModel {
  const iterations = o.iterations ?? 3000;
  const lr = o.learningRate ?? 0.5;
  const l2 = o.l2 ?? 1e-3;
  const pw = o.positiveWeight ?? 1;
  const d = features.length;
  const n = xs.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(1);
  for (let j = 0; j < d; j++) {
    if (features[j] === 'bias') continue;
    let s = 0;
    for (const x of xs) s += x[j] ?? 0;
    mean[j] = n ? s / n : 0;
    let v = 0;
    for (const x of xs) v += ((x[j] ?? 0) - (mean[j] ?? 0)) ** 2;
    scale[j] = Math.sqrt(n ? v / n : 0) || 1;
  }
  const z = xs.map((x) => x.map((v, j) => (v - (mean[j] ?? 0)) / (scale[j] ?? 1)));
  const w = new Array<number>(d).fill(0);
  const sw = ys.map((y) => (y === 1 ? pw : 1));
  const total = sw.reduce((a, b) => a + b, 0) || 1;
  for (let it = 0; it < iterations; it++) {
    const g = new Array<number>(d).fill(0);
    for (let i = 0; i < n; i++) {
      const zi = z[i] ?? [];
      let s = 0;
      for (let j = 0; j < d; j++) s += (w[j] ?? 0) * (zi[j] ?? 0);
      const err = (sigmoid(s) - (ys[i] ?? 0)) * (sw[i] ?? 1);
      for (let j = 0; j < d; j++) g[j] = (g[j] ?? 0) + err * (zi[j] ?? 0);
    }
    for (let j = 0; j < d; j++) {
      const reg = features[j] === 'bias' ? 0 : l2 * (w[j] ?? 0);
      w[j] = (w[j] ?? 0) - lr * ((g[j] ?? 0) / total + reg);
    }
  }
  const round = (x: number): number => Math.round(x * 1e6) / 1e6;
  return { features: [...features], mean: mean.map(round), scale: scale.map(round), weights: w.map(round) };
}
