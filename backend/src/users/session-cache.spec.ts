import type { DataSource, EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { SESSION_CACHE_MS, SessionCache, type SessionWithUser } from './session-cache';

/** A runner whose transactions run the work and commit (or roll back when it throws), on no database. */
function runner(): TransactionRunner {
  const ds = {
    options: { type: 'postgres' },
    driver: {},
    transaction: async (_level: string, work: (m: EntityManager) => Promise<unknown>) =>
      work({} as EntityManager),
  };
  return new TransactionRunner(ds as unknown as DataSource);
}

const found = (role: 'viewer' | 'editor' | 'admin'): SessionWithUser => ({
  session: {
    tokenHash: 'h',
    userId: 1,
    csrfToken: 'c',
    createdAt: 0,
    lastSeenAt: 0,
    expiresAt: 1,
    ip: null,
    userAgent: null,
  },
  user: { id: 1, username: '编辑甲', role, disabled: false },
});

describe('SessionCache', () => {
  it('answers a found session from memory for SESSION_CACHE_MS, then reads it again', async () => {
    const cache = new SessionCache(runner());
    const read = jest.fn(async () => found('editor'));
    const t0 = 1_000_000;
    await cache.get('h', read, t0);
    await cache.get('h', read, t0 + SESSION_CACHE_MS - 1);
    expect(read).toHaveBeenCalledTimes(1);
    await cache.get('h', read, t0 + SESSION_CACHE_MS);
    expect(read).toHaveBeenCalledTimes(2);
    // A clock gone backwards does not keep an answer alive.
    await cache.get('h', read, t0 - 5);
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('does not keep an unknown token', async () => {
    const cache = new SessionCache(runner());
    const read = jest.fn(async () => null);
    await cache.get('h', read);
    await cache.get('h', read);
    expect(read).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(0);
  });

  it('forgets when a write that changed a session or user commits, not before, and not on a rollback', async () => {
    const tx = runner();
    const cache = new SessionCache(tx);
    let role: 'viewer' | 'admin' = 'admin';
    const read = jest.fn(async () => found(role));
    await cache.get('h', read);
    await tx.run(async () => {
      role = 'viewer';
      cache.forgetAfterCommit();
      // Until the commit, other requests still read the committed state (the kept answer is that).
      expect((await cache.get('h', read))?.user.role).toBe('admin');
    });
    expect(read).toHaveBeenCalledTimes(1);
    expect((await cache.get('h', read))?.user.role).toBe('viewer');
    expect(read).toHaveBeenCalledTimes(2);

    await expect(
      tx.run(async () => {
        cache.forgetAfterCommit();
        throw new Error('回滚');
      }),
    ).rejects.toThrow('回滚');
    await cache.get('h', read);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('does not keep an answer read while the cache was forgotten (it may predate the change)', async () => {
    const cache = new SessionCache(runner());
    let release: () => void = () => undefined;
    const slow = jest.fn(
      () => new Promise<SessionWithUser>((resolve) => (release = () => resolve(found('admin')))),
    );
    const pending = cache.get('h', slow);
    cache.forget();
    release();
    await pending;
    expect(cache.size).toBe(0);
    const fresh = jest.fn(async () => found('viewer'));
    expect((await cache.get('h', fresh))?.user.role).toBe('viewer');
    expect(fresh).toHaveBeenCalledTimes(1);
  });
});
