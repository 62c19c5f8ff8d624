import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { of, throwError } from 'rxjs';
import type { ErrorText } from './api-error';
import { loadById, type RecordState } from './load-by-id';

describe('loadById', () => {
  const state = (): RecordState<string> => ({
    value: signal<string | null>('旧的'),
    loading: signal(false),
    error: signal<ErrorText | null>(null),
  });

  it('answers "not found" without a request for an id that is not a positive integer', () => {
    for (const id of [undefined, '', 'abc', '0', '-3', '1.5', '99999999999999999999']) {
      const s = state();
      const fetch = jest.fn(() => of('x'));
      loadById(id, fetch, s);
      expect(fetch).not.toHaveBeenCalled();
      expect(s.value()).toBeNull();
      expect(s.error()).toEqual({ key: 'error.notFound', params: {} });
    }
  });

  it('clears the previous record, then shows the one fetched', () => {
    const s = state();
    const fetch = jest.fn((n: number) => of(`剪报 ${n}`));
    loadById('42', fetch, s);
    expect(fetch).toHaveBeenCalledWith(42);
    expect(s.value()).toBe('剪报 42');
    expect(s.loading()).toBe(false);
    expect(s.error()).toBeNull();
  });

  it('shows a failed request as an error in the UI language, not the server text', () => {
    const s = state();
    const failure = new HttpErrorResponse({
      status: 404,
      error: { statusCode: 404, error: 'Not Found', message: 'Clipping 7 not found' },
    });
    loadById('7', () => throwError(() => failure), s);
    expect(s.value()).toBeNull();
    expect(s.loading()).toBe(false);
    expect(s.error()?.key).toMatch(/^error\./);
  });
});
