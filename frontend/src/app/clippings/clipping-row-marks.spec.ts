import { continuationMark, firstChips } from './clipping-row-marks';

const REF = { page: '2', label: 'A', marker: '（下转2版A）' };
const alone = {
  articleId: null,
  continuesFrom: null,
  continuesTo: null,
  previousPartId: null,
  nextPartId: null,
};

describe('list row marks', () => {
  it('marks a linked part, a part waiting for its other half, and nothing for a clipping alone', () => {
    expect(continuationMark(alone)).toBeNull();
    expect(continuationMark({ ...alone, continuesTo: REF })).toBe('waiting');
    expect(continuationMark({ ...alone, continuesFrom: REF })).toBe('waiting');
    expect(continuationMark({ ...alone, articleId: 4, continuesTo: REF, nextPartId: 9 })).toBe('linked');
    // Linked to its tail but still waiting for its head: waiting wins (there is work left).
    expect(
      continuationMark({ ...alone, articleId: 4, continuesFrom: REF, continuesTo: REF, nextPartId: 9 }),
    ).toBe('waiting');
  });

  it('shows the first chips and counts the rest', () => {
    expect(firstChips(['a', 'b'])).toEqual({ shown: ['a', 'b'], more: 0 });
    expect(firstChips(['a', 'b', 'c', 'd', 'e'])).toEqual({ shown: ['a', 'b', 'c'], more: 2 });
  });
});
