import type { Tag } from '@jianbao/contracts';
import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../common/parse-id.pipe';
import { CreateTagDto } from './dto/create-tag.dto';
import { TagDto } from './dto/tag.dto';
import { UpdateTagDto } from './dto/update-tag.dto';
import { TagsService } from './tags.service';

@ApiTags('tags')
@Controller('tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  /** The flat list; the UI builds the tree from `parentId`. */
  @Get()
  @ApiOkResponse({ type: TagDto, isArray: true })
  list(): Promise<Tag[]> {
    return this.tags.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: TagDto })
  get(@IdParam() id: number): Promise<Tag> {
    return this.tags.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: TagDto })
  create(@Body() body: CreateTagDto): Promise<Tag> {
    return this.tags.create(body);
  }

  @Patch(':id')
  @ApiOkResponse({ type: TagDto })
  update(@IdParam() id: number, @Body() body: UpdateTagDto): Promise<Tag> {
    return this.tags.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@IdParam() id: number): Promise<void> {
    return this.tags.remove(id);
  }
}
