import type { User } from '@jianbao/contracts';
import type { UserEntity } from './user.entity';

export function mapUser(row: UserEntity): User {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    disabled: Boolean(row.disabled),
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt ? row.lastLoginAt.toISOString() : null,
  };
}
