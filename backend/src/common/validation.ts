import { BadRequestException, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

/** One invalid field of a request body or query string. */
export interface FieldError {
  field: string;
  errors: string[];
}

/** Flattens class-validator's tree into `{ field: 'a.b.0', errors }` entries, one per invalid field. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) out.push({ field, errors: messages });
    if (error.children && error.children.length > 0)
      out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** Invalid known fields first, then unknown ones (class-validator reports the unknown ones first). */
export function knownFieldsFirst(details: FieldError[]): FieldError[] {
  const unknown = (d: FieldError): boolean => d.errors.every((e) => e.endsWith(' should not exist'));
  return [...details.filter((d) => !unknown(d)), ...details.filter(unknown)];
}

/** The 400 every invalid input answers: the message names every bad field, `details` says why. */
export function validationFailed(details: FieldError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `Validation failed: ${details.map((d) => d.field).join(', ')}`,
    details,
  });
}

/** The global pipe: strip nothing silently — unknown fields are errors — and convert query strings. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(knownFieldsFirst(flattenValidationErrors(errors))),
  });
}
