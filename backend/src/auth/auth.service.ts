import type { LoginResult, SessionInfo } from '@jianbao/contracts';
import {
  BadRequestException,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { TransactionRunner } from '../database/transaction-runner';
import { hashPassword, passwordProblem, verifyPassword } from '../users/password-hasher';
import { SessionsRepository } from '../users/sessions.repository';
import type { UserEntity } from '../users/user.entity';
import type { UserSessionEntity } from '../users/user-session.entity';
import { mapUser } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import type { Actor } from '../common/access';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options';
import { LoginRateLimiter } from './login-rate-limiter';
import { hashToken, newToken } from './session-tokens';

/** Where a login comes from (for the rate limit and the audit log). */
export interface ClientInfo {
  ip: string;
  userAgent?: string | null;
}

/** A valid session found from a request's token. */
export interface AuthenticatedSession {
  actor: Actor;
  tokenHash: string;
  csrfToken: string;
  expiresAt: number;
}

/** 429 with the seconds to wait (the controller's filter turns it into a Retry-After header). */
export class TooManyLoginAttemptsException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message: `Too many failed logins: try again in ${retryAfterSeconds} s`,
        details: { retryAfterSeconds },
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

const INVALID_LOGIN = 'Invalid username or password';

/** Login, sessions (idle and absolute expiry), logout, password change and the one-time setup. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly limiter: LoginRateLimiter;
  private lastSweep = 0;
  /** Sessions whose last-seen time is being written (see {@link authenticate}). */
  private readonly touching = new Set<string>();

  constructor(
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly sessions: SessionsRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {
    this.limiter = new LoginRateLimiter(options.loginLimits);
  }

  async login(username: string, password: string, client: ClientInfo): Promise<LoginResult> {
    const now = Date.now();
    const wait = this.limiter.retryAfterSeconds(username, client.ip, now);
    if (wait > 0) throw new TooManyLoginAttemptsException(wait);
    const user = await this.users.findByUsername(username);
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !ok || user.disabled) {
      this.limiter.recordFailure(username, client.ip, Date.now());
      await this.audit.record({
        action: 'login-failed',
        actor: user ? { id: user.id, username: user.username, role: user.role } : null,
        targetType: 'user',
        targetId: user?.id ?? null,
        detail: {
          username: username.slice(0, 64),
          reason: !user ? 'unknown' : !ok ? 'password' : 'disabled',
        },
        ip: client.ip,
      });
      throw new UnauthorizedException(ok && user?.disabled ? 'This account is disabled' : INVALID_LOGIN);
    }
    this.limiter.recordSuccess(username);
    return this.startSession(user, client, 'login');
  }

  /** The one-time setup: creates the first admin (409 once one exists) and logs it in. */
  async setup(username: string, password: string, client: ClientInfo): Promise<LoginResult> {
    const created = await this.usersService.create(
      { username, password, role: 'admin' },
      { actor: null, ip: client.ip },
      { onlyIfNoAdmin: true, action: 'setup' },
    );
    return this.startSession(await this.usersService.require(created.id), client, null);
  }

  /** Finds the session of a token; null when unknown, expired, or its user is disabled. */
  async authenticate(token: string): Promise<AuthenticatedSession | null> {
    const tokenHash = hashToken(token);
    const found = await this.sessions.findWithUser(tokenHash);
    if (!found) return null;
    const { session, user } = found;
    const now = Date.now();
    if (user.disabled || now >= session.expiresAt || now - session.lastSeenAt >= this.options.idleMs) {
      this.background(this.transactions.run((m) => this.sessions.delete(tokenHash, m)));
      return null;
    }
    // Written at most every minute (or tenth of the idle time): reads stay reads. One write per session
    // at a time: until it commits every request still reads the old time, and under load (writes queued
    // for seconds) each of them queued another write of the same row.
    if (
      now - session.lastSeenAt > Math.min(60_000, this.options.idleMs / 10) &&
      !this.touching.has(tokenHash)
    ) {
      this.touching.add(tokenHash);
      this.background(
        this.transactions
          .run((m) => this.sessions.touch(tokenHash, now, m))
          .finally(() => this.touching.delete(tokenHash)),
      );
      this.sweepExpired(now);
    }
    return {
      actor: { id: user.id, username: user.username, role: user.role },
      tokenHash,
      csrfToken: session.csrfToken,
      expiresAt: Math.min(session.expiresAt, now + this.options.idleMs),
    };
  }

  async logout(session: AuthenticatedSession, client: ClientInfo): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.sessions.delete(session.tokenHash, manager);
      await this.audit.record(
        {
          action: 'logout',
          actor: session.actor,
          targetType: 'user',
          targetId: session.actor.id,
          ip: client.ip,
        },
        manager,
      );
    });
  }

  async me(session: AuthenticatedSession): Promise<SessionInfo> {
    const user = await this.usersService.get(session.actor.id);
    return { user, csrfToken: session.csrfToken, expiresAt: new Date(session.expiresAt).toISOString() };
  }

  /** Changes the caller's password and ends their other sessions. */
  async changePassword(
    session: AuthenticatedSession,
    currentPassword: string,
    newPassword: string,
    client: ClientInfo,
  ): Promise<void> {
    const user = await this.usersService.require(session.actor.id);
    if (!(await verifyPassword(user.passwordHash, currentPassword)))
      throw new BadRequestException('The current password is wrong');
    const problem = passwordProblem(newPassword);
    if (problem) throw new BadRequestException(problem);
    const passwordHash = await hashPassword(newPassword);
    await this.transactions.run(async (manager) => {
      await this.users.update(user.id, { passwordHash }, manager);
      await this.sessions.deleteForUser(user.id, manager, session.tokenHash);
      await this.audit.record(
        {
          action: 'password-changed',
          actor: session.actor,
          targetType: 'user',
          targetId: user.id,
          ip: client.ip,
        },
        manager,
      );
    });
  }

  private async startSession(
    user: UserEntity,
    client: ClientInfo,
    auditAction: 'login' | null,
  ): Promise<LoginResult> {
    const token = newToken();
    const now = Date.now();
    const session: UserSessionEntity = {
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken: newToken(),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + this.options.absoluteMs,
      ip: client.ip.slice(0, 64),
      userAgent: client.userAgent ? client.userAgent.slice(0, 255) : null,
    };
    await this.transactions.run(async (manager) => {
      await this.sessions.insert(session, manager);
      await this.users.update(user.id, { lastLoginAt: new Date(now) }, manager);
      if (auditAction)
        await this.audit.record(
          {
            action: auditAction,
            actor: { id: user.id, username: user.username, role: user.role },
            targetType: 'user',
            targetId: user.id,
            ip: client.ip,
          },
          manager,
        );
    });
    return {
      token,
      csrfToken: session.csrfToken,
      expiresAt: new Date(Math.min(session.expiresAt, now + this.options.idleMs)).toISOString(),
      user: mapUser({ ...user, lastLoginAt: new Date(now) }),
    };
  }

  /** Drops dead sessions now and then (at most every ten minutes). */
  private sweepExpired(now: number): void {
    if (now - this.lastSweep < 10 * 60_000) return;
    this.lastSweep = now;
    this.background(this.transactions.run((m) => this.sessions.deleteExpired(now, this.options.idleMs, m)));
  }

  /** Book-keeping writes a request need not wait for; a failure is logged, never thrown. */
  private background(work: Promise<unknown>): void {
    work.catch((error: unknown) =>
      this.logger.warn(
        `Session book-keeping failed: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }
}
