import { type ValidationOptions, registerDecorator } from 'class-validator';
import { latestIssueDate } from '@jianbao/contracts';

/** True for a real calendar date written `YYYY-MM-DD` (`2024-02-29` yes, `2023-02-29` and `2024-13-45` no). */
export function isIsoCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Validates a `YYYY-MM-DD` string that is a real date. */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a real date written YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => isIsoCalendarDate(value) },
    });
  };
}

/**
 * An issue date no later than {@link latestIssueDate} (one year after today): a date further ahead is a
 * typo, refused with the constraint `issueDateRange`. Dates before 1900 are accepted (old papers are
 * archived too); the UI warns about them before saving.
 */
export function IsIssueDate(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    IsIsoDate()(target, propertyName);
    registerDecorator({
      name: 'issueDateRange',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: () =>
          `${String(propertyName)} must not be after ${latestIssueDate(new Date())} (one year from today)`,
      },
      validator: {
        validate: (value: unknown) => !isIsoCalendarDate(value) || value <= latestIssueDate(new Date()),
      },
    });
  };
}
