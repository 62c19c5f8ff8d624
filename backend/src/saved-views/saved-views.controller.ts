import type { SavedView } from '@jianbao/contracts';
import { Body, Controller, Delete, Get, HttpCode, Patch, Post, UnauthorizedException } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentUser, Roles } from '../common/access';
import { IdParam } from '../common/parse-id.pipe';
import { CreateSavedViewDto } from './dto/create-saved-view.dto';
import { SavedViewDto } from './dto/saved-view.dto';
import { UpdateSavedViewDto } from './dto/update-saved-view.dto';
import { SavedViewsService } from './saved-views.service';

/** The caller (the guard lets no anonymous request through to these routes). */
function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new UnauthorizedException('Log in first');
  return actor;
}

/** Every logged-in user keeps personal views; sharing and shared views are checked in the service. */
@ApiTags('saved-views')
@Controller('saved-views')
export class SavedViewsController {
  constructor(private readonly views: SavedViewsService) {}

  @Get()
  @ApiOkResponse({ type: SavedViewDto, isArray: true, description: 'Your views and the shared ones' })
  list(@CurrentUser() actor: Actor | null): Promise<SavedView[]> {
    return this.views.list(signedIn(actor));
  }

  @Get(':id')
  @ApiOkResponse({ type: SavedViewDto })
  get(@IdParam() id: number, @CurrentUser() actor: Actor | null): Promise<SavedView> {
    return this.views.get(id, signedIn(actor));
  }

  @Post()
  @Roles('viewer')
  @ApiCreatedResponse({ type: SavedViewDto })
  create(@Body() body: CreateSavedViewDto, @CurrentUser() actor: Actor | null): Promise<SavedView> {
    return this.views.create(body, signedIn(actor));
  }

  @Patch(':id')
  @Roles('viewer')
  @ApiOkResponse({ type: SavedViewDto })
  update(
    @IdParam() id: number,
    @Body() body: UpdateSavedViewDto,
    @CurrentUser() actor: Actor | null,
  ): Promise<SavedView> {
    return this.views.update(id, body, signedIn(actor));
  }

  @Delete(':id')
  @Roles('viewer')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@IdParam() id: number, @CurrentUser() actor: Actor | null): Promise<void> {
    return this.views.remove(id, signedIn(actor));
  }
}
