import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { ApiError } from '@jianbao/contracts';
import { EntityNotFoundError } from 'typeorm';
import { classifyDatabaseError } from '../database/database-error';

function reasonPhrase(status: number): string {
  const name = HttpStatus[status];
  if (typeof name !== 'string') return status >= 500 ? 'Internal Server Error' : 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fromHttpException(exception: HttpException): ApiError {
  const statusCode = exception.getStatus();
  const body = exception.getResponse();
  const error = reasonPhrase(statusCode);
  if (!isRecord(body)) return { statusCode, error, message: String(body) };
  const raw = body['message'];
  const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : exception.message;
  const result: ApiError = {
    statusCode,
    error: typeof body['error'] === 'string' ? body['error'] : error,
    message,
  };
  if (body['details'] !== undefined) result.details = body['details'];
  return result;
}

/** Express/body-parser errors carry `status`/`type` (e.g. `entity.parse.failed` for malformed JSON). */
function fromBodyParser(exception: unknown): ApiError | null {
  if (!isRecord(exception) || typeof exception['type'] !== 'string') return null;
  const status = exception['status'] ?? exception['statusCode'];
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  const message =
    exception['type'] === 'entity.parse.failed'
      ? 'Malformed JSON in the request body'
      : typeof exception['message'] === 'string'
        ? exception['message']
        : reasonPhrase(status);
  return { statusCode: status, error: reasonPhrase(status), message };
}

/**
 * Maps anything thrown while handling a request to the API's one error shape. `method` decides what a
 * foreign-key violation means: on DELETE the row is still referenced (409), otherwise the input
 * pointed at something missing (400). Returns `internal: true` when the error is a bug to be logged.
 */
export function toApiError(exception: unknown, method = 'GET'): { body: ApiError; internal: boolean } {
  if (exception instanceof HttpException) return { body: fromHttpException(exception), internal: false };
  if (exception instanceof EntityNotFoundError) {
    return { body: { statusCode: 404, error: 'Not Found', message: 'Not found' }, internal: false };
  }
  const parsed = fromBodyParser(exception);
  if (parsed) return { body: parsed, internal: false };
  switch (classifyDatabaseError(exception)) {
    case 'unique':
      return {
        body: {
          statusCode: 409,
          error: 'Conflict',
          message: 'A record with the same unique value already exists',
        },
        internal: false,
      };
    case 'foreign-key':
      return method === 'DELETE'
        ? {
            body: {
              statusCode: 409,
              error: 'Conflict',
              message: 'The record is still referenced by other records',
            },
            internal: false,
          }
        : {
            body: { statusCode: 400, error: 'Bad Request', message: 'A referenced record does not exist' },
            internal: false,
          };
    case 'not-null':
    case 'check':
      return {
        body: { statusCode: 400, error: 'Bad Request', message: 'The request breaks a data constraint' },
        internal: false,
      };
    case 'invalid-value':
      return {
        body: { statusCode: 400, error: 'Bad Request', message: 'A value is out of range for the database' },
        internal: false,
      };
    case 'other':
      return {
        body: { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' },
        internal: true,
      };
  }
}

/** The little of Express's request/response the filter needs (no @types/express in this workspace). */
interface HttpRequestLike {
  method: string;
  originalUrl: string;
}
interface HttpResponseLike {
  headersSent: boolean;
  status(code: number): { json(body: unknown): unknown };
}

/** The one global exception filter: every error leaves as `{ statusCode, error, message, details? }`, no stack. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<HttpRequestLike>();
    const response = http.getResponse<HttpResponseLike>();
    const { body, internal } = toApiError(exception, request.method);
    if (internal) {
      const stack = exception instanceof Error ? exception.stack : String(exception);
      this.logger.error(`${request.method} ${request.originalUrl} failed`, stack);
    } else if (
      body.statusCode === 409 ||
      (body.statusCode === 400 && !(exception instanceof HttpException))
    ) {
      this.logger.warn(
        `${request.method} ${request.originalUrl}: ${exception instanceof Error ? exception.message : ''}`,
      );
    }
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }
}
