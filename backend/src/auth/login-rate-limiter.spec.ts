import { LoginRateLimiter } from './login-rate-limiter';

describe('LoginRateLimiter', () => {
  const limits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };
  const t0 = 1_800_000_000_000;

  it('blocks an account after 5 failures for the rest of the window, whatever the address', () => {
    const limiter = new LoginRateLimiter(limits);
    for (let i = 0; i < 5; i += 1) {
      expect(limiter.retryAfterSeconds('张三', `10.0.0.${i}`, t0 + i * 1000)).toBe(0);
      limiter.recordFailure('张三', `10.0.0.${i}`, t0 + i * 1000);
    }
    expect(limiter.retryAfterSeconds('张三', '10.0.0.9', t0 + 5000)).toBe(15 * 60 - 5);
    expect(limiter.retryAfterSeconds('张三', '10.0.0.9', t0 + 15 * 60_000 - 1)).toBe(1);
    expect(limiter.retryAfterSeconds('张三', '10.0.0.9', t0 + 15 * 60_000)).toBe(0);
    // Another account is not affected; the account key ignores case.
    expect(limiter.retryAfterSeconds('李四', '10.0.0.9', t0 + 5000)).toBe(0);
    expect(limiter.retryAfterSeconds('ZHANG', '10.0.0.9', t0)).toBe(0);
  });

  it('blocks an address after 20 failures over any accounts', () => {
    const limiter = new LoginRateLimiter(limits);
    for (let i = 0; i < 20; i += 1) limiter.recordFailure(`user${i}`, '192.0.2.1', t0 + i);
    expect(limiter.retryAfterSeconds('new-user', '192.0.2.1', t0 + 100)).toBeGreaterThan(0);
    expect(limiter.retryAfterSeconds('new-user', '192.0.2.2', t0 + 100)).toBe(0);
  });

  it('a success clears the account failures but not the address ones', () => {
    const limiter = new LoginRateLimiter({ ...limits, perAddress: 6 });
    for (let i = 0; i < 4; i += 1) limiter.recordFailure('Admin', '192.0.2.1', t0 + i);
    limiter.recordSuccess('admin');
    for (let i = 0; i < 2; i += 1) limiter.recordFailure('admin', '192.0.2.1', t0 + 10 + i);
    expect(limiter.retryAfterSeconds('admin', '192.0.2.3', t0 + 20)).toBe(0);
    expect(limiter.retryAfterSeconds('other', '192.0.2.1', t0 + 20)).toBeGreaterThan(0);
  });

  it('keeps memory bounded', () => {
    const limiter = new LoginRateLimiter(limits, 100);
    for (let i = 0; i < 1000; i += 1) limiter.recordFailure(`u${i}`, `a${i}`, t0 + i);
    expect(limiter.size).toBeLessThanOrEqual(100);
  });
});
