import { type INestApplication, Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { AppModule, findFrontendDir } from './app.module';
import { appLogging, logLevelOf } from './logging';
import { AuthService } from '../auth/auth.service';
import { docsAuthMiddleware } from '../auth/docs-auth.middleware';
import { TransactionRunner } from '../database/transaction-runner';
import { readAdmission } from './read-admission';
import { AllExceptionsFilter } from '../common/all-exceptions.filter';
import {
  bodyParseErrorHandler,
  rejectInvalidUtf8,
  unsupportedMediaTypeHandler,
} from '../common/body-parse-errors';
import { createValidationPipe } from '../common/validation';
import { type AppConfig, validateConfig } from '../config/app-config';
import { readAppVersion } from '../config/app-version';

/**
 * The Angular app runs under this: its scripts and styles are files of its own (inline critical CSS
 * is off in the build, it would need an inline `onload`); Angular sets inline styles; the API is
 * same-origin. No upgrade-insecure-requests: the app is also served over plain HTTP on loopback.
 */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  upgradeInsecureRequests: null,
};

/** Options of {@link createApp} beyond the configuration. */
export interface CreateAppOptions {
  /** Nest log levels, the least of which sets the JSON log's level (tests pass `['error']` or `false`). */
  logger?: LogLevel[] | false;
  /** Serve this folder as the SPA (default: the built frontend when present; null: none). */
  frontendDir?: string | null;
}

/**
 * Builds the whole app — database connected and migrated, `/api` routes, validation, error filter,
 * OpenAPI at `/api/docs` — without listening, so main, the CLI and the tests share one set-up.
 */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<INestApplication> {
  const valid = validateConfig(config);
  const frontendDir = options.frontendDir === undefined ? findFrontendDir() : options.frontendDir;
  const logging = appLogging(logLevelOf(options.logger ?? ['log', 'warn', 'error']));
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(valid, frontendDir, logging),
    {
      // Start-up messages wait for the JSON logger below instead of going to the console logger.
      bufferLogs: true,
      abortOnError: false,
      bodyParser: false,
    },
  );
  app.useLogger(logging.logger);
  // First, so that every API request is logged, also those the body parsers refuse.
  app.use('/api', ...logging.middleware);
  app.use('/api', readAdmission(app.get(TransactionRunner)));
  app.use(helmet({ contentSecurityPolicy: { useDefaults: true, directives: CSP_DIRECTIVES } }));
  // Pages of raw text can be long; a parse failure is answered here (see bodyParseErrorHandler).
  app.use(unsupportedMediaTypeHandler);
  app.useBodyParser('json', { limit: '5mb', verify: rejectInvalidUtf8 });
  app.useBodyParser('urlencoded', { limit: '5mb', extended: true, verify: rejectInvalidUtf8 });
  app.use(bodyParseErrorHandler);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  app.use(['/api/docs', '/api/docs-json', '/api/docs-yaml'], docsAuthMiddleware(app.get(AuthService)));
  setUpOpenApi(app);
  if (!frontendDir)
    new Logger('App').log('No built frontend found (dist/frontend/browser): serving the API only');
  return app;
}

function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('剪报 API')
      .setDescription('Clippings from Chinese local newspapers: publications, clippings, tags, regions.')
      .setVersion(readAppVersion())
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
