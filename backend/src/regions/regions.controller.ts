import type { Page, Region, RegionNode } from '@jianbao/contracts';
import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../common/parse-id.pipe';
import { CreateRegionDto } from './dto/create-region.dto';
import { ListRegionsQuery } from './dto/list-regions.query';
import { RegionDto, RegionPageDto } from './dto/region.dto';
import { RegionNodeDto, RegionTreeQuery } from './dto/region-tree.query';
import { UpdateRegionDto } from './dto/update-region.dto';
import { RegionsService } from './regions.service';
import { Roles } from '../common/access';

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @ApiOkResponse({ type: RegionPageDto })
  list(@Query() query: ListRegionsQuery): Promise<Page<Region>> {
    return this.regions.list(query);
  }

  /** Declared before `:id` so that `tree` is not taken for an id. */
  @Get('tree')
  @ApiOkResponse({ type: RegionNodeDto, isArray: true })
  tree(@Query() query: RegionTreeQuery): Promise<RegionNode[]> {
    return this.regions.tree(query.parentId ?? null);
  }

  @Get(':id')
  @ApiOkResponse({ type: RegionDto })
  get(@IdParam() id: number): Promise<Region> {
    return this.regions.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: RegionDto })
  create(@Body() body: CreateRegionDto): Promise<Region> {
    return this.regions.create(body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: RegionDto })
  update(@IdParam() id: number, @Body() body: UpdateRegionDto): Promise<Region> {
    return this.regions.update(id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@IdParam() id: number): Promise<void> {
    return this.regions.remove(id);
  }
}
