import { CLIPPING_SORT_PATTERN, parseClippingSort } from './clipping-sort';

describe('parseClippingSort', () => {
  it('defaults to newest issue first, pages in order, id as tie-breaker', () => {
    expect(parseClippingSort()).toEqual([
      { field: 'issueDate', direction: 'DESC' },
      { field: 'pageSort', direction: 'ASC' },
      { field: 'id', direction: 'DESC' },
    ]);
  });

  it('reads a leading - as descending', () => {
    expect(parseClippingSort('-updatedAt')).toEqual([
      { field: 'updatedAt', direction: 'DESC' },
      { field: 'id', direction: 'DESC' },
    ]);
    expect(parseClippingSort('title,id')).toEqual([
      { field: 'title', direction: 'ASC' },
      { field: 'id', direction: 'ASC' },
    ]);
  });

  it('ignores a repeated field', () => {
    expect(parseClippingSort('kind,-kind')).toEqual([
      { field: 'kind', direction: 'ASC' },
      { field: 'id', direction: 'ASC' },
    ]);
  });

  it('refuses fields outside the whitelist', () => {
    expect(() => parseClippingSort('body')).toThrow('Unknown sort field: body');
  });
});

describe('CLIPPING_SORT_PATTERN', () => {
  it.each(['issueDate', '-issueDate', '-issueDate,pageSort', 'createdAt,-id', 'relevance'])(
    'accepts %s',
    (s) => {
      expect(CLIPPING_SORT_PATTERN.test(s)).toBe(true);
    },
  );

  it.each([
    '',
    'body',
    '--issueDate',
    'issueDate,',
    'issueDate;drop table',
    ' issueDate',
    'issue_date',
    'relevance,title',
    '-relevance',
    'title,relevance',
  ])('rejects %p', (s) => {
    expect(CLIPPING_SORT_PATTERN.test(s)).toBe(false);
  });
});
