import { isUtf8 } from 'node:buffer';
import { toApiError } from './all-exceptions.filter';

interface ResponseLike {
  headersSent: boolean;
  status(code: number): { json(body: unknown): unknown };
}

/**
 * Express error middleware for body-parser failures (malformed JSON → 400, too large → 413). Registered
 * right after the parsers because @nestjs/serve-static's error middleware turns any error on an excluded
 * (`/api`) route into a 404, and body-parser errors never reach Nest's exception filters.
 */
export function bodyParseErrorHandler(
  error: unknown,
  request: { method: string },
  response: ResponseLike,
  next: (error?: unknown) => void,
): void {
  const isParserError = typeof error === 'object' && error !== null && 'type' in error && 'status' in error;
  if (!isParserError || response.headersSent) {
    next(error);
    return;
  }
  const { body } = toApiError(error, request.method);
  response.status(body.statusCode).json(body);
}

interface RequestWithHeaders {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

/** True for the media types the body parsers read: JSON (`application/json`, `…+json`) and urlencoded forms. */
export function isParsedMediaType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    type === 'application/json' || type.endsWith('+json') || type === 'application/x-www-form-urlencoded'
  );
}

/**
 * Express middleware answering 415 for a request body the parsers do not read (text/plain, XML, none
 * declared): otherwise it would reach the handler as `{}`, and a PATCH would "succeed" changing nothing.
 */
export function unsupportedMediaTypeHandler(
  request: RequestWithHeaders,
  response: ResponseLike,
  next: () => void,
): void {
  const length = Number(request.headers['content-length'] ?? 0);
  const hasBody = length > 0 || request.headers['transfer-encoding'] !== undefined;
  const contentType = request.headers['content-type'];
  if (!hasBody || isParsedMediaType(typeof contentType === 'string' ? contentType : undefined)) {
    next();
    return;
  }
  response.status(415).json({
    statusCode: 415,
    error: 'Unsupported Media Type',
    message: 'Send the request body as application/json',
  });
}

/**
 * body-parser `verify` hook: refuses a body that is not valid UTF-8 (e.g. bytes C3 28 or FF) with a 400,
 * where the decoder would otherwise store U+FFFD in place of the bad bytes without a word.
 */
export function rejectInvalidUtf8(_request: unknown, _response: unknown, body: Buffer): void {
  if (!isUtf8(body)) {
    throw Object.assign(new Error('The request body is not valid UTF-8'), {
      status: 400,
      type: 'entity.verify.failed',
    });
  }
}
