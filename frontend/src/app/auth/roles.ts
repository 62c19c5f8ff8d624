import type { Role } from '@jianbao/contracts';

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };
export const ROLES: readonly Role[] = ['viewer', 'editor', 'admin'];

/** viewer < editor < admin: does `role` reach `need`? Nobody (null) reaches anything. */
export function roleAtLeast(role: Role | null | undefined, need: Role): boolean {
  return role !== null && role !== undefined && RANK[role] >= RANK[need];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A same-origin path to go back to after login; anything else (other origins, `//host`) → `/`. */
export function safeReturnUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/login') || value.startsWith('/setup')) return '/';
  return value;
}

/** Minutes to wait from a 429's `Retry-After` (seconds or an HTTP date); at least 1, null when absent. */
export function retryAfterMinutes(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  let seconds: number;
  if (/^\d+$/.test(trimmed)) seconds = Number(trimmed);
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return null;
    seconds = (at - now) / 1000;
  }
  return Math.max(1, Math.ceil(seconds / 60));
}

/** The value of cookie `name` in a `document.cookie` string, or null. */
export function readCookie(cookies: string, name: string): string | null {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const raw = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return null;
}
