import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, LessThan, Not } from 'typeorm';
import { UserEntity } from './user.entity';
import { UserSessionEntity } from './user-session.entity';

/** Every query on `user_session`. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The session with this token hash and its user, in one round trip. */
  async findWithUser(tokenHash: string): Promise<{ session: UserSessionEntity; user: UserEntity } | null> {
    const session = await this.dataSource.getRepository(UserSessionEntity).findOneBy({ tokenHash });
    if (!session) return null;
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: session.userId });
    return user ? { session, user } : null;
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
