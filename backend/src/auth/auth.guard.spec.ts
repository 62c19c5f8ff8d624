import { Controller, ForbiddenException, Get, Post, UnauthorizedException } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { UsersService } from '../users/users.service';
import { Public, Roles, SetupRoute } from '../common/access';
import { AuthGuard, type AuthRequest, defaultRole } from './auth.guard';
import type { AuthenticatedSession, AuthService } from './auth.service';

@Controller('x')
class SampleController {
  @Get() read(): string {
    return 'read';
  }
  @Post() write(): string {
    return 'write';
  }
  @Post('admin') @Roles('admin') admin(): string {
    return 'admin';
  }
  @Post('preview') @Roles('viewer') preview(): string {
    return 'preview';
  }
  @Post('login') @Public() login(): string {
    return 'login';
  }
  @Post('setup') @SetupRoute() @Roles('admin') setup(): string {
    return 'setup';
  }
}

const sessions: Record<string, AuthenticatedSession> = {
  'viewer-token-aaaaaaaa': {
    actor: { id: 1, username: '读者', role: 'viewer' },
    tokenHash: 'h1',
    csrfToken: 'c1',
    expiresAt: 0,
  },
  'editor-token-aaaaaaaa': {
    actor: { id: 2, username: '编辑', role: 'editor' },
    tokenHash: 'h2',
    csrfToken: 'c2',
    expiresAt: 0,
  },
  'admin-token-aaaaaaaaa': {
    actor: { id: 3, username: '管理员', role: 'admin' },
    tokenHash: 'h3',
    csrfToken: 'c3',
    expiresAt: 0,
  },
};

function guard(setupRequired = false): AuthGuard {
  const auth = {
    authenticate: (token: string) => Promise.resolve(sessions[token] ?? null),
  } as unknown as AuthService;
  const users = { setupRequired: () => Promise.resolve(setupRequired) } as unknown as UsersService;
  return new AuthGuard(new Reflector(), auth, users);
}

function context(handler: keyof SampleController, req: AuthRequest): ExecutionContext {
  return {
    getType: () => 'http',
    getHandler: () => SampleController.prototype[handler],
    getClass: () => SampleController,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
}

const bearer = (method: string, token: string): AuthRequest => ({
  method,
  headers: { authorization: `Bearer ${token}` },
});
const cookie = (method: string, token: string, csrf?: string): AuthRequest => ({
  method,
  headers: { cookie: `jb_session=${token}`, ...(csrf ? { 'x-csrf-token': csrf } : {}) },
});

describe('AuthGuard', () => {
  it('defaults: reading needs a viewer, anything else an editor', () => {
    expect(defaultRole('GET')).toBe('viewer');
    expect(defaultRole('head')).toBe('viewer');
    expect(['POST', 'PATCH', 'PUT', 'DELETE'].map(defaultRole)).toEqual([
      'editor',
      'editor',
      'editor',
      'editor',
    ]);
  });

  it('401 without a valid token, 403 below the need, true at or above it', async () => {
    const g = guard();
    await expect(g.canActivate(context('read', { method: 'GET', headers: {} }))).rejects.toBeInstanceOf(
      UnauthorizedException,
    );
    await expect(
      g.canActivate(context('read', bearer('GET', 'unknown-token-aaaaaa'))),
    ).rejects.toBeInstanceOf(UnauthorizedException);
    await expect(g.canActivate(context('read', bearer('GET', 'viewer-token-aaaaaaaa')))).resolves.toBe(true);
    await expect(
      g.canActivate(context('write', bearer('POST', 'viewer-token-aaaaaaaa'))),
    ).rejects.toBeInstanceOf(ForbiddenException);
    await expect(g.canActivate(context('write', bearer('POST', 'editor-token-aaaaaaaa')))).resolves.toBe(
      true,
    );
    await expect(
      g.canActivate(context('admin', bearer('POST', 'editor-token-aaaaaaaa'))),
    ).rejects.toBeInstanceOf(ForbiddenException);
    await expect(g.canActivate(context('admin', bearer('POST', 'admin-token-aaaaaaaaa')))).resolves.toBe(
      true,
    );
    await expect(g.canActivate(context('preview', bearer('POST', 'viewer-token-aaaaaaaa')))).resolves.toBe(
      true,
    );
  });

  it('public routes let anyone in but still say who is calling', async () => {
    const req = bearer('POST', 'editor-token-aaaaaaaa');
    await expect(guard().canActivate(context('login', req))).resolves.toBe(true);
    expect(req.user?.username).toBe('编辑');
    await expect(guard().canActivate(context('login', { method: 'POST', headers: {} }))).resolves.toBe(true);
  });

  it('cookie requests changing state need the CSRF token; bearer requests and reads do not', async () => {
    const g = guard();
    await expect(g.canActivate(context('read', cookie('GET', 'editor-token-aaaaaaaa')))).resolves.toBe(true);
    await expect(g.canActivate(context('write', cookie('POST', 'editor-token-aaaaaaaa')))).rejects.toThrow(
      'CSRF token missing or invalid',
    );
    await expect(
      g.canActivate(context('write', cookie('POST', 'editor-token-aaaaaaaa', 'c1'))),
    ).rejects.toThrow('CSRF token missing or invalid');
    await expect(
      g.canActivate(context('write', cookie('POST', 'editor-token-aaaaaaaa', 'c2'))),
    ).resolves.toBe(true);
    await expect(g.canActivate(context('write', bearer('POST', 'editor-token-aaaaaaaa')))).resolves.toBe(
      true,
    );
  });

  it('the setup route is open only while setup is required', async () => {
    await expect(guard(true).canActivate(context('setup', { method: 'POST', headers: {} }))).resolves.toBe(
      true,
    );
    await expect(
      guard(false).canActivate(context('setup', { method: 'POST', headers: {} })),
    ).rejects.toBeInstanceOf(UnauthorizedException);
    await expect(
      guard(false).canActivate(context('setup', bearer('POST', 'editor-token-aaaaaaaa'))),
    ).rejects.toBeInstanceOf(ForbiddenException);
  });
});
