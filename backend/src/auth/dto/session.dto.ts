import type { LoginResult, SessionInfo } from '@jianbao/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from '../../users/dto/user.dto';

export class SessionInfoDto implements SessionInfo {
  @ApiProperty({ type: UserDto }) user!: UserDto;
  @ApiProperty() csrfToken!: string;
  @ApiProperty() expiresAt!: string;
}

export class LoginResultDto extends SessionInfoDto implements LoginResult {
  @ApiProperty({ description: 'For `Authorization: Bearer …`' }) token!: string;
}
