import { needsRelink } from './relink-trigger';

const current = {
  publicationId: 1,
  issueDate: '2024-10-22',
  pageLabel: '第二版',
  continuesFrom: { page: '1', label: 'A', marker: '（上接1版A）' },
  continuesTo: null,
};

describe('needsRelink', () => {
  it('is false for edits that do not move the clipping (title, body, same values)', () => {
    expect(needsRelink(current, {})).toBe(false);
    expect(needsRelink(current, { publicationId: 1, issueDate: '2024-10-22', pageLabel: '第二版' })).toBe(
      false,
    );
    expect(needsRelink(current, { continuesFrom: { page: '1', label: 'A', marker: '(上接1版A)' } })).toBe(
      false,
    );
  });

  it.each([
    [{ publicationId: 2 }],
    [{ issueDate: '2024-10-23' }],
    [{ pageLabel: '第三版' }],
    [{ continuesFrom: null }],
    [{ continuesFrom: { page: '1', label: 'B', marker: '（上接1版B）' } }],
    [{ continuesTo: { page: '3', label: null, marker: '（下转第三版）' } }],
  ])('is true when %p changes', (edit) => {
    expect(needsRelink(current, edit)).toBe(true);
  });
});
