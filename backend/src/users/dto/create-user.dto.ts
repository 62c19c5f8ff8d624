import type { CreateUserBody, Role } from '@jianbao/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from '../password-hasher';

export const ROLES: readonly Role[] = ['viewer', 'editor', 'admin'];

/** Body of `POST /api/users`. */
export class CreateUserDto implements CreateUserBody {
  @ApiProperty({ example: '王编辑', pattern: USERNAME_PATTERN.source })
  @IsString()
  @Matches(USERNAME_PATTERN, {
    message: 'username must be 2 to 64 letters, digits, dots, underscores or hyphens',
  })
  username!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}
