import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '../config/app-config';
import { UsersModule } from '../users/users.module';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { DEFAULT_LOGIN_LIMITS } from './login-rate-limiter';

const HOUR = 3_600_000;

/** Login, sessions and the global guard that every route passes. */
@Module({})
export class AuthModule {
  static forRoot(config: AppConfig): DynamicModule {
    const options: AuthOptions = {
      idleMs: config.sessionTtlHours * HOUR,
      absoluteMs: config.sessionMaxDays * 24 * HOUR,
      loginLimits: DEFAULT_LOGIN_LIMITS,
    };
    return {
      module: AuthModule,
      imports: [UsersModule],
      controllers: [AuthController],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        AuthService,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AuthService],
    };
  }
}
