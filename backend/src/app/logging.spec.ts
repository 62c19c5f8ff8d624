import type { IncomingMessage, ServerResponse } from 'node:http';
import { logLevelOf, requestId } from './logging';

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
