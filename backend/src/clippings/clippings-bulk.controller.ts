import type { BulkEditResult } from '@jianbao/contracts';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentUser } from '../common/access';
import { ClippingsBulkService } from './clippings-bulk.service';
import { BulkEditDto, BulkEditResultDto } from './dto/bulk-edit.dto';

@ApiTags('clippings')
@Controller('clippings')
export class ClippingsBulkController {
  constructor(private readonly bulk: ClippingsBulkService) {}

  /** The same change on many clippings, all or nothing; `dryRun` only counts. */
  @Post('bulk')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkEditResultDto })
  edit(@Body() body: BulkEditDto, @CurrentUser() actor: Actor | null): Promise<BulkEditResult> {
    return this.bulk.edit(body, actor);
  }
}
