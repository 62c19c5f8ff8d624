import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { LoginBody, LoginResult, Role, SessionInfo, User } from '@jianbao/contracts';
import { Observable, firstValueFrom, map, tap } from 'rxjs';
import { AuthApi } from './auth-api';
import { roleAtLeast } from './roles';

/**
 * Who is logged in, as signals. Loaded once at start-up from `GET /api/auth/me` (401 → nobody);
 * login, setup and logout update it. The server enforces every permission; this only decides what
 * the UI offers and where the router sends people.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly api = inject(AuthApi);
  private readonly session = signal<SessionInfo | null>(null);
  private readonly setupNeeded = signal(false);

  readonly user = computed<User | null>(() => this.session()?.user ?? null);
  readonly role = computed<Role | null>(() => this.user()?.role ?? null);
  readonly loggedIn = computed(() => this.session() !== null);
  readonly isAdmin = computed(() => roleAtLeast(this.role(), 'admin'));
  /** True on a fresh install, until the first admin exists. */
  readonly setupRequired = this.setupNeeded.asReadonly();
  private readonly refusal = signal<{ message: string; at: number } | null>(null);
  /** The last "your role cannot do this" refusal (a 403): the server's message, '' without one. */
  readonly forbidden = computed(() => this.refusal()?.message ?? null);

  /** The session's CSRF token (the interceptor prefers the `jb_csrf` cookie when it is readable). */
  csrfToken(): string | null {
    return this.session()?.csrfToken ?? null;
  }

  /** Does the current user reach `need`? Read inside templates/computeds to react to login and logout. */
  can(need: Role): boolean {
    return roleAtLeast(this.role(), need);
  }

  /** Start-up: who is logged in, and is this a fresh install? Never rejects (the app must boot). */
  async load(): Promise<void> {
    await Promise.all([this.refreshSession(), this.refreshSetupRequired()]);
  }

  async refreshSession(): Promise<SessionInfo | null> {
    try {
      const info = await firstValueFrom(this.api.me());
      this.session.set(info);
      return info;
    } catch {
      this.session.set(null);
      return null;
    }
  }

  async refreshSetupRequired(): Promise<boolean> {
    try {
      const health = await firstValueFrom(this.api.health());
      this.setupNeeded.set(health.setupRequired === true);
    } catch (err: unknown) {
      // Unreachable server: keep what we knew; the pages show their own network errors.
      if (!(err instanceof HttpErrorResponse)) throw err;
    }
    return this.setupNeeded();
  }

  login(body: LoginBody): Observable<User> {
    return this.api.login(body).pipe(
      tap((result) => this.adopt(result)),
      map((result) => result.user),
    );
  }

  /** Creates the first admin (fresh install only) and logs in as them. */
  setup(body: LoginBody): Observable<User> {
    return this.api.setup(body).pipe(
      tap((result) => {
        this.adopt(result);
        this.setupNeeded.set(false);
      }),
      map((result) => result.user),
    );
  }

  /** Ends the session on the server; forgets it here whatever the server answers. */
  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.api.logout());
    } catch {
      // Already expired or unreachable: the local session goes anyway.
    }
    this.clear();
  }

  /** Report a refusal for the user's role (the shell shows it). */
  refuse(message: string): void {
    this.refusal.set({ message, at: Date.now() });
  }

  /** Hide the refusal; with `olderThanMs`, only one reported at least that long ago. */
  dismissForbidden(olderThanMs = 0): void {
    const refusal = this.refusal();
    if (refusal && Date.now() - refusal.at >= olderThanMs) this.refusal.set(null);
  }

  /** Forget the session locally (after a 401: it expired or was ended elsewhere). */
  clear(): void {
    this.session.set(null);
    this.refusal.set(null);
  }

  /** Take over a session known by other means (tests, or an answer that carried one). */
  adoptSession(info: SessionInfo): void {
    this.refusal.set(null);
    this.session.set(info);
  }

  private adopt(result: LoginResult): void {
    this.adoptSession({ user: result.user, csrfToken: result.csrfToken, expiresAt: result.expiresAt });
  }
}
