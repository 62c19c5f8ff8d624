import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { CliCommand, CliIo } from './command';
import { checkDatabaseFile, fileStamp, processesUsing, SqliteFile, parseFileCommand } from './sqlite-file';

const USAGE =
  'usage: restore FILE\n' +
  '  puts a backup back as the SQLite database (DATABASE_PATH); refuses while any process (the server,\n' +
  '  an import) has the database open; keeps the current one as <db>.before-restore-<timestamp>';

function fsyncPath(path: string, flags = 'r'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * `restore FILE`. Whether the server runs is decided from the operating system, not from a pid file the
 * server might have left behind: every process that has the database, its -wal or its -shm open is
 * found through /proc/<pid>/fd (a server holds its connection open for its whole life, even when idle,
 * whereas a `BEGIN EXCLUSIVE` probe would succeed against an idle server in WAL mode). Where /proc is
 * missing the restore refuses unless --force says the server is stopped.
 *
 * Steps: check FILE (integrity, migrations); copy it next to the database as a temporary file and fsync;
 * fold the current database's WAL into it (checkpoint) and keep a copy as
 * `<db>.before-restore-<timestamp>`; remove the old -wal/-shm; rename the temporary file over the
 * database (atomic on one file system).
 */
export async function runRestore(
  args: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const parsed = parseFileCommand('restore', USAGE, args, io, env);
  if (typeof parsed === 'number') return parsed;
  const { file: source, db, force } = parsed;
  if (!existsSync(source)) {
    io.stderr(`restore: no such file ${source}\n`);
    return 1;
  }
  let check;
  try {
    check = await checkDatabaseFile(source);
  } catch (e) {
    io.stderr(`restore: refused: ${(e as Error).message}\n`);
    return 1;
  }
  const users = processesUsing(db.path);
  if (users === null && !force) {
    io.stderr(
      'restore: cannot tell whether the server is running here (no /proc); stop it and pass --force\n',
    );
    return 1;
  }
  if (users !== null && users.length > 0) {
    io.stderr(
      `restore: refused: ${db.path} is open in process ${users.join(', ')} (the server or an import?); stop it first\n`,
    );
    return 1;
  }

  mkdirSync(dirname(db.path), { recursive: true });
  const temp = `${db.path}.restoring-${process.pid}`;
  try {
    copyFileSync(source, temp);
    fsyncPath(temp, 'r+');
    let kept: string | null = null;
    if (existsSync(db.path)) {
      // Fold the WAL into the main file so the kept copy is complete on its own.
      const current = await SqliteFile.open(db.path, 'readwrite');
      try {
        await current.run('PRAGMA wal_checkpoint(TRUNCATE)');
      } finally {
        await current.close();
      }
      kept = `${db.path}.before-restore-${fileStamp()}`;
      copyFileSync(db.path, kept);
      fsyncPath(kept, 'r+');
    }
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${db.path}${suffix}`, { force: true });
    renameSync(temp, db.path);
    fsyncPath(dirname(db.path));
    io.stdout(
      `restore: ${db.path} is now ${source} (${check.migrations} migrations, ${check.clippings} clippings, ` +
        `${check.imports} imports)${kept ? `; the previous database is kept as ${kept}` : ''}\n`,
    );
    return 0;
  } catch (e) {
    rmSync(temp, { force: true });
    io.stderr(`restore: failed: ${(e as Error).message}\n`);
    return 1;
  }
}

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'put a backup back as the SQLite database, server stopped (restore FILE)',
  run: (args, io) => runRestore(args, io),
};
