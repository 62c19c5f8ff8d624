import type { LoginResult, SessionInfo } from '@jianbao/contracts';
import { Body, Controller, Get, HttpCode, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { clearSessionCookies, type CookieResponse, setSessionCookies } from './auth-cookies';
import { Public, Roles, SetupRoute } from '../common/access';
import type { AuthRequest } from './auth.guard';
import { AuthService, type ClientInfo } from './auth.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { LoginResultDto, SessionInfoDto } from './dto/session.dto';
import { RetryAfterFilter } from './retry-after.filter';

type Request = AuthRequest & { ip?: string; secure?: boolean };

function client(req: Request): ClientInfo {
  const agent = req.headers['user-agent'];
  return { ip: req.ip ?? 'unknown', userAgent: typeof agent === 'string' ? agent : null };
}

/** The caller's session; the guard has made sure there is one on non-public routes. */
function session(req: Request): NonNullable<AuthRequest['authSession']> {
  if (!req.authSession) throw new Error('auth guard did not run');
  return req.authSession;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseFilters(RetryAfterFilter)
  @ApiOkResponse({ type: LoginResultDto, description: 'Also sets the jb_session and jb_csrf cookies' })
  async login(
    @Body() body: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: CookieResponse,
  ): Promise<LoginResult> {
    const result = await this.auth.login(body.username, body.password, client(req));
    setSessionCookies(res, result, req.secure === true);
    return result;
  }

  @Post('setup')
  @SetupRoute()
  @Roles('admin')
  @ApiCreatedResponse({ type: LoginResultDto, description: 'Only while no admin exists; 409 afterwards' })
  async setup(
    @Body() body: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: CookieResponse,
  ): Promise<LoginResult> {
    const result = await this.auth.setup(body.username, body.password, client(req));
    setSessionCookies(res, result, req.secure === true);
    return result;
  }

  @Post('logout')
  @Roles('viewer')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: CookieResponse): Promise<void> {
    await this.auth.logout(session(req), client(req));
    clearSessionCookies(res, req.secure === true);
  }

  @Get('me')
  @ApiOkResponse({ type: SessionInfoDto })
  me(@Req() req: Request): Promise<SessionInfo> {
    return this.auth.me(session(req));
  }

  @Post('password')
  @Roles('viewer')
  @HttpCode(204)
  @ApiNoContentResponse({ description: "The caller's other sessions end" })
  changePassword(@Body() body: ChangePasswordDto, @Req() req: Request): Promise<void> {
    return this.auth.changePassword(session(req), body.currentPassword, body.newPassword, client(req));
  }
}
