import { predict, predictAt, train } from './logistic';

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

  it('predictAt reads a vector inside a wider row and gives the number predict gives, to the last bit', () => {
    const m = train(features, xs, ys, { iterations: 500 });
    const values = new Float64Array([9, 9, 9, 1, 0.3, 7, 1, 5.5, 7]);
    expect(predictAt(m, values, 3)).toBe(predict(m, [1, 0.3]));
    expect(predictAt(m, values, 6)).toBe(predict(m, [1, 5.5]));
  });
});
