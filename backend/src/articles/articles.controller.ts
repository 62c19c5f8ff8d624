import type { Article, ArticleSummary, Page } from '@jianbao/contracts';
import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { IdParam } from '../common/parse-id.pipe';
import { validationFailed } from '../common/validation';
import { EXPORT_FORMATS, contentDisposition, isExportFormat } from './article-export';
import { ArticlesService } from './articles.service';
import { ListArticlesQueryDto } from './dto/list-articles.query';

@ApiTags('articles')
@Controller('articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Get()
  @ApiOkResponse({ description: "Continued articles, newest issue first, with their parts' pages" })
  list(@Query() query: ListArticlesQueryDto): Promise<Page<ArticleSummary>> {
    return this.articles.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'The article reassembled from its parts' })
  @ApiNotFoundResponse()
  get(@IdParam() id: number): Promise<Article> {
    return this.articles.get(id);
  }

  @Get(':id/export')
  @ApiQuery({ name: 'format', enum: EXPORT_FORMATS })
  @ApiOkResponse({ description: 'text/markdown or text/plain, as an attachment' })
  @ApiBadRequestResponse({ description: 'Unknown format' })
  @ApiNotFoundResponse()
  async export(@IdParam() id: number, @Query('format') format: unknown): Promise<StreamableFile> {
    if (!isExportFormat(format)) {
      throw validationFailed([
        { field: 'format', errors: [`format must be one of: ${EXPORT_FORMATS.join(', ')}`] },
      ]);
    }
    const file = await this.articles.export(id, format);
    return new StreamableFile(Buffer.from(file.body, 'utf8'), {
      type: file.contentType,
      disposition: contentDisposition(file.fileName),
    });
  }
}
