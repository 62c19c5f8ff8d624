import { isParsedMediaType, unsupportedMediaTypeHandler } from './body-parse-errors';

describe('isParsedMediaType', () => {
  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'application/merge-patch+json',
    'application/x-www-form-urlencoded',
  ])('reads %s', (type) => {
    expect(isParsedMediaType(type)).toBe(true);
  });

  it.each([undefined, '', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x'])(
    'not %p',
    (type) => {
      expect(isParsedMediaType(type)).toBe(false);
    },
  );
});

describe('unsupportedMediaTypeHandler', () => {
  const run = (headers: Record<string, string>): { status?: number; next: boolean } => {
    const seen: { status?: number; next: boolean } = { next: false };
    const response = {
      headersSent: false,
      status: (code: number) => {
        seen.status = code;
        return { json: () => undefined };
      },
    };
    unsupportedMediaTypeHandler({ method: 'PATCH', headers }, response, () => {
      seen.next = true;
    });
    return seen;
  };

  it('answers 415 for a body the parsers would ignore', () => {
    expect(run({ 'content-type': 'text/plain', 'content-length': '5' })).toEqual({
      status: 415,
      next: false,
    });
    expect(run({ 'content-length': '5' })).toEqual({ status: 415, next: false });
  });

  it('lets JSON bodies and bodiless requests through', () => {
    expect(run({ 'content-type': 'application/json', 'content-length': '5' })).toEqual({ next: true });
    expect(run({ 'content-type': 'text/plain' })).toEqual({ next: true });
    expect(run({})).toEqual({ next: true });
  });
});
