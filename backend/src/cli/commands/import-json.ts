import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import { toApiError } from '../../common/all-exceptions.filter';
import { CLI_AUTHOR } from '../../common/author';
import { AppConfig, ConfigError, loadConfig } from '../../config/app-config';
import type { ArchiveImportService } from '../../exports/archive-import.service';
import { EXIT_USAGE, type CliCommand, type CliIo } from './command';

const USAGE =
  'usage: import-json FILE\n' +
  '  reads an archive file (the JSON export) into the configured database, which must hold no clippings;\n' +
  '  one transaction: everything or nothing';

/**
 * `import-json FILE` — the archive import of `POST /api/exports/import` on the configured database,
 * through the Nest application context (migrated, regions seeded). Exit 0 when imported, 2 for bad
 * arguments or a file that is not JSON, 1 when the import is refused (each problem on stderr).
 */
export async function runImportJson(
  args: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let file = '';
  try {
    const parsed = parseArgs({ args, options: {}, allowPositionals: true });
    const [only] = parsed.positionals;
    if (parsed.positionals.length !== 1 || only === undefined) throw new Error('give exactly one FILE');
    file = only;
  } catch (e) {
    io.stderr(`import-json: ${(e as Error).message}\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  let input: unknown;
  try {
    input = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    io.stderr(`import-json: cannot read ${file} as JSON: ${(e as Error).message}\n`);
    return EXIT_USAGE;
  }
  let config: AppConfig;
  try {
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`import-json: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const [{ NestFactory }, { AppModule }, { ArchiveImportService: Service }] = await Promise.all([
    import('@nestjs/core'),
    import('../../app/app.module'),
    import('../../exports/archive-import.service'),
  ]);
  const context: INestApplicationContext = await NestFactory.createApplicationContext(
    AppModule.forRoot(Object.assign(new AppConfig(), config, { demoData: false }), null),
    { logger: ['error'], abortOnError: false },
  );
  try {
    const archives = context.get<ArchiveImportService>(Service);
    const result = await archives.import(input, null, CLI_AUTHOR);
    io.stdout(
      `imported ${result.clippings} clippings, ${result.publications} publications, ${result.tags} tags, ` +
        `${result.tagLinks} tag links, ${result.regionLinks} region links, ${result.links} continuation links ` +
        `(${result.articles} articles)\n`,
    );
    return 0;
  } catch (e) {
    const { body, internal } = toApiError(e, 'POST');
    if (internal) throw e;
    io.stderr(`import-json: ${body.message}\n`);
    if (Array.isArray(body.details)) {
      for (const d of body.details as Array<{ field: string; errors: string[] }>) {
        io.stderr(`  ${d.field}: ${d.errors.join('; ')}\n`);
      }
    }
    return 1;
  } finally {
    await context.close();
  }
}

export const importJsonCommand: CliCommand = {
  name: 'import-json',
  summary: 'read an archive file (the JSON export) into a database without clippings',
  run: (args, io) => runImportJson(args, io),
};
