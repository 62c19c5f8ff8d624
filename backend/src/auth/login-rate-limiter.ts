/** How many failed logins are allowed in a window, per account and per client address. */
export interface LoginLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

/**
 * Failed-login counting in memory (per process: a restart forgets, and several processes would each
 * count their own). A success clears the account's failures, not the address's. Bounded: at most
 * `maxKeys` keys are tracked, expired ones are dropped first, then the oldest.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
    private readonly maxKeys = 50_000,
  ) {}

  /** Seconds to wait before trying again, or 0 when an attempt is allowed now. */
  retryAfterSeconds(account: string, address: string, now: number): number {
    const wait = Math.max(
      this.waitMs(accountKey(account), this.limits.perAccount, now),
      this.waitMs(addressKey(address), this.limits.perAddress, now),
    );
    return wait > 0 ? Math.ceil(wait / 1000) : 0;
  }

  recordFailure(account: string, address: string, now: number): void {
    for (const key of [accountKey(account), addressKey(address)]) {
      const times = this.recent(key, now);
      times.push(now);
      this.failures.delete(key); // re-inserted last: the Map's order is oldest-used first
      this.failures.set(key, times);
    }
    if (this.failures.size > this.maxKeys) this.evict(now);
  }

  recordSuccess(account: string): void {
    this.failures.delete(accountKey(account));
  }

  /** Number of keys tracked (for tests). */
  get size(): number {
    return this.failures.size;
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.limits.windowMs);
  }

  private waitMs(key: string, limit: number, now: number): number {
    const times = this.recent(key, now);
    if (times.length < limit) return 0;
    // Allowed again when enough of the failures have left the window.
    const blocking = times[times.length - limit] ?? now;
    return blocking + this.limits.windowMs - now;
  }

  private evict(now: number): void {
    for (const [key, times] of this.failures)
      if (times.every((t) => t <= now - this.limits.windowMs)) this.failures.delete(key);
    for (const key of this.failures.keys()) {
      if (this.failures.size <= this.maxKeys) break;
      this.failures.delete(key);
    }
  }
}

const accountKey = (account: string): string => `u:${account.normalize('NFC').toLowerCase()}`;
const addressKey = (address: string): string => `a:${address}`;
