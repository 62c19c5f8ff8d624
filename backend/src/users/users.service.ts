import type { CreateUserBody, UpdateUserBody, User } from '@jianbao/contracts';
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access';
import { AuditService } from '../audit/audit.service';
import { TransactionRunner } from '../database/transaction-runner';
import { hashPassword, passwordProblem, USERNAME_PATTERN } from './password-hasher';
import { SessionsRepository } from './sessions.repository';
import type { UserEntity } from './user.entity';
import { mapUser } from './user.mapper';
import { UsersRepository } from './users.repository';

/** Who asks and from where, for the audit log. */
export interface RequestContext {
  actor: Actor | null;
  ip?: string | null;
}

/** Accounts: create, change role, disable (never delete), reset passwords. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<User[]> {
    return (await this.users.list()).map(mapUser);
  }

  async get(id: number): Promise<User> {
    return mapUser(await this.require(id));
  }

  async require(id: number, manager?: EntityManager): Promise<UserEntity> {
    const user = await this.users.findById(id, manager);
    if (!user) throw new NotFoundException(`User ${id} not found`);
    return user;
  }

  /** Whether setup is still open: true until some admin exists (even a disabled one). */
  async setupRequired(): Promise<boolean> {
    return !(await this.users.anyAdmin());
  }

  /**
   * Creates an account (hashing first, outside the write queue). `onlyIfNoAdmin` makes it the one-time
   * setup: refused with 409 once an admin exists, checked inside the same transaction.
   */
  async create(
    body: CreateUserBody,
    context: RequestContext,
    options: { onlyIfNoAdmin?: boolean; action?: string } = {},
  ): Promise<User> {
    if (!USERNAME_PATTERN.test(body.username))
      throw new BadRequestException('username must be 2 to 64 letters, digits, dots, underscores or hyphens');
    const problem = passwordProblem(body.password);
    if (problem) throw new BadRequestException(problem);
    const passwordHash = await hashPassword(body.password);
    return this.transactions.run(async (manager) => {
      if (options.onlyIfNoAdmin && (await this.users.anyAdmin(manager)))
        throw new ConflictException('Setup is done: an admin already exists');
      if (await this.users.findByUsername(body.username, manager))
        throw new ConflictException(`A user named ${body.username} already exists`);
      const user = await this.users.insert(
        { username: body.username, passwordHash, role: body.role },
        manager,
      );
      await this.audit.record(
        {
          action: options.action ?? 'user-created',
          actor: context.actor ?? { id: user.id, username: user.username, role: user.role },
          targetType: 'user',
          targetId: user.id,
          detail: { username: user.username, role: user.role },
          ip: context.ip,
        },
        manager,
      );
      return mapUser(user);
    });
  }

  /** Role, disabled and password reset; disabling or a new password ends the user's sessions. */
  async update(id: number, body: UpdateUserBody, context: RequestContext): Promise<User> {
    const passwordHash = body.password === undefined ? undefined : await hashPassword(body.password);
    return this.transactions.run(async (manager) => {
      const user = await this.require(id, manager);
      const wasActiveAdmin = user.role === 'admin' && !user.disabled;
      const staysActiveAdmin = (body.role ?? user.role) === 'admin' && !(body.disabled ?? user.disabled);
      if (wasActiveAdmin && !staysActiveAdmin && (await this.users.countActiveAdmins(manager)) <= 1)
        throw new ConflictException('The last active admin cannot be demoted or disabled');
      const changes: Parameters<UsersRepository['update']>[1] = {};
      if (body.role !== undefined && body.role !== user.role) changes.role = body.role;
      if (body.disabled !== undefined && body.disabled !== Boolean(user.disabled))
        changes.disabled = body.disabled;
      if (passwordHash !== undefined) changes.passwordHash = passwordHash;
      if (Object.keys(changes).length === 0) return mapUser(user);
      await this.users.update(id, changes, manager);
      if (changes.disabled === true || changes.passwordHash !== undefined)
        await this.sessions.deleteForUser(id, manager);
      const action =
        changes.disabled === true
          ? 'user-disabled'
          : changes.disabled === false
            ? 'user-enabled'
            : 'user-updated';
      await this.audit.record(
        {
          action,
          actor: context.actor,
          targetType: 'user',
          targetId: id,
          detail: {
            username: user.username,
            ...(changes.role ? { role: { before: user.role, after: changes.role } } : {}),
            ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
            ...(changes.passwordHash ? { passwordReset: true } : {}),
          },
          ip: context.ip,
        },
        manager,
      );
      return mapUser(await this.require(id, manager));
    });
  }
}
