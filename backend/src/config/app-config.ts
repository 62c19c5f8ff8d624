import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
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

  @ValidateIf((c: AppConfig) => c.dbType === 'postgres')
  @IsString({ message: 'DATABASE_URL is required when DB_TYPE=postgres' })
  @IsNotEmpty({ message: 'DATABASE_URL is required when DB_TYPE=postgres' })
  databaseUrl?: string;

  @IsOptional()
  @IsIn(['development', 'production', 'test'], {
    message: 'NODE_ENV must be one of: development, production, test',
  })
  nodeEnv?: string;
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

/** Reads and validates the configuration from environment variables; throws {@link ConfigError} when invalid. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const blank = (v: string | undefined): string | undefined => (v === undefined || v === '' ? undefined : v);
  const defaults = new AppConfig();
  const config = plainToInstance(AppConfig, {
    port: toInt(blank(env['PORT'])) ?? defaults.port,
    host: blank(env['HOST']) ?? defaults.host,
    dbType: blank(env['DB_TYPE']) ?? defaults.dbType,
    databasePath: blank(env['DATABASE_PATH']) ?? defaults.databasePath,
    databaseUrl: blank(env['DATABASE_URL']),
    nodeEnv: blank(env['NODE_ENV']),
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
