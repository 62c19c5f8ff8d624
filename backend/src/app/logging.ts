import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamicModule, type LogLevel, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';

/** pino's levels, and `silent`. */
export type LogLevelName = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** A request id a client or proxy may pass in `X-Request-Id`: short, printable, no spaces. */
const CLIENT_ID = /^[\w.:-]{1,64}$/;

/** The request's id: the client's `X-Request-Id` when sane, else a new UUID; echoed in the response. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && CLIENT_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** Nest's log levels (what `createApp` takes) → the least pino level to write. */
export function logLevelOf(levels: readonly LogLevel[] | false): LogLevelName {
  if (levels === false || levels.length === 0) return 'silent';
  if (levels.includes('debug') || levels.includes('verbose')) return 'debug';
  if (levels.includes('log')) return 'info';
  if (levels.includes('warn')) return 'warn';
  return 'error';
}

/**
 * Structured logs: one JSON line per event on stdout (pino), the app's own messages included once the
 * app uses this logger, and one line per API request when it completes — method, URL, status, time
 * and the request id (`X-Request-Id`, also on every log line written while handling it). Headers and
 * bodies are left out: they carry session tokens and page texts.
 */
export function loggingModule(level: LogLevelName): DynamicModule {
  return LoggerModule.forRoot({
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level,
      timestamp: stdTimeFunctions.isoTime,
      genReqId: requestId,
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  });
}
