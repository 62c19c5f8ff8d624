import './common/module-aliases';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app/app.factory';
import { type AppConfig, ConfigError, loadConfig } from './config/app-config';

/** The validated configuration, or a one-line message and exit code 1. */
function configOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function bootstrap(): Promise<void> {
  const config = configOrExit();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  new Logger('App').log(`剪报 listening on http://${config.host}:${config.port}/ (API docs at /api/docs)`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
