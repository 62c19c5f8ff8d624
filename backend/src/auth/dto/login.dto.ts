import type { LoginBody } from '@jianbao/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../../users/password-hasher';

/** Body of `POST /api/auth/login` and `/setup` (setup checks the name and length like user creation). */
export class LoginDto implements LoginBody {
  @ApiProperty({ example: '管理员' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}
