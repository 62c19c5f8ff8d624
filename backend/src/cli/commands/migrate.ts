import { parseArgs } from 'node:util';
import { type AppConfig, ConfigError, loadConfig } from '../../config/app-config';
import { openDataSource } from '../../database/data-source';
import { EXIT_USAGE, type CliCommand, type CliIo } from './command';

/**
 * `migrate` — applies pending migrations to the configured database (`DB_TYPE`, `DATABASE_PATH`,
 * `DATABASE_URL`); `--revert` undoes the last one; `--status` lists applied and pending ones.
 * Resolves to the exit code.
 */
export async function runMigrate(
  args: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let values: { revert?: boolean; status?: boolean };
  try {
    ({ values } = parseArgs({ args, options: { revert: { type: 'boolean' }, status: { type: 'boolean' } } }));
  } catch (e) {
    io.stderr(`migrate: ${(e as Error).message}\n`);
    return EXIT_USAGE;
  }
  let config: AppConfig;
  try {
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`migrate: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const dataSource = await openDataSource(config, { migrate: false });
  try {
    if (values.status) {
      const applied = new Set(
        ((await dataSource.query('SELECT name FROM typeorm_migrations')) as { name: string }[]).map(
          (r) => r.name,
        ),
      );
      for (const m of dataSource.migrations)
        io.stdout(`${applied.has(m.name ?? '') ? 'applied' : 'pending'}  ${m.name}\n`);
      return 0;
    }
    if (values.revert) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      io.stdout('reverted the last migration\n');
      return 0;
    }
    const done = await dataSource.runMigrations({ transaction: 'each' });
    io.stdout(
      done.length === 0 ? 'database is up to date\n' : done.map((m) => `applied  ${m.name}\n`).join(''),
    );
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

/** The `migrate` command for the CLI registry. */
export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'apply pending database migrations (--revert undoes the last, --status lists them)',
  run: (args, io) => runMigrate(args, io),
};
