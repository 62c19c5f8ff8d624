import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  Inject,
  Injectable,
  type LoggerService,
  type LogLevel,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { destination, type Logger, pino, stdTimeFunctions } from 'pino';
import { pinoHttp } from 'pino-http';

/** pino's levels, and `silent`. */
export type LogLevelName = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** A request id a client or proxy may pass in `X-Request-Id`: short, printable, no spaces. */
const CLIENT_ID = /^[\w.:-]{1,64}$/;

/** How long a log line may wait in the buffer. */
const FLUSH_EVERY_MS = 1000;

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

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Nest's logger interface over pino: `(message, ...params)` where the last param is the logger's
 * context and an error's first param its stack. Inside a request the line carries the request's id.
 */
class JsonLogger implements LoggerService {
  constructor(
    private readonly root: Logger,
    private readonly current: AsyncLocalStorage<Logger>,
  ) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const logger = this.current.getStore() ?? this.root;
    const fields: Record<string, unknown> = {};
    const rest = [...params];
    if (rest.length > 0) fields['context'] = rest.pop();
    if (level === 'error' && typeof rest[0] === 'string') fields['stack'] = rest.shift();
    if (message instanceof Error) logger[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) logger[level]({ ...fields, ...message });
    else logger[level](fields, String(message));
  }
}

/** The app's logs: Nest's logger, the Express middleware of the request logs, and the flush of the buffer. */
export interface AppLogging {
  logger: LoggerService;
  middleware: Middleware[];
  /** Writes what is buffered (the app closes). */
  flush(): void;
}

/**
 * Structured logs: one JSON line per event on stdout (pino) — the app's own messages, and one line per
 * API request when it completes (method, URL, status, time and the request id, `X-Request-Id`, which
 * every line logged while handling the request carries too). Headers and bodies are left out: they
 * carry session tokens and page texts. The middleware is plain Express middleware (mounted on `/api`
 * by `createApp`), not a Nest route. Lines are buffered (4 KB, at most a second, flushed when the app
 * closes) rather than written one system call each: on the busy main thread under load, one
 * synchronous write per request cost more than the rest of the logging. `out`: write there instead
 * (unbuffered; for tests).
 */
export function appLogging(level: LogLevelName, out?: { write(line: string): void }): AppLogging {
  const stream = level === 'silent' || out ? null : destination({ dest: 1, sync: false, minLength: 4096 });
  const options = { level, timestamp: stdTimeFunctions.isoTime };
  const target = out ?? stream;
  const root = target ? pino(options, target) : pino(options);
  const current = new AsyncLocalStorage<Logger>();
  const requests = pinoHttp({
    logger: root,
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
  });
  const bind: Middleware = (req, _res, next) => {
    const log = (req as IncomingMessage & { log?: Logger }).log;
    if (log) current.run(log, next);
    else next();
  };
  const timer = stream ? setInterval(() => stream.flush(), FLUSH_EVERY_MS).unref() : null;
  return {
    logger: new JsonLogger(root, current),
    middleware: [requests, bind],
    flush: () => {
      if (timer) clearInterval(timer);
      stream?.flushSync();
    },
  };
}

/** Where the app module finds the logs it flushes when the app closes. */
export const APP_LOGGING = Symbol('APP_LOGGING');

/** Writes the buffered log lines when the app closes (a signal, `app.close()`). */
@Injectable()
export class LogFlush implements OnApplicationShutdown {
  constructor(@Inject(APP_LOGGING) private readonly logging: AppLogging | null) {}

  onApplicationShutdown(): void {
    this.logging?.flush();
  }
}
