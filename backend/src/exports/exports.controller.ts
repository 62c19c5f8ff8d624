import { Readable } from 'node:stream';
import type { ArchiveImportResult, ClippingFilterValues } from '@jianbao/contracts';
import { CLIPPING_FILTER_NAMES } from '@jianbao/contracts';
import { Body, Controller, Get, HttpCode, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { contentDisposition } from '../articles/article-export';
import { type Actor, CurrentUser, Roles } from '../common/access';
import { IdParam } from '../common/parse-id.pipe';
import { validationFailed } from '../common/validation';
import { ArchiveImportService } from './archive-import.service';
import { TEXT_EXPORT_FORMATS, isTextExportFormat } from './clipping-text';
import { ExportClippingsQueryDto } from './dto/export-clippings.query';
import { ExportsService } from './exports.service';

@ApiTags('exports')
@Controller()
export class ExportsController {
  constructor(
    private readonly exports: ExportsService,
    private readonly archives: ArchiveImportService,
  ) {}

  @Get('exports/clippings')
  @ApiOkResponse({
    description:
      'text/csv (UTF-8 with BOM, RFC 4180) or the JSON archive file, as an attachment, streamed in batches',
  })
  @ApiBadRequestResponse({ description: 'Bad format, filter, sort or ids, or an unknown id' })
  async list(@Query() query: ExportClippingsQueryDto): Promise<StreamableFile> {
    const filter: ClippingFilterValues = {};
    for (const name of CLIPPING_FILTER_NAMES) {
      if (query[name] !== undefined) Object.assign(filter, { [name]: query[name] });
    }
    const what =
      query.ids === undefined
        ? { filter, ...(query.sort === undefined ? {} : { sort: query.sort }) }
        : { ids: query.ids.split(',').map(Number) };
    const file = await this.exports.list(what, query.format, query.lang);
    const body = Readable.from(
      (async function* () {
        for await (const chunk of file.chunks) yield Buffer.from(chunk, 'utf8');
      })(),
    );
    return new StreamableFile(body, {
      type: file.contentType,
      disposition: contentDisposition(file.fileName),
    });
  }

  @Get('clippings/:id/export')
  @ApiQuery({ name: 'format', enum: TEXT_EXPORT_FORMATS })
  @ApiOkResponse({ description: 'text/markdown or text/plain, as an attachment' })
  @ApiBadRequestResponse({ description: 'Unknown format' })
  @ApiNotFoundResponse()
  async clipping(@IdParam() id: number, @Query('format') format: unknown): Promise<StreamableFile> {
    if (!isTextExportFormat(format)) {
      throw validationFailed([
        { field: 'format', errors: [`format must be one of: ${TEXT_EXPORT_FORMATS.join(', ')}`] },
      ]);
    }
    const file = await this.exports.clipping(id, format);
    return new StreamableFile(Buffer.from(file.body, 'utf8'), {
      type: file.contentType,
      disposition: contentDisposition(file.fileName),
    });
  }

  @Post('exports/import')
  @Roles('admin')
  @HttpCode(201)
  @ApiBody({ description: 'An archive file (the JSON export)' })
  @ApiOkResponse({ description: 'What was created' })
  @ApiBadRequestResponse({ description: 'Not an archive file: every problem listed in details' })
  @ApiConflictResponse({ description: 'The database already holds clippings' })
  importArchive(@Body() body: unknown, @CurrentUser() actor: Actor | null): Promise<ArchiveImportResult> {
    return this.archives.import(body, actor);
  }
}
