import type { User } from '@jianbao/contracts';
import { Body, Controller, Get, Patch, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentUser, Roles } from '../common/access';
import { IdParam } from '../common/parse-id.pipe';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: UserDto, isArray: true })
  list(): Promise<User[]> {
    return this.users.list();
  }

  @Post()
  @ApiCreatedResponse({ type: UserDto })
  create(
    @Body() body: CreateUserDto,
    @CurrentUser() actor: Actor | null,
    @Req() req: { ip?: string },
  ): Promise<User> {
    return this.users.create(body, { actor, ip: req.ip });
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  update(
    @IdParam() id: number,
    @Body() body: UpdateUserDto,
    @CurrentUser() actor: Actor | null,
    @Req() req: { ip?: string },
  ): Promise<User> {
    return this.users.update(id, body, { actor, ip: req.ip });
  }
}
