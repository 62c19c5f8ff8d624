import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, LessThan, Not } from 'typeorm';
import { UserEntity } from './user.entity';
import { UserSessionEntity } from './user-session.entity';

/** Every query on `user_session`. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The session with this token hash and what the guard needs of its user, in one round trip. */
  async findWithUser(tokenHash: string): Promise<{
    session: UserSessionEntity;
    user: Pick<UserEntity, 'id' | 'username' | 'role' | 'disabled'>;
  } | null> {
    const row = await this.dataSource
      .getRepository(UserSessionEntity)
      .createQueryBuilder('s')
      .innerJoin(UserEntity, 'u', 'u.id = s.user_id')
      .select('s.csrf_token', 'csrfToken')
      .addSelect('s.created_at', 'createdAt')
      .addSelect('s.last_seen_at', 'lastSeenAt')
      .addSelect('s.expires_at', 'expiresAt')
      .addSelect('u.id', 'userId')
      .addSelect('u.username', 'username')
      .addSelect('u.role', 'role')
      .addSelect('u.disabled', 'disabled')
      .where('s.token_hash = :tokenHash', { tokenHash })
      .getRawOne<{
        csrfToken: string;
        createdAt: number | string;
        lastSeenAt: number | string;
        expiresAt: number | string;
        userId: number;
        username: string;
        role: UserEntity['role'];
        disabled: boolean | number;
      }>();
    if (!row) return null;
    const userId = Number(row.userId);
    return {
      session: {
        tokenHash,
        userId,
        csrfToken: row.csrfToken,
        createdAt: Number(row.createdAt),
        lastSeenAt: Number(row.lastSeenAt),
        expiresAt: Number(row.expiresAt),
        ip: null,
        userAgent: null,
      },
      user: { id: userId, username: row.username, role: row.role, disabled: Boolean(row.disabled) },
    };
  }

  async insert(row: UserSessionEntity, manager: EntityManager): Promise<void> {
    await manager.getRepository(UserSessionEntity).insert(row);
  }

  async touch(tokenHash: string, lastSeenAt: number, manager: EntityManager): Promise<void> {
    await manager.getRepository(UserSessionEntity).update({ tokenHash }, { lastSeenAt });
  }

  async delete(tokenHash: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(UserSessionEntity).delete({ tokenHash });
  }

  /** Ends every session of a user, but `keep` (the caller's own, after a password change). */
  async deleteForUser(userId: number, manager: EntityManager, keep?: string): Promise<void> {
    await manager
      .getRepository(UserSessionEntity)
      .delete(keep ? { userId, tokenHash: Not(keep) } : { userId });
  }

  /** Drops sessions past their absolute end or idle longer than `idleMs`. */
  async deleteExpired(now: number, idleMs: number, manager: EntityManager): Promise<void> {
    const repo = manager.getRepository(UserSessionEntity);
    await repo.delete({ expiresAt: LessThan(now) });
    await repo.delete({ lastSeenAt: LessThan(now - idleMs) });
  }
}
