import type { EntityManager } from 'typeorm';
import {
  MAX_SQL_PARAMS,
  atOnce,
  chunk,
  inList,
  placeholder,
  rowsPerStatement,
  valuesList,
} from './sql-values';

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

  it('runs steps together on SQLite and, when one fails, rejects only after every step has ended', async () => {
    const events: string[] = [];
    const slow = async (): Promise<string> => {
      events.push('slow started');
      await new Promise((resolve) => setTimeout(resolve, 30));
      events.push('slow ended');
      return 'slow';
    };
    const failing = async (): Promise<string> => {
      events.push('failing started');
      await Promise.resolve();
      throw new Error('boom');
    };
    await expect(atOnce(on('sqlite'), slow, failing)).rejects.toThrow('boom');
    events.push('rejected');
    expect(events).toEqual(['slow started', 'failing started', 'slow ended', 'rejected']);
    await expect(atOnce(on('sqlite'), slow, slow)).resolves.toEqual(['slow', 'slow']);
  });

  it('runs steps one after another, in order, on PostgreSQL', async () => {
    const events: string[] = [];
    const step = (name: string) => async (): Promise<string> => {
      events.push(`${name} started`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(`${name} ended`);
      return name;
    };
    await expect(atOnce(on('postgres'), step('a'), step('b'))).resolves.toEqual(['a', 'b']);
    expect(events).toEqual(['a started', 'a ended', 'b started', 'b ended']);
  });
});
