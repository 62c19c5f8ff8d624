/** What a driver error means for the client, independent of the database engine. */
export type DatabaseErrorKind = 'unique' | 'foreign-key' | 'not-null' | 'check' | 'invalid-value' | 'other';

function field(error: unknown, key: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[key] : undefined;
}

/**
 * Classifies an error thrown by the sqlite3 or pg driver (TypeORM wraps it in a QueryFailedError that
 * copies the driver's `code`/`message`): SQLite `SQLITE_CONSTRAINT` + message, PostgreSQL SQLSTATE 23xxx.
 * PostgreSQL's class 22 "data exception" (an id beyond `integer`, a NUL character in text…) is a value
 * the database cannot hold — bad input, where SQLite would have stored it.
 */
export function classifyDatabaseError(error: unknown): DatabaseErrorKind {
  const driverError = field(error, 'driverError') ?? error;
  const code = field(driverError, 'code') ?? field(error, 'code');
  const message = String(field(driverError, 'message') ?? field(error, 'message') ?? '');
  if (code === '23505') return 'unique';
  if (code === '23503') return 'foreign-key';
  if (code === '23502') return 'not-null';
  if (code === '23514') return 'check';
  if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return 'invalid-value';
  if (code === 'SQLITE_CONSTRAINT' || message.includes('SQLITE_CONSTRAINT')) {
    if (/UNIQUE|PRIMARY KEY/.test(message)) return 'unique';
    if (/FOREIGN KEY/.test(message)) return 'foreign-key';
    if (/NOT NULL/.test(message)) return 'not-null';
    if (/CHECK/.test(message)) return 'check';
  }
  return 'other';
}
