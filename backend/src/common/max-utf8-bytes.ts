import { type ValidationOptions, registerDecorator } from 'class-validator';

/** The most text one field may hold: the size of the largest page an import accepts (2 MB of UTF-8). */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

/** True when `value` is a string of at most `max` bytes of UTF-8 (non-strings are left to @IsString). */
export function fitsUtf8Bytes(value: unknown, max: number): boolean {
  if (typeof value !== 'string') return true;
  // Cheap bound first: a UTF-8 character takes at most 3 bytes per UTF-16 unit.
  return value.length * 3 <= max || Buffer.byteLength(value, 'utf8') <= max;
}

/** Validates a string of at most `max` bytes of UTF-8 (default {@link MAX_TEXT_BYTES}). */
export function MaxUtf8Bytes(max = MAX_TEXT_BYTES, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'maxUtf8Bytes',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [max],
      options: { message: `${String(propertyName)} must be at most ${max} bytes of UTF-8`, ...options },
      validator: { validate: (value: unknown) => fitsUtf8Bytes(value, max) },
    });
  };
}
