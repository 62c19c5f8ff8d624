import { Module } from '@nestjs/common';
import { SessionCache } from './session-cache';
import { SessionsRepository } from './sessions.repository';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** Accounts and the storage of their sessions (the login flow and the guard are in auth/). */
@Module({
  controllers: [UsersController],
  providers: [UsersRepository, SessionsRepository, SessionCache, UsersService],
  exports: [UsersRepository, SessionsRepository, UsersService],
})
export class UsersModule {}
