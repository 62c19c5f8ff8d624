import type { EntityManager } from 'typeorm';
import { MAX_SQL_PARAMS, chunk, inList, placeholder, rowsPerStatement, valuesList } from './sql-values';

const on = (type: string): EntityManager =>
  ({ connection: { options: { type } } }) as unknown as EntityManager;

describe('sql-values', () => {
  it('writes VALUES lists with ? on SQLite and numbered parameters on PostgreSQL', () => {
    expect(valuesList(on('sqlite'), 2, 2)).toBe('(?, ?), (?, ?)');
    expect(valuesList(on('postgres'), 2, 2)).toBe('($1, $2), ($3, $4)');
    expect(inList(on('sqlite'), 3)).toBe('?, ?, ?');
    expect(inList(on('postgres'), 3)).toBe('$1, $2, $3');
    expect(placeholder(on('postgres'), 2)).toBe('$2');
  });

  it('keeps every statement under the parameter limit', () => {
    expect(rowsPerStatement(2) * 2).toBeLessThanOrEqual(MAX_SQL_PARAMS);
    expect(rowsPerStatement(3) * 3).toBeLessThanOrEqual(MAX_SQL_PARAMS);
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
