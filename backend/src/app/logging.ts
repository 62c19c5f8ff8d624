import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import {
  Inject,
  Injectable,
  type LoggerService,
  type LogLevel,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { destination, type Logger, pino, stdTimeFunctions } from 'pino';

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
    private readonly current: AsyncLocalStorage<RequestLog>,
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
    const logger = this.current.getStore()?.logger() ?? this.root;
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
 * API request when it completes (method, URL, status, time in ms and the request id, `X-Request-Id`,
 * which every line logged while handling the request carries too; `request aborted` when the client
 * left before the answer, `request errored` for a 5xx, a 4xx at level warn). Headers and bodies are left out: they
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
  const current = new AsyncLocalStorage<RequestLog>();
  // One line per request when its response is finished (or the connection closed first). Written
  // here rather than with pino-http, which serialised every request in full (headers included) and
  // made a child logger for it before our serializer kept three fields: about a quarter of the main
  // thread's time per request outside the handler, under load.
  const requests: Middleware = (req, res, next) => {
    const id = requestId(req, res);
    const started = performance.now();
    const request = { id, method: req.method ?? '', url: req.url ?? '' };
    (req as IncomingMessage & { id?: string }).id = id;
    const done = (): void => {
      res.removeListener('finish', done);
      res.removeListener('close', done);
      const responseTime = Math.round(performance.now() - started);
      if (!res.writableFinished) {
        root.warn({ req: request, responseTime }, 'request aborted');
        return;
      }
      const status = res.statusCode;
      const line = { req: request, res: { statusCode: status }, responseTime };
      if (status >= 500) root.error(line, 'request errored');
      else if (status >= 400) root.warn(line, 'request completed');
      else root.info(line, 'request completed');
    };
    res.on('finish', done);
    res.on('close', done);
    next();
  };
  const bind: Middleware = (req, _res, next) => {
    const id = (req as IncomingMessage & { id?: string }).id;
    if (id === undefined) {
      next();
      return;
    }
    // The request's logger is made only when something logs inside it (most requests log nothing).
    let logger: Logger | null = null;
    current.run({ logger: () => (logger ??= root.child({ req: { id } })) }, next);
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

/** What the logs know of the request being handled: its logger, made on first use. */
interface RequestLog {
  logger(): Logger;
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
