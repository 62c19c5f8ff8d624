import { type EnvironmentProviders, inject, provideEnvironmentInitializer } from '@angular/core';
import type { Role, SessionInfo } from '@jianbao/contracts';
import { AuthService } from './auth.service';

/** A session of a user with `role`, for specs. */
export function testSession(role: Role, username = '测试用户'): SessionInfo {
  return {
    user: { id: 1, username, role, disabled: false, createdAt: '2024-01-01T00:00:00Z', lastLoginAt: null },
    csrfToken: 'test-csrf',
    expiresAt: '2099-01-01T00:00:00Z',
  };
}

/** Spec provider: the app starts logged in as a user of `role` (role-aware parts render as for them). */
export function provideSignedInAs(role: Role): EnvironmentProviders {
  return provideEnvironmentInitializer(() => inject(AuthService).adoptSession(testSession(role)));
}
