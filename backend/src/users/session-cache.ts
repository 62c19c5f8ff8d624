import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import type { UserEntity } from './user.entity';
import type { UserSessionEntity } from './user-session.entity';

/** A session and what the guard needs of its user. */
export interface SessionWithUser {
  session: UserSessionEntity;
  user: Pick<UserEntity, 'id' | 'username' | 'role' | 'disabled'>;
}

/**
 * How long a session read is answered again from memory (ms). Every request's guard reads its session
 * and user; under load that read was one of three or four statements per request, each a round trip
 * through the busy event loop. Within this process the cache is forgotten the moment a change to a
 * session or a user commits, so logging out, a new password, disabling or demoting a user take effect
 * at once; a change made by another process (the CLI, a second server on PostgreSQL) takes at most this
 * long to be seen.
 */
export const SESSION_CACHE_MS = 1000;

/** Entries kept at most; past that the expired ones go (and all of them if none has expired). */
const MAX_ENTRIES = 10_000;

/**
 * Recent answers of the session lookup, by token hash. Only found sessions are kept (an unknown token
 * is asked again each time). An answer read while a change committed is not kept: it may predate it.
 */
@Injectable()
export class SessionCache {
  private readonly entries = new Map<string, { at: number; value: SessionWithUser }>();
  /** Moves on at every forget: a read begun before it must not be kept. */
  private generation = 0;

  constructor(private readonly tx: TransactionRunner) {}

  /** The kept answer for `key`, else `read()`'s (kept when found and nothing was forgotten meanwhile). */
  async get(
    key: string,
    read: () => Promise<SessionWithUser | null>,
    now = Date.now(),
  ): Promise<SessionWithUser | null> {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < SESSION_CACHE_MS && now >= hit.at) return hit.value;
    const generation = this.generation;
    const value = await read();
    if (value !== null && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.prune(now);
      this.entries.set(key, { at: now, value });
    } else if (value === null) {
      this.entries.delete(key);
    }
    return value;
  }

  /** Forgets every answer once the write running now commits (at once outside a write). */
  forgetAfterCommit(): void {
    this.tx.afterCommit(() => this.forget());
  }

  /** Forgets every answer now. */
  forget(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) {
      if (now - entry.at >= SESSION_CACHE_MS || now < entry.at) this.entries.delete(key);
    }
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
  }
}
