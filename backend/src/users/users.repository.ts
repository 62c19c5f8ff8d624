import type { Role } from '@jianbao/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SessionCache } from './session-cache';
import { UserEntity } from './user.entity';

/** Every query on `app_user` (sessions are the auth feature's). */
@Injectable()
export class UsersRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionCache,
  ) {}

  list(): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).find({ order: { id: 'ASC' } });
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOneBy({ id });
  }

  findByUsername(
    username: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOneBy({ username });
  }

  async countActiveAdmins(manager: EntityManager = this.dataSource.manager): Promise<number> {
    return manager.getRepository(UserEntity).countBy({ role: 'admin', disabled: false });
  }

  async anyAdmin(manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await manager.getRepository(UserEntity).countBy({ role: 'admin' })) > 0;
  }

  async insert(
    row: { username: string; passwordHash: string; role: Role },
    manager: EntityManager,
  ): Promise<UserEntity> {
    const repo = manager.getRepository(UserEntity);
    return repo.save(repo.create({ ...row, disabled: false, lastLoginAt: null }));
  }

  async update(
    id: number,
    changes: Partial<Pick<UserEntity, 'role' | 'disabled' | 'passwordHash' | 'lastLoginAt'>>,
    manager: EntityManager,
  ): Promise<void> {
    // The guard's kept answers carry the user's role and whether it is disabled.
    this.sessions.forgetAfterCommit();
    await manager.getRepository(UserEntity).update({ id }, changes);
  }
}
