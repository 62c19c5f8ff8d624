import type { ValueTransformer } from 'typeorm';

/** JSON stored in a TEXT column (portable across SQLite and PostgreSQL); SQL NULL stays null. */
export const jsonText: ValueTransformer = {
  to: (value: unknown): string | null | undefined =>
    value === undefined ? undefined : value === null ? null : JSON.stringify(value),
  from: (value: unknown): unknown => (typeof value === 'string' ? (JSON.parse(value) as unknown) : null),
};
