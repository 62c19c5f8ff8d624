import { predict, train } from './logistic';

describe('logistic regression', () => {
  const features = ['bias', 'x'];
  const xs = [
    [1, 0],
    [1, 1],
    [1, 2],
    [1, 8],
    [1, 9],
    [1, 10],
  ];
  const ys = [0, 0, 0, 1, 1, 1];

  it('separates what it was shown and generalises between', () => {
    const m = train(features, xs, ys, { iterations: 2000 });
    expect(predict(m, [1, 0])).toBeLessThan(0.2);
    expect(predict(m, [1, 10])).toBeGreaterThan(0.8);
    expect(predict(m, [1, 5])).toBeGreaterThan(0.2);
    expect(predict(m, [1, 5])).toBeLessThan(0.8);
  });

  it('is deterministic: the same data gives the same weights', () => {
    expect(train(features, xs, ys)).toEqual(train(features, xs, ys));
  });
});
