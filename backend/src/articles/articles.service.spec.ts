import { orderChain } from './articles.service';

const p = (id: number, previousPartId: number | null, nextPartId: number | null) => ({
  id,
  previousPartId,
  nextPartId,
});

describe('orderChain', () => {
  it('orders the parts from the one without a previous part, along next', () => {
    expect(orderChain([p(3, 2, null), p(1, null, 2), p(2, 1, 3)]).map((x) => x.id)).toEqual([1, 2, 3]);
  });

  it('stops on a loop instead of running forever', () => {
    expect(orderChain([p(1, null, 2), p(2, 1, 1)]).map((x) => x.id)).toEqual([1, 2]);
  });

  it('is empty for no parts', () => {
    expect(orderChain([])).toEqual([]);
  });
});
