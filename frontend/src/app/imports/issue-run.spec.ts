import type { ImportResult } from '@jianbao/contracts';
import {
  type IssueRow,
  duplicateImportId,
  fileSize,
  isPageFileName,
  missingLabels,
  newRow,
  pendingKeys,
  requeued,
  runProgress,
  skippedDuplicate,
  sortRows,
  updateRow,
  withLabel,
  withOutcome,
} from './issue-run';

const text = (t: string) => ({ kind: 'text' as const, text: t });

function filedResult(id: number, clippings: number, links: number, replaced?: number): ImportResult {
  return {
    import: {
      id,
      publicationId: 1,
      issueDate: '2024-10-22',
      pageLabel: '1',
      sha256: 'x',
      clippingCount: clippings,
      createdAt: '2024-10-22T00:00:00.000Z',
    },
    clippings: Array.from({ length: clippings }, () => ({}) as ImportResult['clippings'][number]),
    links: Array.from(
      { length: links },
      (_, i) => ({ status: i % 2 === 0 ? 'linked' : 'proposed' }) as ImportResult['links'][number],
    ),
    ...(replaced === undefined
      ? {}
      : {
          replaced: {
            importId: replaced,
            mode: 'carry-over',
            trashed: 1,
            carried: [],
            kept: [],
            linksNotRemade: [],
          },
        }),
  };
}

describe('rows of a whole-issue import', () => {
  it('reads the page label from the file name by the shared rule, editable later', () => {
    expect(newRow(1, { name: '2024-10-22_A03.txt', size: 10 }, text('正文')).label).toBe('A3');
    expect(newRow(2, { name: '第三版.txt', size: 10 }, text('正文')).label).toBe('3');
    expect(newRow(3, { name: '000_7bc5541b3fe100b2.txt', size: 10 }, text('正文')).label).toBe('');
  });

  it('lists a file that is not .txt as skipped, whatever was read', () => {
    const row = newRow(1, { name: 'A1.pdf', size: 2048 }, text('%PDF'));
    expect(row.state).toBe('skipped');
    expect(row.label).toBe('');
    expect(newRow(2, { name: 'scan.jpg', size: 1 }).state).toBe('skipped');
    expect(isPageFileName('A1.TXT')).toBe(true);
    expect(isPageFileName('A1.txt.pdf')).toBe(false);
  });

  it('refuses a file that is not UTF-8 text and one the browser could not read', () => {
    expect(newRow(1, { name: 'A1.txt', size: 5 }, { kind: 'notText' }).state).toBe('notText');
    expect(newRow(2, { name: 'A2.txt', size: 5 }, { kind: 'unreadable' }).state).toBe('unreadable');
    expect(newRow(3, { name: 'A3.txt', size: 5 }, text('正文'))).toMatchObject({
      state: 'pending',
      text: '正文',
    });
  });

  it('sorts as the command line does: numbers in names compared as numbers', () => {
    const rows = ['page-10.txt', 'page-2.txt', 'page-1.txt'].map((name, i) =>
      newRow(i, { name, size: 1 }, text('x')),
    );
    expect(sortRows(rows).map((r) => r.name)).toEqual(['page-1.txt', 'page-2.txt', 'page-10.txt']);
  });

  it('files only pending rows, and refuses to start while one has no label', () => {
    const rows = [
      newRow(1, { name: 'A1.txt', size: 1 }, text('x')),
      newRow(2, { name: 'notes.txt', size: 1 }, text('y')),
      newRow(3, { name: 'A2.pdf', size: 1 }),
      newRow(4, { name: 'A4.txt', size: 1 }, { kind: 'notText' }),
    ];
    expect(pendingKeys(rows)).toEqual([1, 2]);
    expect(missingLabels(rows)).toEqual([2]);
    const labelled = updateRow(rows, 2, (r) => withLabel(r, '2'));
    expect(missingLabels(labelled)).toEqual([]);
    // A refused file keeps its state; its label cannot be edited.
    expect(withLabel(rows[3] as IssueRow, '9').label).toBe('A4');
  });

  it('records what filing gave: counts, the import, the replaced import', () => {
    const row = newRow(1, { name: 'A1.txt', size: 1 }, text('x'));
    expect(withOutcome(row, { kind: 'filed', result: filedResult(7, 3, 3) })).toMatchObject({
      state: 'filed',
      result: {
        importId: 7,
        publicationId: 1,
        issueDate: '2024-10-22',
        clippings: 3,
        linked: 2,
        proposed: 1,
        replacedImportId: null,
      },
    });
    expect(
      withOutcome(row, { kind: 'filed', result: filedResult(8, 2, 0, 7) }).result?.replacedImportId,
    ).toBe(7);
  });

  it('a duplicate waits for the editor: skipped, or sent again (to replace); a failure can be retried', () => {
    const row = newRow(1, { name: 'A1.txt', size: 1 }, text('x'));
    const dup = withOutcome(row, { kind: 'duplicate', importId: 5 });
    expect(dup).toMatchObject({ state: 'duplicate', duplicateOf: 5 });
    expect(skippedDuplicate(dup).state).toBe('skippedDuplicate');
    expect(requeued(dup).state).toBe('pending');
    const failed = withOutcome(row, {
      kind: 'failed',
      text: { key: 'error.network', params: {} },
      details: [],
    });
    expect(failed.error?.text.key).toBe('error.network');
    expect(requeued(failed)).toMatchObject({ state: 'pending', error: null });
    // A filed row is never sent again.
    const filed = withOutcome(row, { kind: 'filed', result: filedResult(1, 1, 0) });
    expect(requeued(filed).state).toBe('filed');
    expect(skippedDuplicate(filed).state).toBe('filed');
  });
});

describe('runProgress', () => {
  const rows = (states: IssueRow['state'][]): IssueRow[] =>
    states.map((state, i) => ({ ...newRow(i, { name: `A${i + 1}.txt`, size: 1 }, text('x')), state }));

  it('counts the run’s rows only, by where they stand', () => {
    const all = rows(['filed', 'duplicate', 'failed', 'filing', 'pending', 'skipped', 'filed']);
    expect(runProgress(all, [0, 1, 2, 3, 4])).toEqual({
      total: 5,
      done: 3,
      filed: 1,
      duplicates: 1,
      failed: 1,
      waiting: 1,
      current: 'A4.txt',
    });
  });

  it('reaches total when every page answered; a stopped run leaves the rest waiting', () => {
    expect(runProgress(rows(['filed', 'filed']), [0, 1])).toMatchObject({ total: 2, done: 2, filed: 2 });
    const stopped = runProgress(rows(['filed', 'pending', 'pending']), [0, 1, 2]);
    expect(stopped).toMatchObject({ total: 3, done: 1, waiting: 2, current: null });
  });

  it('counts a skipped duplicate as answered', () => {
    expect(runProgress(rows(['skippedDuplicate']), [0])).toMatchObject({ done: 1, duplicates: 1 });
  });
});

describe('helpers', () => {
  it('fileSize', () => {
    expect(fileSize(850)).toBe('850 B');
    expect(fileSize(12_600)).toBe('12.3 KB');
    expect(fileSize(3 * 1024 * 1024)).toBe('3.0 MB');
  });

  it('duplicateImportId reads the 409’s details.importId, nothing else', () => {
    expect(duplicateImportId({ importId: 12 })).toBe(12);
    expect(duplicateImportId({ importId: '12' })).toBeNull();
    expect(duplicateImportId(null)).toBeNull();
    expect(duplicateImportId(undefined)).toBeNull();
  });
});
