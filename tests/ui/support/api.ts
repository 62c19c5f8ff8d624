// The browser tests' set-up and checks through the API, as the server's pre-created admin.
import type { RunningServer } from './server';

/** `method path` with a JSON body as the admin (bearer); the JSON answer, or undefined when empty. Throws on non-2xx. */
export async function callApi<T = unknown>(
  server: RunningServer,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...server.authHeader,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
