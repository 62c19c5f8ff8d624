import type { Clipping, CountedPage } from '@jianbao/contracts';
import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentUser } from '../common/access';
import { IdParam } from '../common/parse-id.pipe';
import { ClippingsService } from './clippings.service';
import { ClippingDto, ClippingPageDto } from './dto/clipping.dto';
import { CreateClippingDto } from './dto/create-clipping.dto';
import { ListClippingsQueryDto } from './dto/list-clippings.query';
import { UpdateClippingDto } from './dto/update-clipping.dto';

@ApiTags('clippings')
@Controller('clippings')
export class ClippingsController {
  constructor(private readonly clippings: ClippingsService) {}

  @Get()
  @ApiOkResponse({ type: ClippingPageDto })
  list(@Query() query: ListClippingsQueryDto): Promise<CountedPage<Clipping>> {
    return this.clippings.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ClippingDto })
  get(@IdParam() id: number): Promise<Clipping> {
    return this.clippings.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: ClippingDto })
  create(@Body() body: CreateClippingDto, @CurrentUser() actor: Actor | null): Promise<Clipping> {
    return this.clippings.create(body, actor);
  }

  @Patch(':id')
  @ApiOkResponse({ type: ClippingDto })
  @ApiConflictResponse({ description: 'The given version is stale' })
  update(
    @IdParam() id: number,
    @Body() body: UpdateClippingDto,
    @CurrentUser() actor: Actor | null,
  ): Promise<Clipping> {
    return this.clippings.update(id, body, actor);
  }
}
