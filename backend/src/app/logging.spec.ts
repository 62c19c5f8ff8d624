import { createServer, get, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appLogging, logLevelOf, requestId } from './logging';

function exchange(headers: Record<string, string>): {
  req: IncomingMessage;
  res: ServerResponse;
  sent: Map<string, unknown>;
} {
  const sent = new Map<string, unknown>();
  const res = {
    setHeader: (name: string, value: unknown) => sent.set(name, value),
  } as unknown as ServerResponse;
  return { req: { headers } as unknown as IncomingMessage, res, sent };
}

describe('request logging', () => {
  it('keeps a sane X-Request-Id and echoes it', () => {
    const { req, res, sent } = exchange({ 'x-request-id': 'proxy-42.a:b' });
    expect(requestId(req, res)).toBe('proxy-42.a:b');
    expect(sent.get('X-Request-Id')).toBe('proxy-42.a:b');
  });

  it('makes a UUID when the header is missing or not a plain token', () => {
    const cases: Record<string, string>[] = [
      {},
      { 'x-request-id': 'has space' },
      { 'x-request-id': 'x'.repeat(65) },
    ];
    for (const headers of cases) {
      const { req, res, sent } = exchange(headers);
      const id = requestId(req, res);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(sent.get('X-Request-Id')).toBe(id);
    }
  });

  it('maps Nest log levels to the least pino level', () => {
    expect(logLevelOf(false)).toBe('silent');
    expect(logLevelOf(['error'])).toBe('error');
    expect(logLevelOf(['warn', 'error'])).toBe('warn');
    expect(logLevelOf(['log', 'warn', 'error'])).toBe('info');
    expect(logLevelOf(['debug', 'log'])).toBe('debug');
  });
});

/**
 * A server whose requests go through the logging middleware (the request line, then the binding of the
 * request's logger) to `handle`; the lines logged, parsed.
 */
async function loggedServer(
  handle: (req: IncomingMessage, res: ServerResponse, logging: ReturnType<typeof appLogging>) => void,
): Promise<{
  lines: Record<string, unknown>[];
  logging: ReturnType<typeof appLogging>;
  port: number;
  close: () => Promise<void>;
}> {
  const lines: Record<string, unknown>[] = [];
  const logging = appLogging('info', {
    write: (line) => void lines.push(JSON.parse(line) as Record<string, unknown>),
  });
  const [requests, bind] = logging.middleware;
  const server = createServer((req, res) =>
    requests!(req, res, () => bind!(req, res, () => handle(req, res, logging))),
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { lines, logging, port, close: () => new Promise<void>((done) => server.close(() => done())) };
}

describe('app logging', () => {
  it('logs a completed request with its id, and the app lines written while handling it carry the id', async () => {
    const { lines, logging, port, close } = await loggedServer((_req, res, logging) => {
      logging.logger.log('inside the request', 'Spec');
      res.end('ok');
    });
    const header = await new Promise<unknown>((done) =>
      get({ host: '127.0.0.1', port, path: '/api/health', headers: { 'X-Request-Id': 'r-7' } }, (res) => {
        res.resume();
        res.on('end', () => done(res.headers['x-request-id']));
      }),
    );
    await close();
    logging.logger.warn('outside any request', 'Spec');
    expect(header).toBe('r-7');
    expect(lines.find((l) => l['msg'] === 'inside the request')).toMatchObject({
      context: 'Spec',
      req: { id: 'r-7' },
    });
    expect(lines.find((l) => l['msg'] === 'outside any request')).not.toHaveProperty('req');
    expect(lines.find((l) => l['msg'] === 'request completed')).toMatchObject({
      req: { id: 'r-7', method: 'GET', url: '/api/health' },
      res: { statusCode: 200 },
    });
  });

  it('logs a 4xx at warn and a 5xx as errored, each with its status, time and id; a request left unanswered as aborted', async () => {
    const { lines, port, close } = await loggedServer((req, res) => {
      if (req.url === '/api/gone') {
        res.statusCode = 404;
        res.end('{}');
      } else if (req.url === '/api/broken') {
        res.statusCode = 500;
        res.end('{}');
      } else req.socket.destroy();
    });
    const ask = (path: string): Promise<void> =>
      new Promise<void>((done) => {
        const r = get(
          { host: '127.0.0.1', port, path, headers: { 'X-Request-Id': `id${path.replace(/\//g, '-')}` } },
          (res) => {
            res.resume();
            res.on('end', () => done());
          },
        );
        r.on('error', () => done());
      });
    await ask('/api/gone');
    await ask('/api/broken');
    await ask('/api/hangup');
    await close();
    const of = (url: string): Record<string, unknown> | undefined =>
      lines.find((l) => (l['req'] as { url?: string } | undefined)?.url === url);
    expect(of('/api/gone')).toMatchObject({
      level: 40,
      msg: 'request completed',
      req: { id: 'id-api-gone', method: 'GET' },
      res: { statusCode: 404 },
      responseTime: expect.any(Number),
    });
    expect(of('/api/broken')).toMatchObject({ level: 50, msg: 'request errored', res: { statusCode: 500 } });
    expect(of('/api/hangup')).toMatchObject({
      level: 40,
      msg: 'request aborted',
      req: { id: 'id-api-hangup' },
    });
    // One line per request.
    expect(lines.filter((l) => l['req'] !== undefined)).toHaveLength(3);
  });
});
