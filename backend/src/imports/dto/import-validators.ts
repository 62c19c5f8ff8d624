import { type ValidationOptions, registerDecorator } from 'class-validator';
import { MAX_PAGE_BYTES } from '../page-text';
import { normalizePageLabel } from '@jianbao/contracts';

function decorator(
  name: string,
  message: (property: string) => string,
  validate: (value: unknown) => boolean,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: message(String(propertyName)), ...options },
      validator: { validate },
    });
  };
}

/** A page label the parser can read: `2`, `A3`, `第三版`, `3A版`. */
export function IsPageLabel(options?: ValidationOptions): PropertyDecorator {
  return decorator(
    'isPageLabel',
    (p) => `${p} must be a page label such as 2, A3 or 第三版`,
    (v) => typeof v === 'string' && v.length <= 50 && normalizePageLabel(v) !== null,
    options,
  );
}

/** Page text with something in it, at most {@link MAX_PAGE_BYTES} bytes of UTF-8. */
export function IsPageText(options?: ValidationOptions): PropertyDecorator {
  return decorator(
    'isPageText',
    (p) => `${p} must be non-blank page text of at most 2 MB (${MAX_PAGE_BYTES} bytes of UTF-8)`,
    (v) =>
      typeof v === 'string' &&
      v.trim().length > 0 &&
      // Cheap bound first: a UTF-8 character takes at most 3 bytes per UTF-16 unit.
      (v.length * 3 <= MAX_PAGE_BYTES || Buffer.byteLength(v, 'utf8') <= MAX_PAGE_BYTES),
    options,
  );
}

/** True when every clipping's `lines` are lines of `text` (numbered as pageLines numbers them). */
export function linesWithinPage(clippings: unknown, text: unknown): boolean {
  if (!Array.isArray(clippings) || typeof text !== 'string') return true;
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count += 1;
  return clippings.every((c: unknown) => {
    const lines = typeof c === 'object' && c !== null ? (c as { lines?: unknown }).lines : undefined;
    return !Array.isArray(lines) || lines.every((n) => typeof n !== 'number' || n < count);
  });
}

/** The clippings' `lines` point into the page `text` of the same body, none past its end. */
export function LinesWithinPage(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'linesWithinPage',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} name lines past the end of the page text`, ...options },
      validator: {
        validate: (value: unknown, args) => linesWithinPage(value, (args?.object as { text?: unknown }).text),
      },
    });
  };
}
