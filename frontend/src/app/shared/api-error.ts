import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError } from '@jianbao/contracts';
import type { MessageKey } from './i18n/messages';
import type { MessageParams } from './i18n/i18n';
import { type Translate, describeFieldError } from './field-error-text';

/** Server-side validation messages per form field, in the UI's language (`details` of a 400). */
export type FieldErrors = Partial<Record<string, string[]>>;

/** A translatable sentence describing an error: feed it to `I18n.t(key, params)`. */
export interface ErrorText {
  key: MessageKey;
  params: MessageParams;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf(value: unknown): string | null {
  if (typeof value === 'string' && value.trim()) return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string') && value.length)
    return value.join('; ');
  return null;
}

/**
 * Any failure of an HttpClient call → the API's error shape `{ statusCode, error, message, details? }`.
 * Bodies that are not that shape (a proxy's HTML page, a network failure, a thrown Error) are
 * normalised too, so callers handle exactly one type.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof HttpErrorResponse) {
    const body: unknown = typeof error.error === 'string' ? tryParseJson(error.error) : error.error;
    if (isRecord(body)) {
      const statusCode = typeof body['statusCode'] === 'number' ? body['statusCode'] : error.status;
      const result: ApiError = {
        statusCode,
        error: typeof body['error'] === 'string' ? body['error'] : error.statusText || 'Error',
        message: messageOf(body['message']) ?? error.statusText ?? error.message,
      };
      if (body['details'] !== undefined) result.details = body['details'];
      return result;
    }
    return {
      statusCode: error.status,
      error: error.status === 0 ? 'Network Error' : error.statusText || 'Error',
      message: error.status === 0 ? 'The server could not be reached.' : error.statusText || error.message,
    };
  }
  if (error instanceof Error) return { statusCode: 0, error: error.name, message: error.message };
  return { statusCode: 0, error: 'Error', message: String(error) };
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** `issueDate`, `subheads.0`, `subheads[0]`, `body.title` → the top-level field a form control is named after. */
export function rootField(field: string): string {
  return field.split(/[.[]/, 1)[0] ?? field;
}

/**
 * Validation details of a 400 in the UI's language (`t` is `I18n.t`: each constraint becomes a
 * catalogue sentence naming the field), grouped by top-level field; empty when there are none or they
 * are malformed. The server's English never shows in Chinese.
 */
export function fieldErrorsOf(error: ApiError, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  if (!Array.isArray(error.details)) return out;
  for (const entry of error.details as unknown[]) {
    if (!isRecord(entry) || typeof entry['field'] !== 'string') continue;
    const raw = entry['errors'];
    const messages = Array.isArray(raw) ? raw.filter((m): m is string => typeof m === 'string') : [];
    if (!messages.length) continue;
    const key = rootField(entry['field']);
    out[key] = [
      ...(out[key] ?? []),
      ...describeFieldError(entry['field'], messages, entry['constraints'], t),
    ];
  }
  return out;
}

/** Split field errors into those a form can show beside a control and the rest (shown at the top; they name their field). */
export function partitionFieldErrors(
  errors: FieldErrors,
  controls: readonly string[],
): { byControl: FieldErrors; other: string[] } {
  const byControl: FieldErrors = {};
  const other: string[] = [];
  for (const [field, messages = []] of Object.entries(errors)) {
    if (controls.includes(field)) byControl[field] = messages;
    else other.push(...messages);
  }
  return { byControl, other };
}

const HAN = /\p{Script=Han}/u;

/** True when a 400 carries at least one well-formed field detail. */
export function hasFieldDetails(error: ApiError): boolean {
  return Object.keys(fieldErrorsOf(error, (key) => key)).length > 0;
}

/** "Request failed (status)" with the server's reason: shown when worded in Chinese, else only in English. */
export function reasonError(status: number, message: string): ErrorText {
  return { key: HAN.test(message) ? 'error.generic' : 'error.genericPlain', params: { status, message } };
}

/** The sentence to show at the top of a page for an error nothing more specific handled. */
export function describeApiError(error: ApiError): ErrorText {
  const { statusCode: status, message } = error;
  if (status === 0) return { key: 'error.network', params: {} };
  if (status === 404) return { key: 'error.notFound', params: {} };
  // Messages the server words in Chinese are shown; its English ones only in the English UI (…Plain keys).
  const said = HAN.test(message);
  if (status === 409) return { key: said ? 'error.conflict' : 'error.conflictPlain', params: { message } };
  if (status === 400 && hasFieldDetails(error)) return { key: 'error.validation', params: {} };
  if (status >= 500) return { key: said ? 'error.server' : 'error.serverPlain', params: { status, message } };
  return reasonError(status, message);
}
