import type {
  ImportBin,
  ImportPreview,
  ImportResult,
  Page,
  PageImport,
  ReplacePlan,
} from '@jianbao/contracts';
import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, CurrentUser, Roles } from '../common/access';
import { PageQuery } from '../common/page.query';
import { IdParam } from '../common/parse-id.pipe';
import { CreateImportDto } from './dto/create-import.dto';
import { ImportPreviewDto } from './dto/import-preview.dto';
import { ListImportsQuery } from './dto/list-imports.query';
import { ReplacePlanDto } from './dto/replace-plan.dto';
import { ImportBinService } from './import-bin.service';
import { ImportsService, type PageImportDetail } from './imports.service';

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly bins: ImportBinService,
  ) {}

  @Post('preview')
  @Roles('viewer')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      'The proposed clippings (ImportPreview), regions filled, and `duplicate`: the earlier filing of this page text',
  })
  @ApiBadRequestResponse({ description: 'A field is invalid or the publication does not exist' })
  preview(@Body() body: ImportPreviewDto): Promise<ImportPreview> {
    return this.imports.preview(body);
  }

  @Post('replace-plan')
  @Roles('viewer')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      'ReplacePlan: the earlier filing of this page text, its clippings carrying work done after filing, and the new clipping each matches',
  })
  @ApiBadRequestResponse({ description: 'A field is invalid or the publication does not exist' })
  replacePlan(@Body() body: ReplacePlanDto): Promise<ReplacePlan> {
    return this.imports.replacePlan(body);
  }

  @Post()
  @ApiCreatedResponse({ description: 'What was filed (ImportResult)' })
  @ApiConflictResponse({ description: 'The same page text was filed before for this publication' })
  file(@Body() body: CreateImportDto, @CurrentUser() actor: Actor | null): Promise<ImportResult> {
    return this.imports.file(body, actor);
  }

  @Get()
  @ApiOkResponse({ description: 'Filed pages, newest first' })
  list(@Query() query: ListImportsQuery): Promise<Page<PageImport>> {
    return this.imports.list(query);
  }

  @Get('unassigned')
  @ApiOkResponse({
    description:
      'The work queue of filed pages with unassigned lines (page furniture aside) not yet reviewed, newest filing first',
  })
  @ApiBadRequestResponse({ description: 'page or pageSize out of range' })
  unassigned(@Query() query: PageQuery): Promise<Page<ImportBin>> {
    return this.bins.waiting(query);
  }

  @Post(':id/unassigned/review')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The page’s unassigned lines, marked reviewed (ImportBin); audited' })
  @ApiNotFoundResponse({ description: 'No such import' })
  @ApiConflictResponse({ description: 'Marked reviewed already' })
  reviewUnassigned(@IdParam() id: number, @CurrentUser() actor: Actor | null): Promise<ImportBin> {
    return this.bins.markReviewed(id, actor);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'One filed page with its clippings’ ids' })
  get(@IdParam() id: number): Promise<PageImportDetail> {
    return this.imports.get(id);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The import is gone; its clippings are in the trash' })
  remove(@IdParam() id: number, @CurrentUser() actor: Actor | null): Promise<void> {
    return this.imports.remove(id, actor);
  }
}
