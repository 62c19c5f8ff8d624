import type { Publication } from '@jianbao/contracts';
import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../common/parse-id.pipe';
import { CreatePublicationDto } from './dto/create-publication.dto';
import { PublicationDto } from './dto/publication.dto';
import { UpdatePublicationDto } from './dto/update-publication.dto';
import { PublicationsService } from './publications.service';
import { Roles } from '../common/access';

@ApiTags('publications')
@Controller('publications')
export class PublicationsController {
  constructor(private readonly publications: PublicationsService) {}

  @Get()
  @ApiOkResponse({ type: PublicationDto, isArray: true })
  list(): Promise<Publication[]> {
    return this.publications.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: PublicationDto })
  get(@IdParam() id: number): Promise<Publication> {
    return this.publications.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: PublicationDto })
  create(@Body() body: CreatePublicationDto): Promise<Publication> {
    return this.publications.create(body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: PublicationDto })
  update(@IdParam() id: number, @Body() body: UpdatePublicationDto): Promise<Publication> {
    return this.publications.update(id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@IdParam() id: number): Promise<void> {
    return this.publications.remove(id);
  }
}
