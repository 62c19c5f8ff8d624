import { type ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { type FieldConstraint, type FieldErrorDetail, latestIssueDate } from '@jianbao/contracts';
import { type ValidationError, getMetadataStorage, validate } from 'class-validator';

/** One invalid field of a request body or query string (`constraints` where the rule is known). */
export type FieldError = FieldErrorDetail;

type Params = Omit<FieldConstraint, 'constraint'>;

function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** A class-validator constraint's arguments → named parameters the UI can put into its own sentence. */
const PARAMS: Partial<Record<string, (args: readonly unknown[]) => Params>> = {
  maxLength: ([max]) => ({ max: num(max) }),
  minLength: ([min]) => ({ min: num(min) }),
  isLength: ([min, max]) => ({ min: num(min), max: num(max) }),
  max: ([max]) => ({ max: num(max) }),
  min: ([min]) => ({ min: num(min) }),
  arrayMaxSize: ([max]) => ({ max: num(max) }),
  arrayMinSize: ([min]) => ({ min: num(min) }),
  maxUtf8Bytes: ([max]) => ({ max: num(max) }),
  isIn: ([values]) => ({
    values: Array.isArray(values)
      ? values.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
      : undefined,
  }),
  issueDateRange: () => ({ max: latestIssueDate(new Date()) }),
};

/** Drops the parameters a constraint does not have, so the JSON carries no `undefined` noise. */
function compact(constraint: string, params: Params): FieldConstraint {
  const out: FieldConstraint = { constraint };
  for (const [key, value] of Object.entries(params) as [keyof Params, Params[keyof Params]][]) {
    if (value !== undefined) Object.assign(out, { [key]: value });
  }
  return out;
}

/**
 * The constraints an error names, with their parameters read from the validated class's metadata (the
 * error carries only English messages): `{ constraint: 'maxLength', max: 500 }`.
 */
export function constraintsOf(error: ValidationError): FieldConstraint[] {
  const names = Object.keys(error.constraints ?? {});
  const target = error.target;
  const metadata =
    target && names.length > 0
      ? getMetadataStorage()
          .getTargetValidationMetadatas(target.constructor, '', true, false)
          .filter((m) => m.propertyName === error.property)
      : [];
  return names.map((name) => {
    const args = metadata.find((m) => m.name === name)?.constraints ?? [];
    return compact(name, PARAMS[name]?.(args) ?? {});
  });
}

/** Flattens class-validator's tree into `{ field: 'a.b.0', errors, constraints }` entries, one per invalid field. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) out.push({ field, errors: messages, constraints: constraintsOf(error) });
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

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Field paths (`a.b.0`) of strings that cannot be stored as sent — a NUL byte (PostgreSQL refuses it) or
 * an unpaired UTF-16 surrogate (UTF-8 storage turns it into U+FFFD) — and of `__proto__` keys, which
 * the validation pipe would otherwise drop silently instead of reporting as unknown fields.
 */
export function unstorableInput(value: unknown, prefix = ''): FieldError[] {
  if (typeof value === 'string') {
    return value.includes('\u0000') || LONE_SURROGATE.test(value)
      ? [
          {
            field: prefix || 'value',
            errors: [`${prefix || 'value'} must not contain NUL bytes or unpaired surrogates`],
            constraints: [{ constraint: 'storable' }],
          },
        ]
      : [];
  }
  if (typeof value !== 'object' || value === null) return [];
  const out: FieldError[] = [];
  for (const key of Object.keys(value)) {
    const field = prefix ? `${prefix}.${key}` : key;
    if (key === '__proto__')
      out.push({
        field,
        errors: [`property ${key} should not exist`],
        constraints: [{ constraint: 'whitelistValidation' }],
      });
    else out.push(...unstorableInput((value as Record<string, unknown>)[key], field));
  }
  return out;
}

/**
 * The global pipe: strip nothing silently — unknown fields are errors — and convert query strings. Path
 * parameters are left as the strings they came as, for their own pipe (ParseIdPipe) to judge: the
 * default conversion would turn `1e2` into 100 and `0x10` into 16 first.
 */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const bad = unstorableInput(value, metadata.data ?? '');
      if (bad.length > 0) throw validationFailed(bad);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }

  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'param' ? value : super.transformPrimitive(value, metadata);
  }
}

/**
 * Validates a plain object as the global pipe validates a request (unknown fields are errors), for
 * input that arrives inside another one (a saved view's list query): a 400 naming `${prefix}.field`.
 */
export async function validateAs<T extends object>(
  cls: new () => T,
  plain: Record<string, unknown>,
  prefix: string,
): Promise<T> {
  const bad = unstorableInput(plain, prefix);
  if (bad.length > 0) throw validationFailed(bad);
  const instance = plainToInstance(cls, plain);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) throw validationFailed(knownFieldsFirst(flattenValidationErrors(errors, prefix)));
  return instance;
}

/** The one global validation pipe (see {@link AppValidationPipe}). */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target (the DTO instance) lets constraintsOf find each rule's parameters; it is never sent.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => validationFailed(knownFieldsFirst(flattenValidationErrors(errors))),
  });
}
