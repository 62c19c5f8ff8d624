/**
 * Helpers of `backup` and `restore` on SQLite files, on their own sqlite3 connections (not TypeORM's):
 * open, check, copy online, and find processes that hold the database open.
 */
import { readdirSync, readlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sqlite3 from 'sqlite3';
import { type AppConfig, ConfigError, loadConfig } from '../../config/app-config';
import { type CliIo, EXIT_USAGE } from './command';

/** A tiny promise wrapper over one sqlite3 connection. */
export class SqliteFile {
  private constructor(private readonly db: sqlite3.Database) {}

  static open(path: string, mode: 'readonly' | 'readwrite' = 'readonly'): Promise<SqliteFile> {
    const flags = mode === 'readonly' ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE;
    return new Promise((done, fail) => {
      const db = new sqlite3.Database(path, flags, (err) => {
        if (err) return fail(err);
        db.configure('busyTimeout', 10_000);
        done(new SqliteFile(db));
      });
    });
  }

  all<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return new Promise((done, fail) => {
      this.db.all(sql, params, (err, rows) => (err ? fail(err) : done(rows as T[])));
    });
  }

  run(sql: string, params: unknown[] = []): Promise<void> {
    return new Promise((done, fail) => {
      this.db.run(sql, params, (err) => (err ? fail(err) : done()));
    });
  }

  close(): Promise<void> {
    return new Promise((done, fail) => {
      this.db.close((err) => (err ? fail(err) : done()));
    });
  }
}

/** What a checked database file holds. */
export interface DatabaseCheck {
  migrations: number;
  lastMigration: string | null;
  clippings: number;
  imports: number;
}

const FTS5_READ_ONLY =
  /^unable to validate the inverted index for FTS5 table .*: attempt to write a readonly database$/;

/**
 * Checks that `path` is a sound archive database: `PRAGMA integrity_check` answers ok and the
 * migrations table is present and not empty. Throws an Error naming the problem.
 */
export async function checkDatabaseFile(path: string): Promise<DatabaseCheck> {
  let db: SqliteFile;
  try {
    db = await SqliteFile.open(path, 'readonly');
  } catch (e) {
    throw new Error(`${path} cannot be opened as SQLite (${(e as Error).message})`);
  }
  try {
    let integrity: { integrity_check: string }[];
    try {
      integrity = await db.all<{ integrity_check: string }>('PRAGMA integrity_check');
    } catch (e) {
      throw new Error(`${path} is not a SQLite database (${(e as Error).message})`);
    }
    let problems = integrity.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length > 0 && problems.every((p) => FTS5_READ_ONLY.test(p))) {
      // SQLite 3.44's FTS5 cannot check its index on a read-only connection (the search index): again, writable.
      const writable = await SqliteFile.open(path, 'readwrite');
      try {
        const again = await writable.all<{ integrity_check: string }>('PRAGMA integrity_check');
        problems = again.map((r) => r.integrity_check).filter((r) => r !== 'ok');
      } finally {
        await writable.close();
      }
    }
    if (integrity.length === 0 || problems.length > 0) {
      throw new Error(`${path} fails PRAGMA integrity_check: ${problems.slice(0, 5).join('; ')}`);
    }
    const table = await db.all(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'typeorm_migrations'",
    );
    if (table.length === 0) throw new Error(`${path} has no typeorm_migrations table: not a 剪报 database`);
    const migrations = await db.all<{ name: string }>('SELECT name FROM typeorm_migrations ORDER BY id');
    if (migrations.length === 0) throw new Error(`${path} has no applied migrations: not a 剪报 database`);
    const count = async (name: string): Promise<number> => {
      const exists = await db.all("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]);
      if (exists.length === 0) return 0;
      const [row] = await db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM "${name}"`);
      return row?.n ?? 0;
    };
    return {
      migrations: migrations.length,
      lastMigration: migrations[migrations.length - 1]?.name ?? null,
      clippings: await count('clipping'),
      imports: await count('page_import'),
    };
  } finally {
    await db.close();
  }
}

/**
 * The SQLite database path of the configuration, or an exit code after printing why there is none:
 * a bad configuration (1), or PostgreSQL, which has its own tools (1).
 */
export function sqliteDatabasePath(
  io: CliIo,
  command: string,
  env: NodeJS.ProcessEnv,
): { path: string; config: AppConfig } | number {
  let config: AppConfig;
  try {
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`${command}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  if (config.dbType === 'postgres') {
    const tool = command === 'backup' ? 'pg_dump --format=custom' : 'pg_restore --clean --if-exists';
    io.stderr(
      `${command}: DB_TYPE=postgres — ${command} handles SQLite files only; use PostgreSQL's own tools, ` +
        `e.g. \`${tool} …\` against DATABASE_URL\n`,
    );
    return 1;
  }
  return { path: resolve(config.databasePath), config };
}

/**
 * Other processes that hold `dbPath` (or its -wal/-shm) open, from /proc/<pid>/fd (Linux). Answers
 * null where /proc is not available, so the caller can say it could not check.
 */
export function processesUsing(dbPath: string): number[] | null {
  const targets = new Set([dbPath, `${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-journal`]);
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  const found: number[] = [];
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or another user's process (which cannot hold our file open for writing anyway)
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      if (targets.has(target)) {
        found.push(Number(pid));
        break;
      }
    }
  }
  return found;
}

/** `2026-11-23T14-05-09Z`: a timestamp fit for a file name. */
export function fileStamp(date = new Date()): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
}

/** What `backup FILE` and `restore FILE` both start from: the other file, the database, --force. */
export interface FileCommandArgs {
  /** FILE, resolved. */
  file: string;
  db: { path: string; config: AppConfig };
  force: boolean;
}

/**
 * Parses `COMMAND FILE [--force] [--help]` and finds the SQLite database; answers an exit code
 * (after printing why) when there is nothing to do: help, bad arguments, PostgreSQL, FILE being the
 * database itself.
 */
export function parseFileCommand(
  command: string,
  usage: string,
  args: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv,
): FileCommandArgs | number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    io.stderr(`${command}: ${(e as Error).message}\n${usage}\n`);
    return EXIT_USAGE;
  }
  if (parsed.values.help) {
    io.stdout(`${usage}\n`);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    io.stderr(`${command}: exactly one FILE expected\n${usage}\n`);
    return EXIT_USAGE;
  }
  const db = sqliteDatabasePath(io, command, env);
  if (typeof db === 'number') return db;
  const file = resolve(parsed.positionals[0] ?? '');
  if (file === db.path) {
    io.stderr(`${command}: FILE is the database itself\n`);
    return EXIT_USAGE;
  }
  return { file, db, force: parsed.values.force === true };
}
