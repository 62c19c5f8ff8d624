import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type DynamicModule,
  Inject,
  type LogLevel,
  Module,
  type OnApplicationShutdown,
  RequestMethod,
} from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { destination, stdTimeFunctions } from 'pino';

/** pino's buffered destination. */
type DestinationStream = ReturnType<typeof destination>;

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

/** The buffered stdout stream of the logs (null when silent). */
const LOG_STREAM = Symbol('LOG_STREAM');

/** How long a log line may wait in the buffer. */
const FLUSH_EVERY_MS = 1000;

/**
 * Structured logs: one JSON line per event on stdout (pino), the app's own messages included once the
 * app uses this logger, and one line per API request when it completes — method, URL, status, time
 * and the request id (`X-Request-Id`, also on every log line written while handling it). Headers and
 * bodies are left out: they carry session tokens and page texts. Lines are buffered (4 KB, at most a
 * second, flushed when the app closes) rather than written one system call each: on the busy main
 * thread under load, one synchronous write per request cost more than the rest of the logging.
 */
@Module({})
export class LoggingModule implements OnApplicationShutdown {
  private readonly timer: NodeJS.Timeout | null;

  constructor(@Inject(LOG_STREAM) private readonly stream: DestinationStream | null) {
    this.timer = stream ? setInterval(() => stream.flush(), FLUSH_EVERY_MS).unref() : null;
  }

  static forRoot(level: LogLevelName): DynamicModule {
    const options: Options = {
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
    };
    const stream = level === 'silent' ? null : destination({ dest: 1, sync: false, minLength: 4096 });
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: stream ? [options, stream] : options,
        }),
      ],
      providers: [{ provide: LOG_STREAM, useValue: stream }],
    };
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.stream?.flushSync();
  }
}
