import { classifyDatabaseError } from './database-error';

describe('classifyDatabaseError', () => {
  it.each([
    [
      { code: 'SQLITE_CONSTRAINT', message: 'SQLITE_CONSTRAINT: UNIQUE constraint failed: tag.name' },
      'unique',
    ],
    [{ code: 'SQLITE_CONSTRAINT', message: 'SQLITE_CONSTRAINT: PRIMARY KEY constraint failed' }, 'unique'],
    [
      { code: 'SQLITE_CONSTRAINT', message: 'SQLITE_CONSTRAINT: FOREIGN KEY constraint failed' },
      'foreign-key',
    ],
    [
      { code: 'SQLITE_CONSTRAINT', message: 'SQLITE_CONSTRAINT: NOT NULL constraint failed: clipping.body' },
      'not-null',
    ],
    [{ code: 'SQLITE_CONSTRAINT', message: 'SQLITE_CONSTRAINT: CHECK constraint failed: ck' }, 'check'],
    [{ driverError: { code: '23505', message: 'duplicate key' } }, 'unique'],
    [{ code: '23503' }, 'foreign-key'],
    [{ code: '23502' }, 'not-null'],
    [{ code: '23514' }, 'check'],
    [
      { driverError: { code: '22003', message: 'value "1e+20" is out of range for type integer' } },
      'invalid-value',
    ],
    [{ code: '22021' }, 'invalid-value'],
    [{ code: 'SQLITE_BUSY', message: 'database is locked' }, 'other'],
    [new Error('boom'), 'other'],
    [null, 'other'],
  ])('%p → %s', (error, kind) => {
    expect(classifyDatabaseError(error)).toBe(kind);
  });
});
