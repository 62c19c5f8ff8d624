import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, LessThan, Not } from 'typeorm';
import { ReadQueries } from '../database/read-queries';
import { SessionCache, type SessionWithUser } from './session-cache';
import { UserEntity } from './user.entity';
import { UserSessionEntity } from './user-session.entity';

/**
 * Every query on `user_session`. The guard's lookup is answered from {@link SessionCache} for up to a
 * second; every write here (and every change of a user, UsersRepository) forgets it when it commits.
 */
@Injectable()
export class SessionsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly read: ReadQueries,
    private readonly cache: SessionCache,
  ) {}

  /** The session with this token hash and what the guard needs of its user, in one round trip. */
  findWithUser(tokenHash: string): Promise<SessionWithUser | null> {
    return this.cache.get(tokenHash, () => this.lookUp(tokenHash));
  }

  private async lookUp(tokenHash: string): Promise<SessionWithUser | null> {
    const [row] = await this.read.all<{
      csrf_token: string;
      created_at: number | string;
      last_seen_at: number | string;
      expires_at: number | string;
      user_id: number;
      username: string;
      role: UserEntity['role'];
      disabled: boolean | number;
    }>(
      'SELECT s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, u.id AS user_id, u.username, u.role, ' +
        'u.disabled FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = ?',
      [tokenHash],
    );
    if (!row) return null;
    const userId = Number(row.user_id);
    return {
      session: {
        tokenHash,
        userId,
        csrfToken: row.csrf_token,
        createdAt: Number(row.created_at),
        lastSeenAt: Number(row.last_seen_at),
        expiresAt: Number(row.expires_at),
        ip: null,
        userAgent: null,
      },
      user: { id: userId, username: row.username, role: row.role, disabled: Boolean(row.disabled) },
    };
  }

  async insert(row: UserSessionEntity, manager: EntityManager): Promise<void> {
    this.cache.forgetAfterCommit();
    await manager.getRepository(UserSessionEntity).insert(row);
  }

  async touch(tokenHash: string, lastSeenAt: number, manager: EntityManager): Promise<void> {
    this.cache.forgetAfterCommit();
    await manager.getRepository(UserSessionEntity).update({ tokenHash }, { lastSeenAt });
  }

  async delete(tokenHash: string, manager: EntityManager): Promise<void> {
    this.cache.forgetAfterCommit();
    await manager.getRepository(UserSessionEntity).delete({ tokenHash });
  }

  /** Ends every session of a user, but `keep` (the caller's own, after a password change). */
  async deleteForUser(userId: number, manager: EntityManager, keep?: string): Promise<void> {
    this.cache.forgetAfterCommit();
    await manager
      .getRepository(UserSessionEntity)
      .delete(keep ? { userId, tokenHash: Not(keep) } : { userId });
  }

  /** Drops sessions past their absolute end or idle longer than `idleMs`. */
  async deleteExpired(now: number, idleMs: number, manager: EntityManager): Promise<void> {
    this.cache.forgetAfterCommit();
    const repo = manager.getRepository(UserSessionEntity);
    await repo.delete({ expiresAt: LessThan(now) });
    await repo.delete({ lastSeenAt: LessThan(now - idleMs) });
  }
}
