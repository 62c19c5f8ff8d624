import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import { EntityNotFoundError, QueryFailedError } from 'typeorm';
import { AllExceptionsFilter, toApiError } from './all-exceptions.filter';
import { validationFailed } from './validation';

function sqliteError(message: string): QueryFailedError {
  return new QueryFailedError(
    'INSERT …',
    [],
    Object.assign(new Error(message), { code: 'SQLITE_CONSTRAINT' }),
  );
}

describe('toApiError', () => {
  it('keeps Nest exceptions, shaped', () => {
    expect(toApiError(new NotFoundException('Clipping 9 not found')).body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Clipping 9 not found',
    });
    expect(toApiError(new ConflictException()).body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'Conflict',
    });
  });

  it('passes validation details through', () => {
    const { body } = toApiError(validationFailed([{ field: 'issueDate', errors: ['bad'] }]));
    expect(body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Validation failed: issueDate',
      details: [{ field: 'issueDate', errors: ['bad'] }],
    });
  });

  it('joins array messages', () => {
    expect(toApiError(new BadRequestException(['a', 'b'])).body.message).toBe('a; b');
  });

  it('maps unique violations of SQLite and PostgreSQL to 409', () => {
    expect(
      toApiError(sqliteError('SQLITE_CONSTRAINT: UNIQUE constraint failed: publication.name')).body
        .statusCode,
    ).toBe(409);
    const pg = new QueryFailedError(
      'INSERT …',
      [],
      Object.assign(new Error('duplicate key'), { code: '23505' }),
    );
    expect(toApiError(pg).body).toMatchObject({ statusCode: 409, error: 'Conflict' });
  });

  it('maps FK violations to 409 on DELETE and 400 otherwise', () => {
    const fk = sqliteError('SQLITE_CONSTRAINT: FOREIGN KEY constraint failed');
    expect(toApiError(fk, 'DELETE').body.statusCode).toBe(409);
    expect(toApiError(fk, 'POST').body.statusCode).toBe(400);
    const pg = new QueryFailedError(
      'DELETE …',
      [],
      Object.assign(new Error('violates fk'), { code: '23503' }),
    );
    expect(toApiError(pg, 'DELETE').body.statusCode).toBe(409);
  });

  it('maps CHECK / NOT NULL violations to 400', () => {
    expect(
      toApiError(sqliteError('SQLITE_CONSTRAINT: CHECK constraint failed: ck_clipping_kind')).body.statusCode,
    ).toBe(400);
    expect(
      toApiError(sqliteError('SQLITE_CONSTRAINT: NOT NULL constraint failed: clipping.body')).body.statusCode,
    ).toBe(400);
  });

  it('maps EntityNotFound to 404 and malformed JSON to 400', () => {
    expect(toApiError(new EntityNotFoundError('ClippingEntity', { id: 1 })).body.statusCode).toBe(404);
    const parse = Object.assign(new SyntaxError('Unexpected token'), {
      status: 400,
      type: 'entity.parse.failed',
    });
    expect(toApiError(parse).body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Malformed JSON in the request body',
    });
  });

  it('turns anything else into a 500 without details, flagged for logging', () => {
    const result = toApiError(new Error('secret internals at /srv/app.js:1'));
    expect(result).toEqual({
      body: { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' },
      internal: true,
    });
  });
});

describe('AllExceptionsFilter', () => {
  it('writes the shaped body and never the stack', () => {
    const json = jest.fn();
    const response = { headersSent: false, status: jest.fn(() => ({ json })) };
    const host = {
      switchToHttp: () => ({
        getRequest: () => ({ method: 'GET', originalUrl: '/api/x' }),
        getResponse: () => response,
      }),
    };
    const filter = new AllExceptionsFilter();
    jest.spyOn(filter['logger'], 'error').mockImplementation(() => undefined);
    filter.catch(new Error('boom'), host as never);
    expect(response.status).toHaveBeenCalledWith(500);
    expect(json).toHaveBeenCalledWith({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal server error',
    });
  });
});
