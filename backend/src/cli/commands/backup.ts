import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CliCommand, CliIo } from './command';
import { checkDatabaseFile, SqliteFile, parseFileCommand } from './sqlite-file';

const USAGE =
  'usage: backup FILE [--force]\n' +
  '  writes a consistent copy of the SQLite database (DATABASE_PATH) to FILE while the server runs\n' +
  '  (VACUUM INTO on its own read transaction), then checks the copy; --force replaces an existing FILE';

/** Flushes a written file to disk. */
function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * `backup FILE`: an online, consistent copy. `VACUUM INTO` reads the database in one read transaction
 * on its own connection — in WAL mode that never blocks the server's writes, and the copy is the
 * snapshot as of its start (committed transactions only, WAL content included). The copy goes to a
 * temporary file next to FILE, is fsynced and checked (`integrity_check`, migrations present), then
 * renamed into place.
 */
export async function runBackup(
  args: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const parsed = parseFileCommand('backup', USAGE, args, io, env);
  if (typeof parsed === 'number') return parsed;
  const { file: target, db, force } = parsed;
  if (!existsSync(db.path)) {
    io.stderr(`backup: no database at ${db.path} (DATABASE_PATH)\n`);
    return 1;
  }
  if (existsSync(target) && !force) {
    io.stderr(`backup: ${target} exists; pass --force to replace it\n`);
    return 1;
  }
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.partial-${process.pid}`;
  rmSync(temp, { force: true });
  const started = Date.now();
  try {
    const source = await SqliteFile.open(db.path, 'readonly');
    try {
      await source.run('VACUUM INTO ?', [temp]);
    } finally {
      await source.close();
    }
    fsyncFile(temp);
    const check = await checkDatabaseFile(temp);
    renameSync(temp, target);
    const bytes = statSync(target).size;
    io.stdout(
      `backup: wrote ${target} (${(bytes / 1024 / 1024).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s) ` +
        `from ${db.path}: integrity ok, ${check.migrations} migrations (last ${check.lastMigration}), ` +
        `${check.clippings} clippings, ${check.imports} imports\n`,
    );
    return 0;
  } catch (e) {
    rmSync(temp, { force: true });
    io.stderr(`backup: failed: ${(e as Error).message}\n`);
    return 1;
  }
}

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'copy the SQLite database consistently while the server runs (backup FILE [--force])',
  run: (args, io) => runBackup(args, io),
};
