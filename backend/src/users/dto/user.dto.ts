import type { Role, User } from '@jianbao/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from './create-user.dto';

export class UserDto implements User {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() disabled!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) lastLoginAt!: string | null;
}
