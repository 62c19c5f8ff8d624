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
