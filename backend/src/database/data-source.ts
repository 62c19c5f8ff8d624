import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import sqlite3 from 'sqlite3';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { loadMigrations, type MigrationClass } from './migrations-loader';
import { applySqlitePragmas } from './sqlite-pragmas';
import { reusePreparedStatements } from './sqlite-statement-cache';

/** The entity classes a data source maps (the app's list is `app/entities.ts`; raw SQL needs none). */
export type EntityList = NonNullable<DataSourceOptions['entities']>;

/**
 * TypeORM options for the configured database. Schema comes from migrations only, never `synchronize`.
 * `entities` comes from the caller: this layer knows no feature.
 */
export function buildDataSourceOptions(
  config: AppConfig,
  migrations: MigrationClass[],
  entities: EntityList = [],
): DataSourceOptions {
  const common = {
    entities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    // Failed queries are not logged here: constraint violations are expected (they become 409/400),
    // and anything unexpected reaches the global exception filter, which logs it with its stack.
    logging: ['warn', 'migration'] as ('warn' | 'migration')[],
  };
  if (config.dbType === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: config.databaseUrl,
      // COUNT(*) and other bigint results as numbers, like SQLite's (ids and counts stay far below 2^53).
      parseInt8: true,
      // Timestamps are UTC, as SQLite's CURRENT_TIMESTAMP: the session writes column defaults in UTC and
      // `timestamp` values are read back as UTC, whatever the time zone of the server or of this process.
      extra: { options: '-c timezone=UTC', types: { getTypeParser: utcTimestampParsers() } },
    };
  }
  return {
    ...common,
    type: 'sqlite',
    database: resolve(config.databasePath),
    enableWAL: true,
    busyTimeout: 5000,
    driver: sqlite3WithoutLongTraces(),
  };
}

/**
 * The sqlite3 module for TypeORM, whose driver calls `verbose()`: that wraps every statement call to
 * build an Error and `util.inspect` its SQL and parameters (a tenth of filing time). Errors keep their
 * own message, code and stack.
 */
function sqlite3WithoutLongTraces(): unknown {
  return Object.assign(Object.create(sqlite3) as object, { verbose: () => sqlite3 });
}

type TypeParser = (value: string) => unknown;
type GetTypeParser = (oid: number, format?: string) => TypeParser;

/** OID of PostgreSQL's `timestamp` (without time zone). */
const TIMESTAMP_OID = 1114;

/** node-postgres's type parsers, except that `timestamp` text is read as UTC (pg reads it as local time). */
function utcTimestampParsers(): GetTypeParser {
  // pg ships no types of its own and the workspace has no @types/pg: describe the one function used.
  const pg = createRequire(__filename)('pg') as { types: { getTypeParser: GetTypeParser } };
  const asUtc: TypeParser = (value) => new Date(`${value.replace(' ', 'T')}Z`);
  return (oid, format) =>
    oid === TIMESTAMP_OID && format !== 'binary' ? asUtc : pg.types.getTypeParser(oid, format);
}

/** Which migrations {@link openDataSource} applies. */
export interface OpenDataSourceOptions {
  /** Apply pending migrations after connecting (default true). */
  migrate?: boolean;
  /** Override the migration classes (default: every file of the migrations folder). */
  migrations?: MigrationClass[];
  /** The entities to map (default none: raw SQL only). */
  entities?: EntityList;
}

/**
 * Connects (creating the SQLite file and its folder if missing), applies the connection PRAGMAs, then
 * runs pending migrations — in that order, so the PRAGMAs hold while migrating. Used by the app, the CLI
 * and the tests alike.
 */
export async function openDataSource(
  config: AppConfig,
  options: OpenDataSourceOptions = {},
): Promise<DataSource> {
  const migrations = options.migrations ?? (await loadMigrations());
  return initializeDataSource(
    new DataSource(buildDataSourceOptions(config, migrations, options.entities)),
    options.migrate ?? true,
  );
}

/** Initializes a not-yet-connected data source: connect, PRAGMAs, then (optionally) pending migrations. */
export async function initializeDataSource(dataSource: DataSource, migrate = true): Promise<DataSource> {
  await dataSource.initialize();
  const connection = (dataSource.driver as unknown as { databaseConnection?: sqlite3.Database })
    .databaseConnection;
  if (dataSource.options.type === 'sqlite' && connection) reusePreparedStatements(connection);
  try {
    await applySqlitePragmas(dataSource);
    if (migrate) await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
