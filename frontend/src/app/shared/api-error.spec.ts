import { HttpErrorResponse } from '@angular/common/http';
import { describeApiError, fieldErrorsOf, partitionFieldErrors, rootField, toApiError } from './api-error';
import { interpolate } from './i18n/i18n';
import { EN, type MessageKey } from './i18n/messages';

const en = (key: MessageKey, params?: Record<string, string | number>): string =>
  interpolate(EN[key], params);

describe('toApiError', () => {
  it('keeps the API error shape as is', () => {
    const details = [{ field: 'issueDate', errors: ['issueDate must be YYYY-MM-DD'] }];
    const e = toApiError(
      new HttpErrorResponse({
        status: 400,
        statusText: 'Bad Request',
        error: { statusCode: 400, error: 'Bad Request', message: 'Validation failed', details },
      }),
    );
    expect(e).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Validation failed', details });
  });

  it('joins an array message (Nest default) and parses a JSON string body', () => {
    const arr = toApiError(
      new HttpErrorResponse({
        status: 400,
        error: { statusCode: 400, message: ['a', 'b'], error: 'Bad Request' },
      }),
    );
    expect(arr.message).toBe('a; b');
    const str = toApiError(
      new HttpErrorResponse({ status: 409, error: '{"statusCode":409,"error":"Conflict","message":"dup"}' }),
    );
    expect(str).toEqual({ statusCode: 409, error: 'Conflict', message: 'dup' });
  });

  it('normalises a network failure and a non-JSON body', () => {
    expect(
      toApiError(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') })).statusCode,
    ).toBe(0);
    const html = toApiError(
      new HttpErrorResponse({ status: 502, statusText: 'Bad Gateway', error: '<html>' }),
    );
    expect(html).toEqual({ statusCode: 502, error: 'Bad Gateway', message: 'Bad Gateway' });
  });

  it('handles thrown errors and anything else', () => {
    expect(toApiError(new TypeError('boom'))).toEqual({ statusCode: 0, error: 'TypeError', message: 'boom' });
    expect(toApiError('weird').message).toBe('weird');
  });
});

describe('fieldErrorsOf', () => {
  it('groups details by top-level field and ignores malformed entries', () => {
    const errors = fieldErrorsOf(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'x',
        details: [
          {
            field: 'pageLabel',
            errors: ['pageLabel should not be empty'],
            constraints: [{ constraint: 'isNotEmpty' }],
          },
          { field: 'subheads.1', errors: ['each value in subheads must be a string'] },
          {
            field: 'subheads[2]',
            errors: ['too long'],
            constraints: [{ constraint: 'maxLength', max: 500 }],
          },
          { field: 42, errors: ['ignored'] },
          { field: 'body', errors: [] },
          'junk',
        ],
      },
      en,
    );
    expect(errors).toEqual({
      pageLabel: ['Page must not be empty.'],
      subheads: [
        'Subheads (one per line): each value in subheads must be a string',
        'Subheads (one per line): at most 500 characters.',
      ],
    });
  });

  it('is empty without details', () => {
    expect(fieldErrorsOf({ statusCode: 404, error: 'Not Found', message: 'gone' }, en)).toEqual({});
  });

  it('rootField strips paths', () => {
    expect(rootField('a.b.c')).toBe('a');
    expect(rootField('x[0]')).toBe('x');
    expect(rootField('plain')).toBe('plain');
  });
});

describe('partitionFieldErrors', () => {
  it('splits errors for known controls from the rest', () => {
    expect(partitionFieldErrors({ title: ['t'], tagIds: ['bad tag'] }, ['title', 'body'])).toEqual({
      byControl: { title: ['t'] },
      other: ['bad tag'],
    });
  });
});

describe('describeApiError', () => {
  const e = (statusCode: number, details?: unknown) => ({ statusCode, error: 'E', message: 'msg', details });
  it('picks a sentence by status', () => {
    expect(describeApiError(e(0)).key).toBe('error.network');
    expect(describeApiError(e(404)).key).toBe('error.notFound');
    expect(describeApiError(e(409))).toEqual({ key: 'error.conflictPlain', params: { message: 'msg' } });
    expect(describeApiError({ ...e(409), message: '至少需要保留一名管理员' }).key).toBe('error.conflict');
    expect(describeApiError(e(400, [{ field: 'a', errors: ['b'] }])).key).toBe('error.validation');
    expect(describeApiError(e(400))).toEqual({
      key: 'error.genericPlain',
      params: { status: 400, message: 'msg' },
    });
    expect(describeApiError(e(503)).key).toBe('error.serverPlain');
  });
});
