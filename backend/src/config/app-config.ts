import { CLIPPING_LIST_DEPTH } from '@jianbao/contracts';
import { plainToInstance } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Max,
  Min,
  ValidateIf,
  validateSync,
} from 'class-validator';

/** Which database the app talks to. */
export type DbType = 'sqlite' | 'postgres';

/** Start-up configuration, read once from the environment and validated before anything else starts. */
export class AppConfig {
  @IsInt({ message: 'PORT must be an integer between 0 and 65535' })
  @Min(0, { message: 'PORT must be an integer between 0 and 65535' })
  @Max(65535, { message: 'PORT must be an integer between 0 and 65535' })
  port = 3000;

  @IsString()
  @IsNotEmpty({ message: 'HOST must not be empty' })
  host = '0.0.0.0';

  @IsIn(['sqlite', 'postgres'], { message: 'DB_TYPE must be one of: sqlite, postgres' })
  dbType: DbType = 'sqlite';

  @IsString()
  @IsNotEmpty({ message: 'DATABASE_PATH must not be empty' })
  databasePath = './data/clippings.sqlite';

  /**
   * Read-only SQLite connections serving reads outside transactions (SQLITE_READERS, default 2; 0 runs
   * every read on the one read-write connection).
   */
  @IsInt({ message: 'SQLITE_READERS must be an integer between 0 and 16' })
  @Min(0, { message: 'SQLITE_READERS must be an integer between 0 and 16' })
  @Max(16, { message: 'SQLITE_READERS must be an integer between 0 and 16' })
  sqliteReaders = 2;

  @ValidateIf((c: AppConfig) => c.dbType === 'postgres')
  @IsString({ message: 'DATABASE_URL is required when DB_TYPE=postgres' })
  @IsNotEmpty({ message: 'DATABASE_URL is required when DB_TYPE=postgres' })
  databaseUrl?: string;

  @IsOptional()
  @IsIn(['development', 'production', 'test'], {
    message: 'NODE_ENV must be one of: development, production, test',
  })
  nodeEnv?: string;

  /** Load China's divisions into `region` on start-up when missing (SEED_REGIONS; default: on, off when NODE_ENV=test). */
  @IsOptional()
  @IsBoolean({ message: 'SEED_REGIONS must be true or false' })
  seedRegions?: boolean;

  /** File the two sample pages on first start with no publications (DEMO_DATA; default: on, off when NODE_ENV=test). */
  @IsOptional()
  @IsBoolean({ message: 'DEMO_DATA must be true or false' })
  demoData?: boolean;

  /**
   * Give clippings filed before history existed their first revision, in the background after
   * start-up (HISTORY_BASELINE; default: on, off when NODE_ENV=test).
   */
  @IsOptional()
  @IsBoolean({ message: 'HISTORY_BASELINE must be true or false' })
  historyBaseline?: boolean;

  /**
   * Group clippings story grouping has never seen (filed before story groups existed), in the background
   * after start-up while nobody writes (STORY_CATCH_UP; default: on, off when NODE_ENV=test).
   */
  @IsOptional()
  @IsBoolean({ message: 'STORY_CATCH_UP must be true or false' })
  storyCatchUp?: boolean;

  /**
   * Work out the unassigned lines of pages filed before they were recorded, in the background after
   * start-up while nobody writes (UNASSIGNED_CATCH_UP; default: on, off when NODE_ENV=test).
   */
  @IsOptional()
  @IsBoolean({ message: 'UNASSIGNED_CATCH_UP must be true or false' })
  unassignedCatchUp?: boolean;

  /** Hours a session lives without being used (SESSION_TTL_HOURS, default 12; fractions allowed). */
  @IsNumber({}, { message: 'SESSION_TTL_HOURS must be a positive number' })
  @IsPositive({ message: 'SESSION_TTL_HOURS must be a positive number' })
  sessionTtlHours = 12;

  /** Days a session lives at most, however busy (SESSION_MAX_DAYS, default 7; fractions allowed). */
  @IsNumber({}, { message: 'SESSION_MAX_DAYS must be a positive number' })
  @IsPositive({ message: 'SESSION_MAX_DAYS must be a positive number' })
  sessionMaxDays = 7;

  /**
   * How deep the clipping list counts and pages (LIST_DEPTH, default 10,000, 100–1,000,000): past this
   * many matches its total is "10,000+" and later pages are refused (docs/architecture.md, "Counts").
   */
  @IsInt({ message: 'LIST_DEPTH must be an integer between 100 and 1000000' })
  @Min(100, { message: 'LIST_DEPTH must be an integer between 100 and 1000000' })
  @Max(1_000_000, { message: 'LIST_DEPTH must be an integer between 100 and 1000000' })
  listDepth = CLIPPING_LIST_DEPTH;
}

/** Whether a start-up data step runs: as configured, else everywhere but in tests (which ask for it). */
export function startupStepEnabled(
  config: AppConfig,
  step: 'seedRegions' | 'demoData' | 'historyBaseline' | 'storyCatchUp' | 'unassignedCatchUp',
): boolean {
  return config[step] ?? config.nodeEnv !== 'test';
}

/** A configuration error: its message is one line, fit to print before exiting. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A strict integer parse: `'3000'` → 3000, `'abc'`/`'3e3'`/`''` → NaN (so validation names the variable). */
function toInt(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  return /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
}

/** A decimal number (`'0.5'`, `'12'`); anything else is NaN so validation names the variable. */
function toNumber(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  return /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : Number.NaN;
}

/** `'true'`/`'1'` → true, `'false'`/`'0'` → false, anything else is kept as text so validation names it. */
function toBool(raw: string | undefined): boolean | string | undefined {
  if (raw === undefined) return undefined;
  const t = raw.trim().toLowerCase();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  return raw;
}

/** Reads and validates the configuration from environment variables; throws {@link ConfigError} when invalid. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const blank = (v: string | undefined): string | undefined => (v === undefined || v === '' ? undefined : v);
  const defaults = new AppConfig();
  const config = plainToInstance(AppConfig, {
    port: toInt(blank(env['PORT'])) ?? defaults.port,
    host: blank(env['HOST']) ?? defaults.host,
    dbType: blank(env['DB_TYPE']) ?? defaults.dbType,
    databasePath: blank(env['DATABASE_PATH']) ?? defaults.databasePath,
    sqliteReaders: toInt(blank(env['SQLITE_READERS'])) ?? defaults.sqliteReaders,
    databaseUrl: blank(env['DATABASE_URL']),
    nodeEnv: blank(env['NODE_ENV']),
    seedRegions: toBool(blank(env['SEED_REGIONS'])),
    demoData: toBool(blank(env['DEMO_DATA'])),
    historyBaseline: toBool(blank(env['HISTORY_BASELINE'])),
    storyCatchUp: toBool(blank(env['STORY_CATCH_UP'])),
    unassignedCatchUp: toBool(blank(env['UNASSIGNED_CATCH_UP'])),
    sessionTtlHours: toNumber(blank(env['SESSION_TTL_HOURS'])) ?? defaults.sessionTtlHours,
    sessionMaxDays: toNumber(blank(env['SESSION_MAX_DAYS'])) ?? defaults.sessionMaxDays,
    listDepth: toInt(blank(env['LIST_DEPTH'])) ?? defaults.listDepth,
  });
  return validateConfig(config);
}

/** Validates a config object built in code (tests, CLI); throws {@link ConfigError} listing every problem. */
export function validateConfig(config: AppConfig): AppConfig {
  const instance = config instanceof AppConfig ? config : Object.assign(new AppConfig(), config as object);
  const errors = validateSync(instance);
  if (errors.length > 0) {
    const messages = errors.flatMap((e) => Object.values(e.constraints ?? {}));
    throw new ConfigError(`Invalid configuration: ${[...new Set(messages)].join('; ')}`);
  }
  return instance;
}
